import type { EngineReply } from '../../engine/engine.js';
import { converseTopic } from '../../engine/commands.js';
import { converse } from '../../engine/conversation.js';
import { conversationKey, type BotContext, type BotDeps } from '../context.js';

/** Answers text in the user's conversation, so follow-ups keep their context. */
export async function answerInConversation(ctx: BotContext, deps: BotDeps, text: string): Promise<EngineReply> {
  const key = conversationKey(ctx);
  // Telegram's language for the user is only a hint: the text decides (src/nlu/language.ts).
  const options = { ...(ctx.from?.language_code && { languageHint: ctx.from.language_code }) };
  return key ? converse(deps.engine(), deps.contexts, key, text, Date.now(), options) : deps.engine().answer(text, undefined, Date.now(), options);
}

/** Answers a topic from a button or deep link in the user's conversation, so follow-ups can build on it. */
export async function answerTopicInConversation(ctx: BotContext, deps: BotDeps, intent: string, place?: string): Promise<EngineReply> {
  const key = conversationKey(ctx);
  return key ? converseTopic(deps.engine(), deps.contexts, key, intent, place) : deps.engine().answerTopic(intent, place);
}
