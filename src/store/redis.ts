import { Redis } from 'ioredis';
import type { Logger } from '../bot/logger.js';

/** The oldest Redis the bot runs on: the rate counter sets its expiry with PEXPIRE … NX, new in Redis 7. */
export const MIN_REDIS_MAJOR = 7;

/** Thrown at start-up when REDIS_URL points at a Redis older than 7. */
export class RedisVersionError extends Error {
  constructor(readonly version: string) {
    super(
      `REDIS_URL: this Redis is version ${version}, and the bot needs Redis ${MIN_REDIS_MAJOR} or later ` +
        `(its rate limit sets key expiries with PEXPIRE … NX, which older versions reject, so limits would never expire). ` +
        `Upgrade Redis (docs/deploying.md), or unset REDIS_URL to run one instance on in-memory state.`,
    );
    this.name = 'RedisVersionError';
  }
}

/** The server version from INFO's redis_version line, or undefined if it has none. */
export function redisVersion(info: string): string | undefined {
  return /^redis_version:(\S+)/m.exec(info)?.[1];
}

/**
 * A Redis connection that fails fast while Redis is away (no queueing, short timeouts), keeps
 * reconnecting in the background, and logs the outage once and the recovery once.
 */
export class SharedStore {
  readonly redis: Redis;
  private down = false;
  private tooOld?: string;

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

  /**
   * Connects, but never holds up start-up: without Redis the bot runs on in-memory state. A Redis
   * older than 7 is refused with RedisVersionError; one that comes up later is checked then too.
   */
  async connect(): Promise<void> {
    this.redis.on('ready', () => void this.checkVersion().catch(() => undefined));
    await this.redis.connect().catch((error: unknown) => this.markDown(error));
    if (this.redis.status === 'ready') {
      const version = await this.checkVersion().catch(() => undefined);
      if (this.tooOld) throw new RedisVersionError(version ?? this.tooOld);
    }
  }

  /** Reads the server version; a Redis older than 7 is not used (the bot stays on in-memory state). */
  private async checkVersion(): Promise<string | undefined> {
    const version = redisVersion(await this.redis.info('server'));
    if (version && Number(version.split('.')[0]) < MIN_REDIS_MAJOR) {
      if (!this.tooOld) this.logger.error({ event: 'redis_too_old', version }, new RedisVersionError(version).message);
      this.tooOld = version;
    }
    return version;
  }

  get available(): boolean {
    return !this.down && !this.tooOld && this.redis.status === 'ready';
  }

  /** Runs a Redis operation; if Redis is away, runs the in-memory fallback instead. */
  async use<T>(operation: (redis: Redis) => Promise<T>, fallback: () => T | Promise<T>): Promise<T> {
    if (this.tooOld) return fallback();
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
