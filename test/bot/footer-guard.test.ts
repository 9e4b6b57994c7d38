import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { footerGuard } from '../../src/bot/footer-guard.js';
import { createLogger } from '../../src/bot/logger.js';
import { composeReply, hasFooter } from '../../src/reply/compose.js';

function guard() {
  const lines: string[] = [];
  const logger = createLogger('info', undefined, new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
  const sent: { method: string; payload: any }[] = [];
  const prev = async (method: string, payload: unknown) => {
    sent.push({ method, payload });
    return { ok: true as const, result: true };
  };
  const call = (method: string, payload: object) => (footerGuard(logger) as any)(prev, method, payload, undefined);
  return { call, sent, lines };
}

// The second line of defence: whatever a feature sends, the footer goes out.
describe('footerGuard', () => {
  it.each(['sendMessage', 'editMessageText'])('should add the footer to a %s that lacks it, and log the fault', async (method) => {
    const { call, sent, lines } = guard();
    await call(method, { chat_id: 1, text: 'a reply someone forgot to compose' });
    expect(hasFooter(sent[0]!.payload.text)).toBe(true);
    expect(sent[0]!.payload.text.startsWith('a reply someone forgot to compose')).toBe(true);
    expect(lines.join('')).toContain('"event":"footer_missing"');
  });

  it('should add the footer to each inline result that lacks it', async () => {
    const { call, sent } = guard();
    await call('answerInlineQuery', {
      inline_query_id: 'q',
      results: [
        { type: 'article', id: '1', title: 't', input_message_content: { message_text: 'bare' } },
        { type: 'article', id: '2', title: 't', input_message_content: { message_text: composeReply('composed') } },
      ],
    });
    for (const r of sent[0]!.payload.results) expect(hasFooter(r.input_message_content.message_text)).toBe(true);
  });

  it('should leave composed replies and other methods alone, logging nothing', async () => {
    const { call, sent, lines } = guard();
    const text = composeReply('fine');
    await call('sendMessage', { chat_id: 1, text });
    await call('answerCallbackQuery', { callback_query_id: 'x', text: 'That button has expired.' });
    expect(sent[0]!.payload.text).toBe(text);
    expect(sent[1]!.payload.text).toBe('That button has expired.');
    expect(lines).toEqual([]);
  });
});

describe('texts too small for the footer', () => {
  it('should still carry the contact numbers, within Telegram limits', async () => {
    const { profileTexts } = await import('../../src/bot/start.js');
    const { realEngine } = await import('../helpers/fixtures.js');
    const { composeNotice } = await import('../../src/reply/compose.js');
    const texts = profileTexts(await realEngine());
    expect(texts.description.length).toBeLessThanOrEqual(512);
    expect(texts.short.length).toBeLessThanOrEqual(120);
    expect(texts.description).toContain('Monday 7 March to Friday 11 March 2022');
    for (const t of [texts.description, texts.short, composeNotice("You're sending messages faster than I can answer. Please wait a few seconds, then ask again.")]) {
      expect(t).toMatch(/999.*101.*0800 555 111/);
      expect(t.length).toBeLessThanOrEqual(512);
    }
    // Button pop-ups are limited to 200 characters.
    for (const notice of ['That button has expired. Send /start for the topics.', "You're sending messages faster than I can answer. Please wait a few seconds, then ask again."]) {
      expect(composeNotice(notice).length).toBeLessThanOrEqual(200);
    }
  });
});
