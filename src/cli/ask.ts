import { createInterface } from 'node:readline';
import { z } from 'zod';
import { fileSettings } from '../config.js';
import { MemoryContextStore } from '../engine/context-store.js';
import { converse } from '../engine/conversation.js';
import type { Engine, EngineReply } from '../engine/engine.js';
import type { Frame } from '../frame/types.js';
import { loadEngine } from '../engine/load-engine.js';
import { InvalidFilesError } from '../files/problem.js';
import { exitAfterOutput, writeWithBackpressure } from './exit.js';

const USAGE = `Usage:
  npm run --silent ask -- "question"          print the reply
  npm run --silent ask -- --json "question"   print {"reply","intent","confidence","frame","language"}, and "frames" for a message of several parts
  npm run --silent ask -- --jsonl             read {"chat","text"} lines from stdin, write one JSON line each`;

const lineSchema = z.object({ chat: z.union([z.string(), z.number()]).transform(String), text: z.string() });

/** Answers JSON lines from `input` in order, one JSON line out per line in; bad lines get an error object. */
export async function answerJsonLines(engine: Engine, input: NodeJS.ReadableStream, write: (line: string) => void | Promise<void>): Promise<void> {
  const store = new MemoryContextStore();
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n += 1;
    if (raw.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      await write(JSON.stringify({ error: `line ${n}: not valid JSON; expected {"chat": "...", "text": "..."}`, line: n }));
      continue;
    }
    const input = lineSchema.safeParse(parsed);
    if (!input.success) {
      const fields = input.error.issues.map((i) => i.path.join('.') || 'line').join(', ');
      await write(JSON.stringify({ error: `line ${n}: expected {"chat": "...", "text": "..."}; problem with: ${fields}`, line: n }));
      continue;
    }
    const { chat, text } = input.data;
    const reply = await converse(engine, store, chat, text);
    await write(JSON.stringify({ chat, text, ...replyJson(reply) }));
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A reply as `ask --json` prints it: reply, intent, confidence, frame and language; a message of several parts
 * also gets `frames`, each part's frame in the order asked (`frame` stays the first).
 */
export function replyJson(reply: EngineReply) {
  return {
    reply: reply.text,
    intent: reply.intent,
    confidence: round(reply.confidence),
    frame: frameJson(reply.frame),
    ...(reply.frames && { frames: reply.frames.map(frameJson) }),
    language: reply.language.code,
  };
}

/** The frame as `ask --json` shows it: what was asked, part by part, and the rule that decided. */
export function frameJson(frame: Frame) {
  const { act, metrics, places, time, facet, operation, leftovers, rule } = frame;
  return { act, metrics, places, time, facet, operation, leftovers, rule };
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const jsonl = argv.includes('--jsonl');
  const rest = argv.filter((a) => a !== '--json' && a !== '--jsonl');
  if (argv.includes('--help') || argv.includes('-h') || (!jsonl && rest.length === 0)) {
    (argv.includes('--help') || argv.includes('-h') ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return argv.includes('--help') || argv.includes('-h') ? 0 : 2;
  }
  const engine = await loadEngine(fileSettings());
  if (jsonl) {
    // Waits whenever the reader falls behind, so 20,000 answers never sit in memory at once.
    await answerJsonLines(engine, process.stdin, (line) => writeWithBackpressure(process.stdout, `${line}\n`));
    return 0;
  }
  const reply = engine.answer(rest.join(' '));
  process.stdout.write(json ? `${JSON.stringify(replyJson(reply))}\n` : `${reply.text}\n`);
  return 0;
}

main(process.argv.slice(2)).then(exitAfterOutput, (error: unknown) => {
  process.stderr.write(`${error instanceof InvalidFilesError ? error.message : `ask failed: ${String(error)}`}\n`);
  exitAfterOutput(1);
});
