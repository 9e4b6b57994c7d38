import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/**
 * In groups, the bot speaks only when spoken to: commands, mentions of the bot, and replies to
 * its own messages. Everything else in a group passes by silently.
 */
export function groupGate(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(async (ctx, next) => {
    const type = ctx.chat?.type;
    if (type !== 'group' && type !== 'supergroup') return next();
    if (ctx.callbackQuery) return next(); // a press on one of our buttons
    const msg = ctx.message;
    if (!msg) return; // edits, member changes and the like: stay quiet
    const text = msg.text ?? msg.caption ?? '';
    const entities = msg.entities ?? msg.caption_entities ?? [];
    const username = ctx.me.username.toLowerCase();
    const command = entities.find((e) => e.type === 'bot_command' && e.offset === 0);
    const target = command && text.slice(0, command.length).split('@')[1]?.toLowerCase();
    // "/help@otherbot" is for another bot in the group.
    const isCommand = command !== undefined && (target === undefined || target === username);
    const mentioned = entities.some((e) => e.type === 'mention' && text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === username);
    const replyToUs = msg.reply_to_message?.from?.id === ctx.me.id;
    if (isCommand || mentioned || replyToUs) return next();
  });
  return composer;
}

/** Removes "@ourbot" from a message so the question reads as typed. */
export function stripMention(text: string, username: string): string {
  return text.replace(new RegExp(`@${username}\\b`, 'gi'), ' ').trim();
}
