import { ENGLISH, type Language } from '../knowledge/languages.js';
import { composeReply } from '../reply/compose.js';
import { sayIn } from '../reply/locale.js';
import type { ContextStore } from './context-store.js';
import { choosableLanguages, withChosenLanguage, type Engine, type EngineReply } from './engine.js';

/**
 * The commands and topics the Telegram bot and the terminal chat share, so both give the same answers.
 * Nothing here knows about Telegram.
 */

/** A topic offered under /start: its label, and the intent it opens. */
export interface Topic {
  label: string;
  intent: string;
}

/** Topics offered under /start (buttons in Telegram, numbered choices in the terminal). */
export const TOPICS: readonly Topic[] = [
  { label: 'Results of the week', intent: 'overview' },
  { label: 'What is county lines?', intent: 'what_is_county_lines' },
  { label: 'Signs of exploitation', intent: 'exploitation_signs' },
  { label: 'How to report', intent: 'how_to_report' },
  { label: 'Report anonymously', intent: 'anonymity' },
  { label: 'Which county had most?', intent: 'comparison' },
  { label: 'Someone to talk to', intent: 'support' },
  { label: 'What is cuckooing?', intent: 'cuckooing' },
];

/** The commands shown in Telegram's menu, with what each does. */
export const COMMANDS = [
  { command: 'start', description: 'Welcome and topics' },
  { command: 'help', description: 'What you can ask' },
  { command: 'report', description: 'How to report a concern, anonymously too' },
  { command: 'about', description: 'Where the figures come from' },
  { command: 'privacy', description: 'What this bot keeps, and what it does not' },
] as const;

/** The commands of Telegram's menu: those above, and /language (a menu of buttons in Telegram, numbers in the terminal). */
export const MENU_COMMANDS = [...COMMANDS, { command: 'language', description: 'Answer in another language' }] as const;

/** The commands of Telegram's menu described in a language (its file's `menu.commands:`), English where it has none. */
export function commandsIn(language: Pick<Language, 'menu'> | undefined): { command: string; description: string }[] {
  return MENU_COMMANDS.map((c) => ({ command: c.command, description: language?.menu.commands[c.command] ?? c.description }));
}

/** The /start topics labelled in a language (its file's `menu.topics:`), English where it has none. */
export function topicsIn(language: Pick<Language, 'menu'> | undefined): Topic[] {
  return TOPICS.map((t) => ({ intent: t.intent, label: language?.menu.topics[t.intent] ?? t.label }));
}

/** The intent that welcomes a user on /start. */
export const WELCOME_INTENT = 'greeting';

/** The topic each command answers with. /start is the welcome; any other command gets the help. */
export const COMMAND_TOPICS: Readonly<Record<string, string>> = {
  start: WELCOME_INTENT,
  help: 'help',
  report: 'how_to_report',
  about: 'source',
  privacy: 'privacy',
};

/** The intent a command ("help", "about") answers with; unknown commands get the help, the same for everyone. */
export function commandIntent(command: string): string {
  return Object.hasOwn(COMMAND_TOPICS, command) ? COMMAND_TOPICS[command]! : 'help';
}

/**
 * Answers a topic in a conversation, so a follow-up can build on it: reads the chat's context,
 * answers, stores the new context.
 */
export async function converseTopic(engine: Engine, store: ContextStore, chat: string, intent: string, place?: string, hint?: string): Promise<EngineReply> {
  const stored = await store.get(chat);
  // The conversation's own language (chosen, or last written in) wins over the hint.
  const answerIn = stored?.chosen ?? stored?.language ?? hint;
  const reply = engine.answerTopic(intent, place, stored, Date.now(), answerIn ? { answerIn } : {});
  if (reply.context !== stored) await store.set(chat, reply.context);
  return reply;
}

/** The languages the bot answers in, as /language offers them: native name (English name). */
export function languageMenu(languages: ReadonlyMap<string, Language>): { text: string; choices: { label: string; code: string }[] } {
  const choices = choosableLanguages(languages).map((l) => ({ label: l.native === l.language ? l.native : `${l.native} (${l.language})`, code: l.code }));
  return { text: `Which language should I answer in? ${choices.map((c) => c.label).join(', ')}. Or send /language with a code, such as /language pl.`, choices };
}

/**
 * Chooses the language a conversation is answered in (/language pl): the choice is kept in its context, and the reply
 * says so in that language, with the welcome. Undefined, and nothing kept, when the bot has no answers in it.
 * `chat` undefined answers without keeping the choice.
 */
export async function chooseLanguage(engine: Engine, store: ContextStore, chat: string | undefined, code: string, now = Date.now()): Promise<EngineReply | undefined> {
  const context = chat ? await store.get(chat) : undefined;
  const next = withChosenLanguage(context, code, engine.knowledge.languages, now);
  const language = engine.knowledge.languages.get(code);
  if (!next || !language) return undefined;
  if (chat) await store.set(chat, next);
  const said = sayIn([{ kind: 'sentence', key: 'language_chosen' }], { language, english: engine.knowledge.languages.get(ENGLISH)!, knowledge: engine.knowledge })!.text;
  // In the language chosen, English too: the conversation's last language is no longer the one to answer in.
  const welcome = engine.answerTopic(WELCOME_INTENT, undefined, next, now, { answerIn: code });
  const blocks = welcome.text.split('\n\n');
  return { ...welcome, context: next, text: composeReply(`${said}\n\n${blocks.slice(0, -1).join('\n\n')}`, { footer: blocks[blocks.length - 1] }) };
}
