import type { Context } from 'grammy';
import type { Engine } from '../engine/engine.js';
import type { ContextStore } from '../engine/context-store.js';
import type { Logger } from './logger.js';
import type { LiveEngine } from '../reload/live-engine.js';
import type { Insight } from '../insight/insight.js';
import type { ChartCache } from '../chart/render.js';

/** What the bot's features need. Passed in, so tests can build a bot with fakes. */
export interface BotDeps {
  /** The engine in service; a function so that a reload can swap it between updates. */
  engine: () => Engine;
  contexts: ContextStore;
  logger: Logger;
  /** Telegram user ids allowed to use staff-only commands. */
  adminIds: ReadonlySet<number>;
  /** The live engine, for the staff-only /status and /reload; without it those commands are not offered. */
  live?: Pick<LiveEngine, 'version' | 'lastFailure' | 'reload'>;
  /** Chart pictures for replies that compare counties; without it every reply is text. */
  charts?: ChartCache;
  /** Counts what people ask, for the staff-only /insight; without it nothing is counted. */
  insight?: Insight;
  /** When this process started, for /status. */
  startedAt?: Date;
  /** Messages per user per window before the rate limit drops the rest. */
  rateLimit?: { limit: number; windowMs: number; storageClient?: 'MEMORY_STORE' | { incr(key: string): Promise<number>; pexpire(key: string, ms: number): Promise<number> } };
}

/** grammY's context, plus what we log about the update (never its content). */
export type BotContext = Context & { handled: { intent?: string | null } };

/** The conversation key: the chat in private, the chat and user in groups, so people in one group do not share context. */
export function conversationKey(ctx: Context): string | undefined {
  if (!ctx.chat) return ctx.from ? `user:${ctx.from.id}` : undefined;
  return ctx.chat.type === 'private' || !ctx.from ? `chat:${ctx.chat.id}` : `chat:${ctx.chat.id}:${ctx.from.id}`;
}
