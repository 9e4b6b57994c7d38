import type { ContextStore } from './context-store.js';
import type { AnswerOptions, Engine, EngineReply } from './engine.js';

/** Answers one message in a conversation: reads the chat's context, answers, stores the new context. */
export async function converse(engine: Engine, store: ContextStore, chat: string, text: string, now = Date.now(), options: AnswerOptions = {}): Promise<EngineReply> {
  const context = await store.get(chat);
  const reply = engine.answer(text, context, now, options);
  if (reply.context !== context) await store.set(chat, reply.context);
  return reply;
}
