import { createInterface } from 'node:readline';
import { MemoryContextStore } from '../engine/context-store.js';
import { converse } from '../engine/conversation.js';
import type { Engine } from '../engine/engine.js';

/**
 * The terminal chat: the same engine and follow-up context as the Telegram bot, one local conversation.
 * `engine` is asked for on every line, so a reloaded engine takes over at once.
 * Returns when the user types "quit" or closes the input.
 */
export async function runTerminalChat(engine: () => Engine, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const store = new MemoryContextStore();
  const rl = createInterface({ input, crlfDelay: Infinity });
  const prompt = () => output.write('you> ');
  output.write('Ask about the Eastern Region county-lines week of action (for example "how many arrests in Essex?"). Type "quit" to leave.\n\n');
  prompt();
  try {
    for await (const line of rl) {
      if (/^\s*(quit|exit|bye)\s*$/i.test(line)) break;
      const reply = await converse(engine(), store, 'terminal', line);
      const suggestions = reply.followUps.length > 0 ? `\n\n  Try: ${reply.followUps.join(' | ')}` : '';
      output.write(`\nbot> ${reply.text.replace(/\n/g, '\n     ')}${suggestions}\n\n`);
      prompt();
    }
  } finally {
    rl.close();
  }
}

// Run directly (`npm run chat`).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadEngine } = await import('../engine/load-engine.js');
  const engine = await loadEngine().catch((error: unknown) => {
    console.error(String(error instanceof Error ? error.message : error));
    // Not process.exit(): that could cut the message short when stderr is a pipe.
    process.exitCode = 1;
    return undefined;
  });
  if (engine) await runTerminalChat(() => engine);
}
