import { InlineKeyboard } from 'grammy';
import type { EngineReply } from '../engine/engine.js';
import type { ReplyText } from '../reply/compose.js';
import type { BotContext } from './context.js';
import { escapeHtml, splitReply } from './html.js';

/** Telegram's limit on a button's callback data. */
export const MAX_CALLBACK_BYTES = 64;
/** Callback data prefix for a suggested question: the rest is the question. */
export const QUESTION_PREFIX = 'q:';

/** Buttons for suggested next questions; any whose data would not fit Telegram's 64 bytes is left out. */
export function followUpKeyboard(questions: readonly string[]): InlineKeyboard | undefined {
  const fitting = questions.filter((q) => Buffer.byteLength(QUESTION_PREFIX + q) <= MAX_CALLBACK_BYTES);
  if (fitting.length === 0) return undefined;
  const keyboard = new InlineKeyboard();
  for (const q of fitting) keyboard.text(q, QUESTION_PREFIX + q).row();
  return keyboard;
}

/** Sends a reply as HTML, split if too long, with buttons on the last part. */
export async function sendText(ctx: BotContext, text: ReplyText, keyboard?: InlineKeyboard): Promise<void> {
  const parts = splitReply(text);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(escapeHtml(part), {
      parse_mode: 'HTML',
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
      // In groups, thread the answer under the question it answers.
      ...(ctx.chat?.type !== 'private' && ctx.msg?.message_id && i === 0 ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}),
    });
  }
}

/** Sends an engine reply with its follow-up buttons and notes the intent for the log. */
export async function sendReply(ctx: BotContext, reply: EngineReply): Promise<void> {
  ctx.handled.intent = reply.intent;
  await sendText(ctx, reply.text, followUpKeyboard(reply.followUps));
}
