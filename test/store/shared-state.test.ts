import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/bot/logger.js';
import { SharedStore } from '../../src/store/redis.js';
import { SharedContextStore, SharedUpdateClaims, sharedRateCounter } from '../../src/store/shared-state.js';
import { freePort } from '../helpers/process.js';
import { redisUnavailable, TestRedis } from '../helpers/redis.js';

const skip = redisUnavailable();

function quietLogger() {
  const lines: string[] = [];
  const logger = createLogger('info', undefined, new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }));
  return { logger, lines };
}

describe.skipIf(skip)('shared state in Redis', () => {
  let own: TestRedis | undefined;
  let url: string;
  let store: SharedStore;
  let peek: Redis;

  beforeAll(async () => {
    // CI starts one Redis for the whole run (.ci/run); elsewhere the test starts its own.
    if (process.env.TEST_REDIS_URL) url = process.env.TEST_REDIS_URL;
    else url = (own = await TestRedis.start()).url;
    store = new SharedStore(url, quietLogger().logger);
    await store.connect();
    peek = new Redis(url);
  });
  afterAll(async () => {
    await store?.close();
    peek?.disconnect();
    await own?.stop();
  });

  it('should share context between stores, with an expiry', async () => {
    const key = `test-${Date.now()}`;
    await new SharedContextStore(store).set(key, { intent: 'arrests', places: ['essex'], at: 1 });
    expect(await new SharedContextStore(store).get(key)).toEqual({ intent: 'arrests', places: ['essex'], at: 1 });
    const ttl = await peek.ttl(`clbot:ctx:${key}`);
    expect(ttl).toBeGreaterThan(1700);
    expect(ttl).toBeLessThanOrEqual(1800);
    await new SharedContextStore(store).set(key, undefined);
    expect(await new SharedContextStore(store).get(key)).toBeUndefined();
  });

  it('should let only the first of several instances claim an update id, with a short lease', async () => {
    const id = Date.now();
    const results = await Promise.all([new SharedUpdateClaims(store), new SharedUpdateClaims(store), new SharedUpdateClaims(store)].map((d) => d.claim(id)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const lease = await peek.pttl(`clbot:update:${id}`);
    expect(lease).toBeGreaterThan(0);
    expect(lease).toBeLessThanOrEqual(15_000);
  });

  // Regression: a claim was kept for 24 hours even when handling failed, so the redelivery was dropped.
  it('should release a failed claim so a redelivery is answered, and keep a done one for a day', async () => {
    const claims = new SharedUpdateClaims(store);
    const id = Date.now() + 1;
    expect(await claims.claim(id)).toBe(true);
    await claims.release(id);
    expect(await claims.claim(id)).toBe(true);
    await claims.done(id);
    expect(await claims.claim(id)).toBe(false);
    expect(await peek.ttl(`clbot:update:${id}`)).toBeGreaterThan(86_000);
  });

  it('should let a claim lapse when the instance holding it dies', async () => {
    const id = Date.now() + 2;
    expect(await new SharedUpdateClaims(store, 100).claim(id)).toBe(true);
    expect(await new SharedUpdateClaims(store).claim(id)).toBe(false);
    await new Promise((r) => setTimeout(r, 150));
    expect(await new SharedUpdateClaims(store).claim(id)).toBe(true);
  });

  it('should count with the expiry set in the same step', async () => {
    const key = `clbot:rate:test-${Date.now()}`;
    const counter = sharedRateCounter(store, 10_000);
    expect(await counter.incr(key)).toBe(1);
    expect(await counter.incr(key)).toBe(2);
    const pttl = await peek.pttl(key);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(10_000);
  });
});

describe('shared state without Redis', () => {
  it('should fall back to memory, logging the outage once', async () => {
    const { logger, lines } = quietLogger();
    const store = new SharedStore(`redis://127.0.0.1:${await freePort()}`, logger);
    await store.connect();
    const contexts = new SharedContextStore(store);
    await contexts.set('a', { intent: 'arrests', at: Date.now() });
    expect((await contexts.get('a'))?.intent).toBe('arrests');
    const claims = new SharedUpdateClaims(store);
    expect(await claims.claim(1)).toBe(true);
    expect(await claims.claim(1)).toBe(false);
    const counter = sharedRateCounter(store, 10_000);
    expect(await counter.incr('k')).toBe(1);
    expect(await counter.incr('k')).toBe(2);
    expect(lines.filter((l) => l.includes('"event":"redis_down"'))).toHaveLength(1);
    await store.close();
  });
});
