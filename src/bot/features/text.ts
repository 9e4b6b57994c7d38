import { Composer } from 'grammy';
import type { BotContext, BotDeps } from '../context.js';
import { sendReply } from '../send.js';
import { answerInConversation } from './conversation.js';
import { stripMention } from './group-gate.js';

/** Free text: the engine answers, with suggested follow-up buttons. */
export function text(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('message:text', async (ctx) => {
    const question = stripMention(ctx.message.text, ctx.me.username);
    await sendReply(ctx, await answerInConversation(ctx, deps, question), deps);
  });
  return composer;
}
