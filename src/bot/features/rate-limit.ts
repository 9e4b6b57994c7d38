import { limit } from '@grammyjs/ratelimiter';
import { composeNotice, composeReply } from '../../reply/compose.js';
import type { BotContext, BotDeps } from '../context.js';
import { sendText } from '../send.js';

const SLOW_DOWN = "You're sending messages faster than I can answer. Please wait a few seconds, then ask again.";

/** Per-user rate limit: a flooding user is told once, politely, and the excess is dropped. */
export function rateLimit(deps: BotDeps) {
  const { limit: max = 12, windowMs = 10_000, storageClient = 'MEMORY_STORE' } = deps.rateLimit ?? {};
  return limit<BotContext, { incr(key: string): Promise<number>; pexpire(key: string, ms: number): Promise<number> }>({
    timeFrame: windowMs,
    limit: max,
    storageClient,
    keyPrefix: 'clbot:rate:',
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      ctx.handled.intent = 'rate-limited';
      deps.logger.warn({ event: 'rate_limited' }, 'a user went over the rate limit');
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: composeNotice(SLOW_DOWN) });
      else if (ctx.chat) await sendText(ctx, composeReply(SLOW_DOWN));
    },
  });
}
