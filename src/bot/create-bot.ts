import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type BotConfig, type BotError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { composeReply } from '../reply/compose.js';
import type { BotContext, BotDeps } from './context.js';
import { apiFailureLog } from './api-log.js';
import { footerGuard } from './footer-guard.js';
import { outbox, stopSignalOut } from './outbox.js';
import { isTransient } from './reply-queue.js';
import { admin } from './features/admin.js';
import { callbacks } from './features/callbacks.js';
import { language } from './features/language.js';
import { commands } from './features/commands.js';
import { groupGate } from './features/group-gate.js';
import { inline } from './features/inline.js';
import { nonText } from './features/non-text.js';
import { rateLimit } from './features/rate-limit.js';
import { text } from './features/text.js';
import { sendText } from './send.js';

const SORRY = "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment.";

export interface CreateBotOptions {
  /** Root of the Bot API (TELEGRAM_API_ROOT); Telegram's own when undefined. */
  apiRoot?: string;
  /** Known bot info, so tests need no getMe call. */
  botInfo?: UserFromGetMe;
  /** Retry 429 and 5xx answers (off in handler tests, which need no network). */
  retry?: boolean;
}

/** The kind of update, for logs: message, callback_query, inline_query… Never its content. */
export function updateType(update: object): string {
  return Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
}

/** Builds the bot. Nothing runs until the caller starts polling or serves a webhook. */
export function createBot(token: string, deps: BotDeps, options: CreateBotOptions = {}): Bot<BotContext> {
  const client: BotConfig<BotContext>['client'] = options.apiRoot ? { apiRoot: options.apiRoot } : {};
  const bot = new Bot<BotContext>(token, { client, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  // Innermost first: a request on the wire is never cut off by shutdown; failures are logged (once a
  // minute per kind); auto-retry repeats 429 and 5xx; and the footer guard sees everything sent.
  bot.api.config.use(stopSignalOut());
  bot.api.config.use(apiFailureLog(deps.logger));
  if (options.retry ?? true) bot.api.config.use(autoRetry({ maxRetryAttempts: 4, maxDelaySeconds: 60 }));
  bot.api.config.use(footerGuard(deps.logger));

  // Must stay first: in webhook mode an update's calls are collected for the reply queue, not sent.
  bot.use(outbox());

  // Log each update's shape, intent and latency: never text, names or numbers.
  // One update at a time per chat (and per user for inline queries), so follow-ups are answered in order.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(async (ctx, next) => {
    const started = performance.now();
    ctx.handled = {};
    try {
      await next();
    } finally {
      deps.logger.info(
        { event: 'update', update_id: ctx.update.update_id, type: updateType(ctx.update), chat_type: ctx.chat?.type, intent: ctx.handled.intent, ms: Math.round((performance.now() - started) * 10) / 10 },
        'handled update',
      );
    }
  });
  const onError = async (err: BotError<BotContext>) => {
    if (isTransient(err.error)) {
      // Telegram is rate-limiting or down (polling mode; webhook replies go through the queue): an
      // apology could not be sent either.
      deps.logger.warn({ event: 'update_unanswered', type: updateType(err.ctx.update), err: err.error }, 'Telegram did not take the answer');
      return;
    }
    deps.logger.error({ event: 'update_failed', type: updateType(err.ctx.update), err: err.error }, 'an update failed');
    try {
      if (err.ctx.callbackQuery) await err.ctx.answerCallbackQuery().catch(() => undefined);
      if (err.ctx.chat) await sendText(err.ctx, composeReply(SORRY));
    } catch (error) {
      deps.logger.error({ event: 'apology_failed', err: error }, 'could not tell the user about the failure');
    }
  };
  // The boundary catches failures in any feature, in polling and webhook mode alike, so the user still gets a reply.
  const features = bot.errorBoundary(onError);
  features.use(groupGate());
  features.use(rateLimit(deps));
  features.use(admin(deps));
  features.use(language(deps));
  features.use(commands(deps));
  features.use(callbacks(deps));
  features.use(inline(deps));
  features.use(text(deps));
  // Must stay last: anything else that reached here is a message the bot cannot read.
  features.use(nonText());
  bot.catch(onError);
  return bot;
}
