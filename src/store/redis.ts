import { Redis } from 'ioredis';
import type { Logger } from '../bot/logger.js';

/**
 * A Redis connection that fails fast while Redis is away (no queueing, short timeouts), keeps
 * reconnecting in the background, and logs the outage once and the recovery once.
 */
export class SharedStore {
  readonly redis: Redis;
  private down = false;

  constructor(url: string, private readonly logger: Logger) {
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      // Commands from concurrent updates go out together: fewer round trips under load.
      enableAutoPipelining: true,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(100 * times, 2000),
      lazyConnect: true,
    });
    this.redis.on('error', (error) => this.markDown(error));
    this.redis.on('ready', () => this.markUp());
  }

  /** Connects, but never holds up start-up: without Redis the bot runs on in-memory state. */
  async connect(): Promise<void> {
    await this.redis.connect().catch((error: unknown) => this.markDown(error));
  }

  get available(): boolean {
    return !this.down && this.redis.status === 'ready';
  }

  /** Runs a Redis operation; if Redis is away, runs the in-memory fallback instead. */
  async use<T>(operation: (redis: Redis) => Promise<T>, fallback: () => T | Promise<T>): Promise<T> {
    if (this.redis.status !== 'ready') {
      this.markDown(new Error(`Redis is ${this.redis.status}`));
      return fallback();
    }
    try {
      const result = await operation(this.redis);
      this.markUp();
      return result;
    } catch (error) {
      this.markDown(error);
      return fallback();
    }
  }

  private markDown(error: unknown): void {
    if (this.down) return;
    this.down = true;
    this.logger.error({ event: 'redis_down', err: error }, 'Redis is unavailable: carrying on with in-memory context, rate limits and de-duplication');
  }

  private markUp(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.info({ event: 'redis_up' }, 'Redis is back: shared state resumed');
  }

  async close(): Promise<void> {
    this.redis.removeAllListeners('error');
    this.redis.on('error', () => undefined);
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
