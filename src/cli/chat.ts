import { createInterface } from 'node:readline';
import { commandIntent, converseTopic, TOPICS, WELCOME_INTENT } from '../engine/commands.js';
import { MemoryContextStore } from '../engine/context-store.js';
import { converse } from '../engine/conversation.js';
import type { Engine, EngineReply } from '../engine/engine.js';

/** The one conversation the terminal holds. */
const CHAT = 'terminal';

/** Something the user can pick by number: a suggested question, or a topic from /start. */
type Choice = { label: string; question: string } | { label: string; topic: string };

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
 * /start, /help, /about, /report and /privacy answer as they do in Telegram; the suggestions under a reply
 * (and the topics under /start) can be picked by typing their number.
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

  /** Answers one line: a number picks a choice, a /command answers as Telegram does, anything else is a question. */
  async function answerLine(line: string): Promise<{ reply: EngineReply; next: Choice[] }> {
    const picked = /^\s*(\d{1,2})\s*$/.exec(line) ? choices[Number(line.trim()) - 1] : undefined;
    if (picked && 'topic' in picked) return withFollowUps(await converseTopic(engine(), store, CHAT, picked.topic));
    if (picked) return withFollowUps(await converse(engine(), store, CHAT, picked.question));
    const command = commandOf(line);
    if (command !== undefined) {
      const intent = commandIntent(command);
      // As in Telegram: /start welcomes and offers the topics; the welcome does not change the conversation.
      if (intent === WELCOME_INTENT) return { reply: engine().answerTopic(WELCOME_INTENT), next: TOPICS.map((t) => ({ label: t.label, topic: t.intent })) };
      return withFollowUps(await converseTopic(engine(), store, CHAT, intent));
    }
    return withFollowUps(await converse(engine(), store, CHAT, line));
  }

  try {
    for await (const line of rl) {
      if (/^\s*(quit|exit|bye)\s*$/i.test(line)) break;
      const { reply, next } = await answerLine(line);
      choices = next;
      output.write(`\nbot> ${reply.text.replace(/\n/g, '\n     ')}${formatChoices(choices)}\n\n`);
      prompt();
    }
  } finally {
    rl.close();
  }
}

function withFollowUps(reply: EngineReply): { reply: EngineReply; next: Choice[] } {
  return { reply, next: reply.followUps.map((q) => ({ label: q, question: q })) };
}

// Run directly (`npm run chat`).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadEngine } = await import('../engine/load-engine.js');
  const { fileSettings } = await import('../config.js');
  const engine = await Promise.resolve().then(() => loadEngine(fileSettings())).catch((error: unknown) => {
    console.error(String(error instanceof Error ? error.message : error));
    process.exit(1);
  });
  await runTerminalChat(() => engine);
}
