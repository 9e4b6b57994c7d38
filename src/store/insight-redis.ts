import { randomBytes } from 'node:crypto';
import { MemoryInsightStore, type InsightStore } from '../insight/store.js';
import type { SharedStore } from './redis.js';

/** Every key the insight writes starts with this: `npm run insight` and the privacy test read nothing else. */
export const INSIGHT_PREFIX = 'clbot:insight:';

/**
 * The insight counts in Redis, shared by every instance, each key expiring when its period or its days are over.
 * While Redis is away, counts go to memory (lost at restart, like the context then).
 *
 * - `day:<date>`: a hash of counter → count.
 * - `secret:<period>`: the period's random hash key.
 * - `chats:<period>:<question hash>`: a set of chat hashes.
 * - `shown:<period>`: a hash of question hash → reduced text, written once enough chats asked.
 */
export class RedisInsightStore implements InsightStore {
  private readonly local = new MemoryInsightStore();

  constructor(private readonly store: SharedStore) {}

  count(day: string, counters: readonly string[], expiresAt: number): Promise<void> {
    const key = `${INSIGHT_PREFIX}day:${day}`;
    return this.store.use(
      async (redis) => {
        const multi = redis.multi();
        for (const c of counters) multi.hincrby(key, c, 1);
        await multi.pexpireat(key, expiresAt).exec();
      },
      () => this.local.count(day, counters, expiresAt),
    );
  }

  counts(day: string): Promise<Map<string, number>> {
    return this.store.use(
      async (redis) => new Map(Object.entries(await redis.hgetall(`${INSIGHT_PREFIX}day:${day}`)).map(([c, n]) => [c, Number(n)])),
      () => this.local.counts(day),
    );
  }

  secret(period: string, expiresAt: number): Promise<string> {
    const key = `${INSIGHT_PREFIX}secret:${period}`;
    return this.store.use(
      async (redis) => {
        // The first instance to ask makes it; every other reads the same one.
        await redis.set(key, randomBytes(32).toString('hex'), 'PXAT', expiresAt, 'NX');
        const secret = await redis.get(key);
        if (!secret) throw new Error(`${key} vanished as it was written`);
        return secret;
      },
      () => this.local.secret(period, expiresAt),
    );
  }

  ask(period: string, question: string, chat: string, expiresAt: number): Promise<number> {
    const key = `${INSIGHT_PREFIX}chats:${period}:${question}`;
    return this.store.use(
      async (redis) => {
        const result = await redis.multi().sadd(key, chat).pexpireat(key, expiresAt).scard(key).exec();
        return Number(result?.[2]?.[1] ?? 0);
      },
      () => this.local.ask(period, question, chat, expiresAt),
    );
  }

  show(period: string, question: string, text: string, expiresAt: number): Promise<void> {
    const key = `${INSIGHT_PREFIX}shown:${period}`;
    return this.store.use(
      async (redis) => void (await redis.multi().hset(key, question, text).pexpireat(key, expiresAt).exec()),
      () => this.local.show(period, question, text, expiresAt),
    );
  }

  shown(period: string): Promise<{ text: string; chats: number }[]> {
    return this.store.use(
      async (redis) => {
        const texts = Object.entries(await redis.hgetall(`${INSIGHT_PREFIX}shown:${period}`));
        const counts = await Promise.all(texts.map(([question]) => redis.scard(`${INSIGHT_PREFIX}chats:${period}:${question}`)));
        return texts.map(([, text], i) => ({ text, chats: counts[i]! }));
      },
      () => this.local.shown(period),
    );
  }
}
