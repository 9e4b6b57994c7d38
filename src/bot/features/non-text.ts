import { Composer } from 'grammy';
import { composeReply } from '../../reply/compose.js';
import type { BotContext } from '../context.js';
import { sendText } from '../send.js';

const READS_TEXT_ONLY = "I can only read text messages. Please type your question, for example \"how many arrests in Essex?\". I don't keep anything you send.";

/**
 * Stickers, photos, voice notes, locations, contacts and other media get a short note saying the
 * bot reads text. Nothing from them (a location, a phone number) is read, stored or logged.
 */
export function nonText(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('message', async (ctx) => {
    ctx.handled.intent = 'not-text';
    await sendText(ctx, composeReply(READS_TEXT_ONLY));
  });
  return composer;
}
