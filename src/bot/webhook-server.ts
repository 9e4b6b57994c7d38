import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { webhookCallback, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import type { BotContext } from './context.js';
import { updateType } from './create-bot.js';
import type { UpdateClaims } from './dedupe.js';
import type { LogThrottle } from './log-throttle.js';
import type { Logger } from './logger.js';
import { collectCalls } from './outbox.js';
import type { ReplyQueue } from './reply-queue.js';

/** Telegram's updates are small; anything bigger is not from Telegram. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Telegram is answered within this, whatever its send API is doing; it redelivers an update it got no 200 for. */
export const ACK_TIMEOUT_MS = 2_000;

export interface WebhookServerOptions {
  bot: Bot<BotContext>;
  /** The path part of WEBHOOK_URL, where Telegram posts updates. */
  path: string;
  /** WEBHOOK_SECRET: Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  claims: UpdateClaims;
  replies: ReplyQueue;
  logger: Logger;
  throttle: LogThrottle;
}

export interface WebhookServer {
  server: Server;
  /** Stops accepting updates and waits for those being taken in. */
  close(): Promise<void>;
}

const updateSchema = z.looseObject({ update_id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) });

class BadUpdateError extends Error {}
class QueueFullError extends Error {}

/** The chat an update's replies go to, so they are sent in order; the user for inline queries. */
function chatOf(update: Update): string {
  // Optional all the way down: a malformed update may lack any of these.
  const id = update.message?.chat?.id ?? update.callback_query?.message?.chat?.id ?? update.callback_query?.from?.id ?? update.inline_query?.from?.id;
  return id === undefined ? `update:${update.update_id}` : String(id);
}

/**
 * The webhook endpoint. Each update is handled at once with its Bot API calls collected
 * (src/bot/outbox.ts), the replies are put in the reply queue, and Telegram gets its 200: the answer
 * never waits on Telegram's send API, its rate limits or retries. An update already claimed is a
 * duplicate and gets 200 without a second answer; when the memory queue is full, 503 makes Telegram
 * deliver the update again later. GET and HEAD /healthz answer 200.
 */
export function createWebhookServer(options: WebhookServerOptions): WebhookServer {
  const { bot, path, secret, claims, replies, logger, throttle } = options;
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;

  const accept = async (body: unknown): Promise<void> => {
    const parsed = updateSchema.safeParse(body);
    if (!parsed.success) throw new BadUpdateError();
    const update = parsed.data as unknown as Update;
    const id = update.update_id;
    if (!(await claims.claim(id))) {
      logger.info({ event: 'duplicate_update', update_id: id, type: updateType(update) }, 'update already taken on');
      return;
    }
    if (!replies.hasRoom()) {
      await claims.release(id);
      throw new QueueFullError();
    }
    try {
      const calls = await collectCalls(update, () => bot.handleUpdate(update));
      if (calls.length === 0) await claims.done(id);
      else {
        await replies.add({ updateId: id, chat: chatOf(update), calls });
        await claims.queued(id);
      }
    } catch (error) {
      await claims.release(id);
      throw error;
    }
  };

  // grammY's webhookCallback checks the secret header (401), reads and parses the body and bounds the
  // time to answer; the "bot" it drives only takes updates in. Hand-built around it, because it has no
  // way to: serve /healthz, answer 404/405 for other paths and methods, limit the body size, answer
  // 400 for a body that is not an update and 503 when the queue is full (it throws instead, for all
  // alike), and log requests nobody should send at debug level or once a minute rather than as errors.
  const intake = {
    isRunning: () => false,
    init: async () => undefined,
    handleUpdate: (update: unknown) => {
      const work = accept(update);
      inFlight.add(work);
      return work.finally(() => inFlight.delete(work));
    },
  };
  const callback = webhookCallback(intake as unknown as Bot, 'http', { secretToken: secret, onTimeout: 'throw', timeoutMilliseconds: ACK_TIMEOUT_MS });

  const answer = (res: ServerResponse, status: number, headers: Record<string, string> = {}) => {
    if (!res.headersSent && !res.destroyed) res.writeHead(status, headers).end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      logger.debug({ event: 'webhook_bad_url', method: req.method }, 'request with a malformed URL');
      return answer(res, 400);
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && pathname === '/healthz') {
      return res.writeHead(200, { 'content-type': 'text/plain' }).end(req.method === 'HEAD' ? undefined : 'ok');
    }
    if (pathname !== path) return answer(res, 404);
    if (req.method !== 'POST') return answer(res, 405, { allow: 'POST' });
    if (closing) return answer(res, 503);
    // Telegram always sends Content-Length; a body without one, or too big, is not from Telegram.
    const length = Number(req.headers['content-length']);
    if (!(length <= MAX_BODY_BYTES)) {
      logger.debug({ event: 'webhook_bad_length', length: req.headers['content-length'] }, 'webhook body without a length, or too large');
      return answer(res, Number.isNaN(length) ? 411 : 413, { connection: 'close' });
    }
    try {
      await callback(req, res);
      if (res.statusCode === 401) throttle.log('warn', 'webhook_unauthorised', { event: 'webhook_unauthorised' }, 'webhook call without the right secret token');
    } catch (error) {
      if (req.readableAborted || res.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET') {
        logger.debug({ event: 'webhook_client_gone' }, 'the client went away before the request was read');
        return answer(res, 400);
      }
      if (error instanceof SyntaxError || error instanceof BadUpdateError) {
        // Never the error's message: JSON.parse quotes the body in it.
        logger.debug({ event: 'webhook_bad_update' }, 'webhook body is not an update');
        return answer(res, 400);
      }
      if (error instanceof QueueFullError) {
        throttle.log('warn', 'queue_full', { event: 'queue_full' }, 'the reply queue is full: answering 503 so Telegram delivers later');
        return answer(res, 503, { 'retry-after': '5' });
      }
      if (error instanceof Error && /timed out/.test(error.message)) {
        throttle.log('warn', 'webhook_slow', { event: 'webhook_slow', ms: ACK_TIMEOUT_MS }, 'an update was not taken in on time: answering 503 so Telegram delivers it again');
        return answer(res, 503);
      }
      throttle.log('error', 'webhook_failed', { event: 'webhook_failed', err: error }, 'webhook request failed');
      return answer(res, 500);
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  // A client that drops the connection mid-request is its own business, not an error of ours.
  server.on('clientError', (error, socket) => {
    logger.debug({ event: 'webhook_client_error', code: (error as NodeJS.ErrnoException).code }, 'malformed or aborted HTTP request');
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });

  return {
    server,
    async close() {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      await closed;
    },
  };
}
