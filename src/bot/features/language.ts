import { Composer, InlineKeyboard } from 'grammy';
import { chooseLanguage, languageMenu } from '../../engine/commands.js';
import { ENGLISH } from '../../knowledge/languages.js';
import { composeNotice, composeReply } from '../../reply/compose.js';
import { conversationKey, type BotContext, type BotDeps } from '../context.js';
import { ENGLISH_PREFIX, sendReply, sendText } from '../send.js';
import { TOPIC_PREFIX } from './commands.js';

/** Callback data of a language in the /language menu: `lang:pl`. */
export const LANGUAGE_PREFIX = 'lang:';

/** /language: a menu of the languages the bot answers in; `/language pl` chooses at once. The choice is kept in the conversation's context. */
export function language(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const choose = async (ctx: BotContext, code: string) => {
    const reply = await chooseLanguage(deps.engine(), deps.contexts, conversationKey(ctx), code);
    if (!reply) return sendText(ctx, composeReply(menuText(deps)), menu(deps));
    ctx.handled.intent = 'language';
    return sendReply(ctx, reply, deps);
  };

  composer.command('language', async (ctx) => {
    const code = ctx.match.trim().toLowerCase();
    if (code) return choose(ctx, code);
    ctx.handled.intent = 'language';
    return sendText(ctx, composeReply(menuText(deps)), menu(deps));
  });
  composer.callbackQuery(new RegExp(`^${LANGUAGE_PREFIX}`), async (ctx) => {
    await ctx.answerCallbackQuery();
    return choose(ctx, ctx.callbackQuery.data.slice(LANGUAGE_PREFIX.length));
  });
  composer.callbackQuery(new RegExp(`^${ENGLISH_PREFIX}${TOPIC_PREFIX}`), async (ctx) => {
    await ctx.answerCallbackQuery();
    const [intent = '', place] = ctx.callbackQuery.data.slice(ENGLISH_PREFIX.length + TOPIC_PREFIX.length).split(':');
    const key = conversationKey(ctx);
    const context = key ? await deps.contexts.get(key) : undefined;
    return sendReply(ctx, deps.engine().answerTopic(intent, place, context, Date.now(), { answerIn: ENGLISH }), deps);
  });
  composer.callbackQuery(ENGLISH_PREFIX, async (ctx) => {
    const question = ctx.callbackQuery.message?.reply_to_message?.text;
    if (!question) {
      // The question was deleted, or the answer came from a button: nothing to answer again.
      ctx.handled.intent = 'unknown-button';
      return ctx.answerCallbackQuery({ text: composeNotice('Please send your question again to get the answer in English.') });
    }
    await ctx.answerCallbackQuery();
    const key = conversationKey(ctx);
    const context = key ? await deps.contexts.get(key) : undefined;
    // Read as before, answered in English; the conversation's context is left as it was.
    const reply = deps.engine().answer(question, context, Date.now(), { answerIn: ENGLISH, ...(ctx.from?.language_code && { languageHint: ctx.from.language_code }) });
    return sendReply(ctx, reply, deps);
  });
  return composer;
}

function menuText(deps: BotDeps): string {
  return languageMenu(deps.engine().knowledge.languages).text;
}

function menu(deps: BotDeps): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  const languages = deps.engine().knowledge.languages;
  languageMenu(languages).choices.forEach((c, i) => {
    keyboard.text(languages.get(c.code)!.native, `${LANGUAGE_PREFIX}${c.code}`);
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}
