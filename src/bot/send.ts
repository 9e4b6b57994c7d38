import { InlineKeyboard } from 'grammy';
import type { EngineReply } from '../engine/engine.js';
import { composeReply, type ReplyText } from '../reply/compose.js';
import { chartPicture } from './chart-photo.js';
import type { BotContext, BotDeps } from './context.js';
import { escapeHtml, splitReply } from './html.js';
import { ENGLISH } from '../knowledge/languages.js';

/** Telegram's limit on a button's callback data. */
export const MAX_CALLBACK_BYTES = 64;
/** Callback data prefix for a suggested question: the rest is the question. */
export const QUESTION_PREFIX = 'q:';

/** Callback data of the "English" button under an answer in another language. */
export const ENGLISH_PREFIX = 'en:';

/**
 * The "English" button under an answer in another language. Nothing is kept to answer it: the answer quotes the
 * question it answers, and Telegram sends the quoted question back with the press (src/bot/features/language.ts);
 * an answer to a topic button carries the topic in the button (`en:t:<intent>:<county>`).
 */
export function englishButton(reply: Pick<EngineReply, 'answeredIn'>, keyboard: InlineKeyboard | undefined, label: string, topic = ''): InlineKeyboard | undefined {
  if (reply.answeredIn === ENGLISH) return keyboard;
  return (keyboard ?? new InlineKeyboard()).row().text(label, ENGLISH_PREFIX + topic);
}

/** Buttons for suggested next questions; any whose data would not fit Telegram's 64 bytes is left out. */
export function followUpKeyboard(questions: readonly string[]): InlineKeyboard | undefined {
  const fitting = questions.filter((q) => Buffer.byteLength(QUESTION_PREFIX + q) <= MAX_CALLBACK_BYTES);
  if (fitting.length === 0) return undefined;
  const keyboard = new InlineKeyboard();
  for (const q of fitting) keyboard.text(q, QUESTION_PREFIX + q).row();
  return keyboard;
}

/**
 * In groups, the answer is threaded under the question it answers; so is an answer in another language anywhere,
 * so that its "English" button can find the question again without the bot keeping it.
 */
function threaded(ctx: BotContext, quote = false) {
  const question = ctx.message?.text !== undefined ? ctx.message.message_id : undefined;
  if (quote && question !== undefined) return { reply_parameters: { message_id: question, allow_sending_without_reply: true } };
  return ctx.chat?.type !== 'private' && ctx.msg?.message_id ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {};
}

/** Sends a reply as HTML, split if too long, with buttons on the last part. */
export async function sendText(ctx: BotContext, text: ReplyText, keyboard?: InlineKeyboard, quote = false): Promise<void> {
  const parts = splitReply(text);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(escapeHtml(part), {
      parse_mode: 'HTML',
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
      ...(i === 0 ? threaded(ctx, quote) : {}),
    });
  }
}

/** Telegram's limit on a photo's caption. */
export const MAX_CAPTION = 1024;

/**
 * Sends an engine reply with its follow-up buttons and notes the intent for the log. A reply that compares
 * counties goes as a bar chart, captioned with the whole answer and footer; an answer too long for a caption
 * follows the chart as a message of its own.
 */
export async function sendReply(ctx: BotContext, reply: EngineReply, deps?: BotDeps, topic?: string): Promise<void> {
  ctx.handled.intent = reply.intent;
  // Suggested questions are English: an answer in another language offers the same answer in English instead.
  const english = reply.answeredIn === ENGLISH;
  const label = deps?.engine().knowledge.languages.get(ENGLISH)?.native ?? 'English';
  const keyboard = english ? followUpKeyboard(reply.followUps) : englishButton(reply, undefined, label, topic);
  // A chart's labels are English: an answer in another language goes as text.
  const chart = english && deps ? chartPicture(deps, reply) : undefined;
  if (!chart) return sendText(ctx, reply.text, keyboard, !english);
  const fits = reply.text.length <= MAX_CAPTION;
  await ctx.replyWithPhoto(chart.file, {
    caption: escapeHtml(fits ? reply.text : composeReply(chart.title)),
    parse_mode: 'HTML',
    ...(fits && keyboard ? { reply_markup: keyboard } : {}),
    ...threaded(ctx, !english),
  });
  if (!fits) await sendText(ctx, reply.text, keyboard);
}
