import { setMaxListeners } from 'node:events';
import { createConcurrentSink, sequentialize, type UpdateSink } from '@grammyjs/runner';
import { GrammyError, HttpError, type Api } from 'grammy';
import type { UpdateClaims } from './dedupe.js';
import type { LogThrottle } from './log-throttle.js';
import type { Logger } from './logger.js';
import { ShutdownError, stopSignal, type OutgoingCall } from './outbox.js';
import { revivedPayload } from './chart-photo.js';

/** The replies to one update, to be sent in order. Holds what the bot says, never what the user wrote. */
export interface ReplyJob {
  updateId: number;
  /** Replies to one chat go out in the order their updates came in. */
  chat: string;
  calls: OutgoingCall[];
}

/** Where replies wait to be sent after the webhook has answered Telegram. */
export interface ReplyQueue {
  /** False when an in-memory queue is full: the webhook answers 503 and Telegram sends the update again later. */
  hasRoom(): boolean;
  /** Queues the replies; throws if they could not be queued. */
  add(job: ReplyJob): Promise<void>;
  /** Takes no more; sends what is queued for up to `drainMs`, then hands back or gives up what is left. */
  close(drainMs: number): Promise<void>;
}

/** Telegram will take the call again later: rate limits, its own failures, and the network. */
export function isTransient(error: unknown): boolean {
  if (error instanceof GrammyError) return error.error_code === 429 || error.error_code >= 500;
  // auto-retry's own "Request aborted while waiting between retries" is an abort on shutdown too.
  return error instanceof HttpError || error instanceof ShutdownError || (error instanceof Error && /aborted/i.test(error.message));
}

/** How long to wait before trying a job again: Telegram's retry_after when it gave one, else back-off to a minute. */
export function retryDelayMs(error: unknown, attempt: number): number {
  const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
  if (retryAfter !== undefined) return retryAfter * 1000;
  return Math.min(60_000, 500 * 2 ** Math.min(attempt, 7));
}

/**
 * Sends a job's calls from `from` on, through the bot's API (auto-retry, failure log, footer guard).
 * A call Telegram refuses for good (the user blocked the bot, the chat is gone) is logged and skipped;
 * a transient failure is thrown, so the job is tried again from the call that failed.
 */
export async function sendCalls(
  api: Api,
  job: ReplyJob,
  from: number,
  stop: AbortSignal,
  logger: Logger,
  onSent: (done: number) => Promise<void> | void,
): Promise<void> {
  const raw = api.raw as unknown as Record<string, (payload: unknown, signal?: AbortSignal) => Promise<unknown>>;
  for (let i = from; i < job.calls.length; i++) {
    const call = job.calls[i]!;
    try {
      await raw[call.method]!(revivedPayload(call.payload), stop);
    } catch (error) {
      if (isTransient(error)) throw error;
      logger.warn({ event: 'reply_refused', method: call.method, code: error instanceof GrammyError ? error.error_code : undefined, update_id: job.updateId }, 'Telegram refused a reply; skipping it');
    }
    await onSent(i + 1);
  }
}

/** Replies one instance sends at once. */
export const SEND_CONCURRENCY = 50;

export interface MemoryReplyQueueOptions {
  api: Api;
  logger: Logger;
  throttle: LogThrottle;
  /** Most updates waiting for their replies to be sent (UPDATE_QUEUE_LIMIT). */
  limit: number;
  /** Marks an update done once its replies are sent, or releases it if they never were. */
  claims: UpdateClaims;
}

/**
 * Replies waiting in this process's memory, for a single instance without Redis. Sent by grammY
 * runner's concurrent sink, in order per chat, retried until sent. Bounded: when full, new updates
 * are refused with 503 and Telegram delivers them again later. On shutdown it drains for a limited
 * time; what is left then is lost (docs/deploying.md says when to use Redis instead).
 */
export class MemoryReplyQueue implements ReplyQueue {
  private readonly sink: UpdateSink<ReplyJob>;
  private readonly stop = new AbortController();
  private readonly inOrder = sequentialize<ReplyJob>((job) => job.chat);
  private closing = false;
  private sending = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: MemoryReplyQueueOptions) {
    // Every reply being sent listens to this one signal.
    setMaxListeners(0, stopSignal(this.stop.signal));
    this.sink = createConcurrentSink<ReplyJob>(
      { consume: (job) => this.inOrder(job, () => this.withSlot(() => this.send(job))) },
      async (error) => options.logger.error({ event: 'reply_queue_failed', err: error }, 'the reply queue failed'),
      { concurrency: options.limit },
    );
  }

  hasRoom(): boolean {
    return !this.closing && this.sink.size() < this.options.limit;
  }

  /**
   * Runs `task` once fewer than SEND_CONCURRENCY sends are under way, first come first served. The
   * webhook answers faster than Telegram takes replies; without this, thousands of requests would
   * be opened at once and slow everything, the webhook included.
   */
  private async withSlot<T>(task: () => Promise<T>): Promise<T> {
    if (this.sending >= SEND_CONCURRENCY) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.sending++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.sending--;
    }
  }

  async add(job: ReplyJob): Promise<void> {
    if (!this.hasRoom()) throw new Error('the reply queue is full');
    void this.sink.handle([job]);
  }

  private async send(job: ReplyJob): Promise<void> {
    const { api, logger, throttle, claims } = this.options;
    let sent = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        await sendCalls(api, job, sent, this.stop.signal, logger, (n) => void (sent = n));
        void claims.done(job.updateId);
        return;
      } catch (error) {
        if (this.stop.signal.aborted) {
          void claims.release(job.updateId);
          return;
        }
        throttle.log('warn', 'reply_retry', { event: 'reply_retry', err: error }, 'could not send a reply yet; trying again');
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs(error, attempt)).unref());
      }
    }
  }

  async close(drainMs: number): Promise<void> {
    this.closing = true;
    const deadline = Date.now() + drainMs;
    while (this.sink.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const left = this.sink.size();
    if (left === 0) return;
    this.options.logger.error({ event: 'replies_dropped', updates: left }, `stopping with replies to ${left} update(s) unsent; set REDIS_URL so another instance sends them`);
    this.stop.abort();
  }
}
