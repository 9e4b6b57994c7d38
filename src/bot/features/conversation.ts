import type { Engine, EngineReply } from '../../engine/engine.js';
import { converseTopic } from '../../engine/commands.js';
import { converse } from '../../engine/conversation.js';
import { conversationKey, type BotContext, type BotDeps } from '../context.js';
import { answersIn, ENGLISH } from '../../knowledge/languages.js';

/** Answers text in the user's conversation, so follow-ups keep their context; the reply is counted for /insight. */
export async function answerInConversation(ctx: BotContext, deps: BotDeps, text: string): Promise<EngineReply> {
  const key = conversationKey(ctx);
  // Telegram's language for the user is only a hint: the text decides (src/nlu/language.ts).
  const options = { ...(ctx.from?.language_code && { languageHint: ctx.from.language_code }) };
  const engine = deps.engine();
  const reply = key ? await converse(engine, deps.contexts, key, text, Date.now(), options) : engine.answer(text, undefined, Date.now(), options);
  countReply(ctx, deps, engine, text, reply);
  return reply;
}

/**
 * Counts a reply for /insight, out of the reply's way: counting never delays or breaks an answer. Chats are told
 * apart by keyed hash in src/insight/, so the id goes no further. Inline queries are not counted: Telegram sends
 * one per keystroke, and half-typed questions would bury the real ones.
 */
export function countReply(ctx: BotContext, deps: BotDeps, engine: Engine, text: string, reply: EngineReply): void {
  const chat = ctx.chat?.id ?? ctx.from?.id;
  if (!deps.insight || chat === undefined) return;
  deps.insight.note({ reply, text, chat, engine }).catch((error: unknown) => deps.logger.warn({ event: 'insight_failed', err: error }, 'could not count a reply for /insight'));
}

/**
 * The language a topic from a button or command is answered in when the conversation has none yet (no /language
 * choice, no message written in one): Telegram's language for the user, when the bot answers in it.
 */
export function hintedLanguage(ctx: BotContext, engine: Engine): string | undefined {
  const code = ctx.from?.language_code?.slice(0, 2).toLowerCase();
  return code && code !== ENGLISH && answersIn(engine.knowledge.languages.get(code)) ? code : undefined;
}

/** Answers a topic from a button or deep link in the user's conversation, so follow-ups can build on it. */
export async function answerTopicInConversation(ctx: BotContext, deps: BotDeps, intent: string, place?: string): Promise<EngineReply> {
  const key = conversationKey(ctx);
  const engine = deps.engine();
  const hint = hintedLanguage(ctx, engine);
  return key ? converseTopic(engine, deps.contexts, key, intent, place, hint) : engine.answerTopic(intent, place, undefined, Date.now(), hint ? { answerIn: hint } : {});
}
