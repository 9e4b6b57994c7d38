import { createInterface } from 'node:readline';
import { chooseLanguage, commandIntent, converseTopic, languageMenu, TOPICS, WELCOME_INTENT } from '../engine/commands.js';
import { MemoryContextStore } from '../engine/context-store.js';
import { converse } from '../engine/conversation.js';
import type { Engine, EngineReply } from '../engine/engine.js';
import { ENGLISH } from '../knowledge/languages.js';
import { composeReply } from '../reply/compose.js';

/** The one conversation the terminal holds. */
const CHAT = 'terminal';

/** Something the user can pick by number: a suggested question, a topic from /start, or a language from /language. */
type Choice = { label: string; question: string } | { label: string; topic: string } | { label: string; language: string };

/** "/help", "/about@bot extra" → "help", "about"; undefined when the line is not a command. */
export function commandOf(line: string): string | undefined {
  return /^\s*\/([a-z_]+)(?:@\w+)?(?:\s|$)/i.exec(line)?.[1]?.toLowerCase();
}

/** The numbered "Try:" lines under a reply. */
export function formatChoices(choices: readonly Choice[]): string {
  if (choices.length === 0) return '';
  return `\n\n  Try (type a number):\n${choices.map((c, i) => `    ${i + 1}. ${c.label}`).join('\n')}`;
}

/**
 * The terminal chat: the same engine, follow-up context and commands as the Telegram bot, one local conversation.
 * /start, /help, /about, /report, /privacy and /language answer as they do in Telegram; the suggestions under a
 * reply (and the topics under /start, the languages under /language) can be picked by typing their number.
 * `engine` is asked for on every line, so a reloaded engine takes over at once.
 * Returns when the user types "quit" or closes the input.
 */
export async function runTerminalChat(engine: () => Engine, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const store = new MemoryContextStore();
  const rl = createInterface({ input, crlfDelay: Infinity });
  const prompt = () => output.write('you> ');
  let choices: Choice[] = [];
  output.write('Ask about the Eastern Region county-lines week of action (for example "how many arrests in Essex?"). Type /start for topics, /help for help, "quit" to leave.\n\n');
  prompt();

  /** /language: the languages to pick from; /language pl (or a language picked) chooses it for the conversation. */
  async function language(code: string): Promise<{ text: string; next: Choice[] }> {
    const chosen = code ? await chooseLanguage(engine(), store, CHAT, code) : undefined;
    if (chosen) return withFollowUps(chosen);
    const menu = languageMenu(engine().knowledge.languages);
    return { text: composeReply(menu.text), next: menu.choices.map((c) => ({ label: c.label, language: c.code })) };
  }

  /** Answers one line: a number picks a choice, a /command answers as Telegram does, anything else is a question. */
  async function answerLine(line: string): Promise<{ text: string; next: Choice[] }> {
    const picked = /^\s*(\d{1,2})\s*$/.exec(line) ? choices[Number(line.trim()) - 1] : undefined;
    if (picked && 'topic' in picked) return withFollowUps(await converseTopic(engine(), store, CHAT, picked.topic));
    if (picked && 'language' in picked) return language(picked.language);
    if (picked) return withFollowUps(await converse(engine(), store, CHAT, picked.question));
    const command = commandOf(line);
    if (command === 'language') return language(line.trim().split(/\s+/)[1]?.toLowerCase() ?? '');
    if (command !== undefined) {
      const intent = commandIntent(command);
      // As in Telegram: /start welcomes and offers the topics; the welcome does not change the conversation.
      if (intent === WELCOME_INTENT) return { text: engine().answerTopic(WELCOME_INTENT).text, next: TOPICS.map((t) => ({ label: t.label, topic: t.intent })) };
      return withFollowUps(await converseTopic(engine(), store, CHAT, intent));
    }
    return withFollowUps(await converse(engine(), store, CHAT, line));
  }

  try {
    for await (const line of rl) {
      if (/^\s*(quit|exit|bye)\s*$/i.test(line)) break;
      const { text, next } = await answerLine(line);
      choices = next;
      output.write(`\nbot> ${text.replace(/\n/g, '\n     ')}${formatChoices(choices)}\n\n`);
      prompt();
    }
  } finally {
    rl.close();
  }
}

/** A reply with its suggested questions to pick; as in Telegram, none under an answer in another language (they are English). */
function withFollowUps(reply: EngineReply): { text: string; next: Choice[] } {
  return { text: reply.text, next: reply.answeredIn === ENGLISH ? reply.followUps.map((q) => ({ label: q, question: q })) : [] };
}

// Run directly (`npm run chat`).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadEngine } = await import('../engine/load-engine.js');
  const { fileSettings } = await import('../config.js');
  const engine = await Promise.resolve().then(() => loadEngine(fileSettings())).catch((error: unknown) => {
    console.error(String(error instanceof Error ? error.message : error));
    // Not process.exit(): that could cut the message short when stderr is a pipe.
    process.exitCode = 1;
    return undefined;
  });
  if (engine) await runTerminalChat(() => engine);
}
