import { Composer, InlineKeyboard } from 'grammy';
import { COMMANDS, commandIntent, TOPICS, topicsIn, WELCOME_INTENT } from '../../engine/commands.js';
import type { Language } from '../../knowledge/languages.js';
import type { BotContext, BotDeps } from '../context.js';
import { answerTopicInConversation } from './conversation.js';
import { sendReply, sendText } from '../send.js';

/** Callback data prefix for a topic button: `t:<intent>` or `t:<intent>:<county>`. */
export const TOPIC_PREFIX = 't:';

/** Short deep-link words for community groups: t.me/<bot>?start=report. Intent ids and county keys work too. */
export const DEEP_LINKS: Record<string, string> = {
  report: 'how_to_report',
  anonymous: 'anonymity',
  results: 'overview',
  signs: 'exploitation_signs',
  what: 'what_is_county_lines',
  about: 'source',
  danger: 'emergency',
};

// The topics and commands live with the engine, so the terminal chat answers them the same way.
export { COMMANDS, TOPICS };

/** The /start buttons, labelled in the language of the welcome above them (English where its file has no label). */
export function topicKeyboard(language?: Language): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  topicsIn(language).forEach((t, i) => {
    keyboard.text(t.label, `${TOPIC_PREFIX}${t.intent}`);
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard.row().switchInline('Share an answer in another chat', '');
}

/** Turns a /start payload into a topic: `report`, `arrests`, `essex`, `arrests-essex`. */
export function topicFromPayload(payload: string, deps: BotDeps): { intent: string; place?: string } | undefined {
  const engine = deps.engine();
  const [first = '', second] = payload.toLowerCase().split('-', 2);
  const intent = DEEP_LINKS[first] ?? (engine.intents.some((i) => i.id === first) ? first : undefined);
  if (intent) return second && engine.knowledge.places.has(second) ? { intent, place: second } : { intent };
  if (engine.knowledge.places.has(first)) return { intent: 'overview', place: first };
  return undefined;
}

/** /start (with optional deep link), /help, /report, /about and /privacy. All answers come from the engine. */
export function commands(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const topic = async (ctx: BotContext, intent: string, place?: string) => sendReply(ctx, await answerTopicInConversation(ctx, deps, intent, place), deps, `${TOPIC_PREFIX}${intent}${place ? `:${place}` : ''}`);

  composer.command('start', async (ctx) => {
    const linked = ctx.match ? topicFromPayload(ctx.match, deps) : undefined;
    if (linked) return topic(ctx, linked.intent, linked.place);
    ctx.handled.intent = 'start';
    const welcome = await answerTopicInConversation(ctx, deps, WELCOME_INTENT);
    await sendText(ctx, welcome.text, topicKeyboard(deps.engine().knowledge.languages.get(welcome.answeredIn)));
  });
  for (const command of ['help', 'report', 'about', 'privacy'] as const) composer.command(command, (ctx) => topic(ctx, commandIntent(command)));
  // Any other command, staff-only ones included for the public, gets the help: the same for all, so nothing hints at them.
  composer.on('message:entities:bot_command', async (ctx, next) => {
    if (ctx.message.entities[0]?.type === 'bot_command' && ctx.message.entities[0].offset === 0) return topic(ctx, commandIntent(''));
    return next();
  });
  return composer;
}
