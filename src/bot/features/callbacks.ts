import { Composer } from 'grammy';
import { composeNotice } from '../../reply/compose.js';
import type { BotContext, BotDeps } from '../context.js';
import { QUESTION_PREFIX, sendReply } from '../send.js';
import { TOPIC_PREFIX } from './commands.js';
import { answerInConversation, answerTopicInConversation } from './conversation.js';

/** Button presses: topics (`t:`) and suggested questions (`q:`). Every press is answered, even one that is not ours. */
export function callbacks(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('callback_query:data', async (ctx) => {
    const data = ctx.callbackQuery.data;
    // Stop the button's spinner first, whatever happens next.
    if (data.startsWith(TOPIC_PREFIX)) {
      await ctx.answerCallbackQuery();
      const [intent = '', place] = data.slice(TOPIC_PREFIX.length).split(':');
      return sendReply(ctx, await answerTopicInConversation(ctx, deps, intent, place), deps, data);
    }
    if (data.startsWith(QUESTION_PREFIX)) {
      await ctx.answerCallbackQuery();
      return sendReply(ctx, await answerInConversation(ctx, deps, data.slice(QUESTION_PREFIX.length)), deps);
    }
    ctx.handled.intent = 'unknown-button';
    await ctx.answerCallbackQuery({ text: composeNotice('That button has expired. Send /start for the topics.') });
  });
  // Game buttons and the like carry no data: still stop the spinner.
  composer.on('callback_query', (ctx) => ctx.answerCallbackQuery());
  return composer;
}
