import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LogThrottle } from '../../src/bot/log-throttle.js';
import { createLogger } from '../../src/bot/logger.js';

function throttled() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  let now = 0;
  const throttle = new LogThrottle(createLogger('debug', undefined, sink), 60_000, () => now);
  return { throttle, lines, advance: (ms: number) => (now += ms) };
}

describe('LogThrottle', () => {
  it('should log one line per kind per minute, then say how many it left out', () => {
    const { throttle, lines, advance } = throttled();
    for (let i = 0; i < 100; i++) throttle.log('error', 'api_error:sendMessage:429', { event: 'api_error' }, 'Telegram answered with an error');
    throttle.log('warn', 'webhook_unauthorised', { event: 'webhook_unauthorised' }, 'no secret');
    expect(lines.map((l) => l.event)).toEqual(['api_error', 'webhook_unauthorised']);
    advance(59_999);
    throttle.log('error', 'api_error:sendMessage:429', { event: 'api_error' }, 'again');
    expect(lines).toHaveLength(2);
    advance(1);
    throttle.log('error', 'api_error:sendMessage:429', { event: 'api_error' }, 'again');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatchObject({ event: 'api_error', suppressed: 100 });
  });
});
