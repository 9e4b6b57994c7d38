import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { BotContext } from './context.js';
import type { UpdateDeduper } from './dedupe.js';
import type { Logger } from './logger.js';
import { updateType } from './create-bot.js';

/** Telegram's updates are small; anything bigger is not from Telegram. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookServerOptions {
  bot: Bot<BotContext>;
  /** The path part of WEBHOOK_URL, where Telegram posts updates. */
  path: string;
  /** WEBHOOK_SECRET: Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  dedupe: UpdateDeduper;
  logger: Logger;
}

export interface WebhookServer {
  server: Server;
  /** Stops accepting updates and waits for those in flight. */
  close(): Promise<void>;
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The webhook endpoint: checks Telegram's secret header (401 otherwise), answers each update_id
 * once, and serves GET /healthz. Updates are handled before the 200 goes back, so Telegram
 * redelivers anything a crash interrupted.
 */
export function createWebhookServer(options: WebhookServerOptions): WebhookServer {
  const { bot, path, secret, dedupe, logger } = options;
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/healthz') return res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (url.pathname !== path) return res.writeHead(404).end();
    if (req.method !== 'POST') return res.writeHead(405, { allow: 'POST' }).end();
    if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], secret)) {
      logger.warn({ event: 'webhook_unauthorised' }, 'webhook call without the right secret token');
      return res.writeHead(401).end();
    }
    if (closing) return res.writeHead(503).end();
    const body = await readBody(req);
    let update: Update | undefined;
    try {
      update = body === undefined ? undefined : (JSON.parse(body) as Update);
    } catch {
      update = undefined;
    }
    if (!update || typeof update !== 'object' || !Number.isSafeInteger(update.update_id)) {
      logger.warn({ event: 'webhook_bad_update' }, 'webhook body is not an update');
      return res.writeHead(400).end();
    }
    if (!(await dedupe.firstTime(update.update_id))) {
      logger.info({ event: 'duplicate_update', update_id: update.update_id, type: updateType(update) }, 'update already handled');
      return res.writeHead(200).end();
    }
    const work = bot.handleUpdate(update).catch((error: unknown) => {
      logger.error({ event: 'update_failed', update_id: update.update_id, type: updateType(update), err: error }, 'an update failed');
    });
    inFlight.add(work);
    await work;
    inFlight.delete(work);
    res.writeHead(200).end();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ event: 'webhook_failed', err: error }, 'webhook request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
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
