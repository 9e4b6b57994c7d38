import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { LanguageCode } from 'grammy/types';
import type { Config } from '../config.js';
import type { Engine } from '../engine/engine.js';
import { latestOperation } from '../knowledge/knowledge.js';
import { footerFrom } from '../reply/compose.js';
import { operationLookup } from '../reply/fields.js';
import { commandsIn } from '../engine/commands.js';
import { choosableLanguages } from '../engine/engine.js';
import { ENGLISH } from '../knowledge/languages.js';
import type { BotContext } from './context.js';
import type { UpdateClaims } from './dedupe.js';
import { LogThrottle } from './log-throttle.js';
import type { Logger } from './logger.js';
import type { ReplyQueue } from './reply-queue.js';
import { createWebhookServer, type WebhookServer } from './webhook-server.js';

/** Update types the bot handles; Telegram sends no others. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

/** The bot's profile texts, with the dates of the week of action in service. */
export function profileTexts(engine: Engine): { description: string; short: string } {
  const field = operationLookup(latestOperation(engine.knowledge), engine.knowledge);
  const contactLine = footerFrom(engine.knowledge.contacts).line;
  return {
    // Telegram allows 512 characters here and 120 in the short description.
    description: `Answers questions about the county-lines week of action run by the ${field('ran_by')}, ${field('dates')}: arrests, weapons, deal lines and more by county, what county lines is, and how to report a concern. It takes no reports and keeps no messages. ${contactLine}`,
    short: `County-lines results, and how to report. ${contactLine}`,
  };
}

/** Registers the command menu and descriptions. A failure is logged, not fatal: the bot still answers. */
export async function registerProfile(bot: Bot<BotContext>, engine: Engine, logger: Logger): Promise<void> {
  const texts = profileTexts(engine);
  // The menu in English for everyone, and in each language that translates it for users whose Telegram is set to it.
  const languages = choosableLanguages(engine.knowledge.languages).filter((l) => l.code !== ENGLISH && Object.keys(l.menu.commands).length > 0);
  const calls = [
    () => bot.api.setMyCommands(commandsIn(undefined)),
    ...languages.map((l) => () => bot.api.setMyCommands(commandsIn(l), { language_code: l.code as LanguageCode })),
    () => bot.api.setMyDescription(texts.description),
    () => bot.api.setMyShortDescription(texts.short),
  ];
  for (const call of calls) {
    try {
      await call();
    } catch (error) {
      logger.warn({ event: 'profile_failed', err: error }, 'could not register the command menu or description');
    }
  }
}

/** A running bot that can be stopped gracefully. */
export interface Running {
  mode: 'polling' | 'webhook';
  /** Finishes what is in flight, then stops polling or closes the server. */
  stop(): Promise<void>;
}

/** What webhook mode needs besides the bot: who has taken which update, and where replies wait. */
export interface WebhookParts {
  claims: UpdateClaims;
  /** Built once the bot is, so the queue sends through the bot's API. */
  replies: () => ReplyQueue;
}

/**
 * Starts long polling with the runner (sequential per chat), or the webhook server when WEBHOOK_URL
 * is set. Stopping the webhook drains the reply queue for up to SHUTDOWN_DRAIN_SECONDS.
 */
export async function startBot(bot: Bot<BotContext>, engine: Engine, config: Config, parts: WebhookParts, logger: Logger): Promise<Running> {
  await bot.init();
  await registerProfile(bot, engine, logger);
  if (config.WEBHOOK_URL) {
    const url = new URL(config.WEBHOOK_URL);
    const replies = parts.replies();
    const webhook: WebhookServer = createWebhookServer({ bot, path: url.pathname || '/', secret: config.WEBHOOK_SECRET!, claims: parts.claims, replies, logger, throttle: new LogThrottle(logger) });
    await new Promise<void>((resolve, reject) => {
      webhook.server.once('error', reject);
      webhook.server.listen(config.PORT, config.HOST, () => resolve());
    });
    await bot.api.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET!, allowed_updates: [...ALLOWED_UPDATES] });
    const address = webhook.server.address();
    logger.info({ event: 'started', mode: 'webhook', pid: process.pid, port: typeof address === 'object' && address ? address.port : config.PORT, bot: bot.botInfo.username }, 'webhook server listening');
    return {
      mode: 'webhook',
      stop: async () => {
        await webhook.close();
        await replies.close(config.SHUTDOWN_DRAIN_SECONDS * 1000);
      },
    };
  }
  await bot.api.deleteWebhook();
  const handle: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true, retryInterval: 'quadratic' } });
  logger.info({ event: 'started', mode: 'polling', pid: process.pid, bot: bot.botInfo.username }, 'long polling');
  return { mode: 'polling', stop: () => handle.stop() };
}
