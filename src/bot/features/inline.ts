import { Composer } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import type { EngineReply } from '../../engine/engine.js';
import type { BotContext, BotDeps } from '../context.js';
import { escapeHtml, splitReply } from '../html.js';
import { TOPICS } from './commands.js';

/** How long Telegram may cache inline answers: the figures change rarely. */
export const INLINE_CACHE_SECONDS = 300;

function article(id: string, title: string, reply: EngineReply): InlineQueryResultArticle {
  const text = splitReply(reply.text)[0]!;
  const firstLine = text.split('\n')[0] ?? '';
  return {
    type: 'article',
    id,
    title,
    description: firstLine.length > 100 ? `${firstLine.slice(0, 99)}…` : firstLine,
    input_message_content: { message_text: escapeHtml(text), parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  };
}

/** `@bot question` in any chat: the answer as an article to paste; an empty query offers the main topics. */
export function inline(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('inline_query', async (ctx) => {
    const engine = deps.engine();
    const query = ctx.inlineQuery.query.trim();
    let results: InlineQueryResultArticle[];
    if (query === '') {
      results = TOPICS.map((t, i) => article(`topic-${i}`, t.label, engine.answerTopic(t.intent)));
    } else {
      const reply = engine.answer(query, undefined, Date.now(), { ...(ctx.from.language_code && { languageHint: ctx.from.language_code }) });
      ctx.handled.intent = reply.intent;
      const title = reply.intent ? (engine.intents.find((i) => i.id === reply.intent)?.description ?? 'Answer') : 'I can only answer questions about the week of action';
      results = [article('answer', title, reply)];
    }
    await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS, is_personal: false });
  });
  return composer;
}
