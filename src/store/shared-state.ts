import { RedisAdapter } from '@grammyjs/storage-redis';
import { MemoryDeduper, type UpdateClaims } from '../bot/dedupe.js';
import { CONTEXT_TTL_MS, type ChatContext } from '../engine/context.js';
import { MemoryContextStore, type ContextStore } from '../engine/context-store.js';
import type { SharedStore } from './redis.js';

const PREFIX = 'clbot:';
/** How long an update id is remembered: Telegram gives up redelivering well within this. */
export const DEDUPE_TTL_SECONDS = 24 * 60 * 60;

/** Conversation context in Redis, through grammY's storage adapter, so any instance can answer a follow-up. */
export class SharedContextStore implements ContextStore {
  private readonly adapter: RedisAdapter<ChatContext>;
  private readonly local = new MemoryContextStore();

  constructor(private readonly store: SharedStore, ttlMs = CONTEXT_TTL_MS) {
    this.adapter = new RedisAdapter<ChatContext>({ instance: store.redis, ttl: Math.ceil(ttlMs / 1000) });
  }

  get(key: string): Promise<ChatContext | undefined> {
    return this.store.use(() => this.adapter.read(PREFIX + 'ctx:' + key), () => this.local.get(key));
  }

  set(key: string, context: ChatContext | undefined): Promise<void> {
    return this.store.use(
      () => (context ? this.adapter.write(PREFIX + 'ctx:' + key, context) : this.adapter.delete(PREFIX + 'ctx:' + key)),
      () => this.local.set(key, context),
    );
  }
}

/** How long a claim on an update lasts while an instance handles it: a crash mid-handling frees it after this. */
export const CLAIM_LEASE_MS = 15_000;

/**
 * Update claims in Redis, so an update posted to two instances is answered once. A claim is a short
 * lease (SET NX PX); it becomes a 24-hour mark only once the update's replies are in the shared
 * reply queue (or it needed none), and it is deleted if handling fails, so a redelivery is answered.
 */
export class SharedUpdateClaims implements UpdateClaims {
  private readonly local = new MemoryDeduper();
  constructor(private readonly store: SharedStore, private readonly leaseMs = CLAIM_LEASE_MS) {}

  claim(updateId: number): Promise<boolean> {
    return this.store.use(
      async (redis) => (await redis.set(`${PREFIX}update:${updateId}`, 'claimed', 'PX', this.leaseMs, 'NX')) === 'OK',
      () => this.local.claim(updateId),
    );
  }

  queued(updateId: number): Promise<void> {
    return this.done(updateId);
  }

  done(updateId: number): Promise<void> {
    return this.store.use(
      async (redis) => void (await redis.set(`${PREFIX}update:${updateId}`, 'done', 'EX', DEDUPE_TTL_SECONDS)),
      () => this.local.done(updateId),
    );
  }

  async release(updateId: number): Promise<void> {
    await this.local.release(updateId);
    await this.store.use(async (redis) => void (await redis.del(`${PREFIX}update:${updateId}`)), () => undefined);
  }
}

/**
 * The counter the rate limiter uses, in Redis so a flood is limited across all instances; in memory
 * while Redis is away. The count and its expiry are set in one step, so an outage between the two
 * can never leave a user's counter without an expiry.
 */
export function sharedRateCounter(store: SharedStore, windowMs: number) {
  const local = new Map<string, { count: number; until: number }>();
  const localIncr = (key: string) => {
    const now = Date.now();
    const entry = local.get(key);
    const next = entry && entry.until > now ? { count: entry.count + 1, until: entry.until } : { count: 1, until: now + windowMs };
    local.delete(key);
    local.set(key, next);
    if (local.size > 100_000) local.delete(local.keys().next().value!);
    return next.count;
  };
  return {
    incr: (key: string) =>
      store.use(
        async (redis) => {
          const results = await redis.multi().incr(key).pexpire(key, windowMs, 'NX').exec();
          const [error, count] = results?.[0] ?? [new Error('no reply from Redis')];
          if (error) throw error;
          return Number(count);
        },
        () => localIncr(key),
      ),
    // The expiry is already set with the count.
    pexpire: async () => 1,
  };
}
