import { setMaxListeners } from 'node:events';
import { sequentialize } from '@grammyjs/runner';
import { Queue, Worker, type Job } from 'bullmq';
import type { Api } from 'grammy';
import { Redis } from 'ioredis';
import type { LogThrottle } from '../bot/log-throttle.js';
import type { Logger } from '../bot/logger.js';
import { stopSignal } from '../bot/outbox.js';
import { retryDelayMs, sendCalls, type ReplyJob, type ReplyQueue } from '../bot/reply-queue.js';

const QUEUE_NAME = 'replies';
const PREFIX = 'clbot';
/**
 * The lease an instance holds on a job while sending it, renewed every half lease while it lives.
 * If the instance dies, another takes the job over within the lease plus one stalled-job check.
 */
const LEASE_MS = 15_000;
const STALLED_CHECK_MS = 5_000;
/** The webhook must answer Telegram quickly: past this, queueing counts as failed. */
const ADD_TIMEOUT_MS = 1_000;
/** Sent jobs are kept this long, so a reply job queued twice (the same update id) is sent once. */
const KEEP_SENT_SECONDS = 24 * 60 * 60;

export interface RedisReplyQueueOptions {
  url: string;
  api: Api;
  logger: Logger;
  throttle: LogThrottle;
  /** Jobs one instance sends at once. */
  concurrency: number;
  /** This instance's memory queue, used while Redis is unreachable. */
  fallback: ReplyQueue;
}

function timeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer from Redis in ${ms} ms`)), ms)));
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/**
 * Replies waiting in Redis, in a BullMQ queue every instance sends from: a reply queued by an
 * instance that stops or dies is sent by another. Job ids are update ids, so one update's replies
 * are queued once. Each job remembers how many of its calls went out, so a retry never repeats one.
 */
export class RedisReplyQueue implements ReplyQueue {
  private readonly producer: Redis;
  private readonly consumer: Redis;
  private readonly queue: Queue<ReplyJob>;
  private readonly worker: Worker<ReplyJob>;
  private readonly stop = new AbortController();
  private readonly inOrder = sequentialize<Job<ReplyJob>>((job) => job.data.chat);

  constructor(private readonly options: RedisReplyQueueOptions) {
    // Every reply being sent listens to this one signal.
    setMaxListeners(0, stopSignal(this.stop.signal));
    const { url, throttle, concurrency } = options;
    const retryStrategy = (times: number) => Math.min(100 * times, 2000);
    // Queueing fails fast while Redis is away (the memory queue takes over); the worker waits for it.
    this.producer = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy });
    this.consumer = new Redis(url, { maxRetriesPerRequest: null, retryStrategy });
    for (const connection of [this.producer, this.consumer]) connection.on('error', () => undefined);
    this.queue = new Queue<ReplyJob>(QUEUE_NAME, {
      connection: this.producer,
      prefix: PREFIX,
      defaultJobOptions: {
        attempts: 1000,
        backoff: { type: 'telegram' },
        removeOnComplete: { age: KEEP_SENT_SECONDS, count: 50_000 },
        removeOnFail: { age: KEEP_SENT_SECONDS },
      },
    });
    this.worker = new Worker<ReplyJob>(QUEUE_NAME, (job) => this.inOrder(job, () => this.send(job)), {
      connection: this.consumer,
      prefix: PREFIX,
      concurrency,
      lockDuration: LEASE_MS,
      stalledInterval: STALLED_CHECK_MS,
      maxStalledCount: 100,
      // Telegram's retry_after when it gave one; straight back to the queue when this instance is stopping.
      settings: { backoffStrategy: (attempts, _type, error) => (this.stop.signal.aborted ? 0 : retryDelayMs(error, attempts)) },
    });
    this.worker.on('failed', (job, error) =>
      throttle.log('warn', 'reply_retry', { event: 'reply_retry', update_id: job?.data.updateId, err: error }, 'could not send a reply yet; it stays queued'),
    );
    const onError = (part: string) => (error: Error) =>
      throttle.log('error', `reply_queue_${part}_error`, { event: 'reply_queue_error', part, err: error }, 'the Redis reply queue had an error');
    this.queue.on('error', onError('queue'));
    this.worker.on('error', onError('worker'));
  }

  hasRoom(): boolean {
    return this.producer.status === 'ready' || this.options.fallback.hasRoom();
  }

  async add(job: ReplyJob): Promise<void> {
    try {
      if (this.producer.status !== 'ready') throw new Error(`Redis is ${this.producer.status}`);
      // BullMQ refuses ids that look like numbers.
      await timeout(this.queue.add('reply', job, { jobId: `update-${job.updateId}` }), ADD_TIMEOUT_MS);
    } catch (error) {
      this.options.throttle.log('error', 'reply_queue_unavailable', { event: 'reply_queue_unavailable', err: error }, 'cannot queue replies in Redis; sending them from this instance');
      await this.options.fallback.add(job);
    }
  }

  private async send(job: Job<ReplyJob>): Promise<void> {
    const from = typeof job.progress === 'number' ? job.progress : 0;
    const calls = job.data.calls.length;
    await sendCalls(this.options.api, job.data, from, this.stop.signal, this.options.logger, async (sent) => {
      if (sent < calls) await job.updateProgress(sent);
    });
  }

  async close(drainMs: number): Promise<void> {
    const closed = this.worker.close();
    const drained = await timeout(closed, drainMs).then(() => true, () => false);
    if (!drained) {
      // Replies still waiting on Telegram go back to the queue for the other instances.
      this.stop.abort();
      await timeout(closed, 5_000).catch(() => this.worker.close(true));
    }
    await this.options.fallback.close(drained ? drainMs : 0);
    await this.queue.close().catch(() => undefined);
    for (const connection of [this.producer, this.consumer]) await connection.quit().catch(() => connection.disconnect());
  }
}
