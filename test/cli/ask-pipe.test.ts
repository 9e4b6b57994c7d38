import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/engine/load-engine.js';

const LINES = 20_000;
const QUESTIONS = ['how many arrests in essex', 'what about kent?', 'whats a county line', 'my son is in\ndanger', 'tell me a joke', 'knives in beds'];

// A reader much slower than `ask`: it takes a chunk, then waits, like a batch job doing work per line.
const SLOW_READER = `
let lines = 0, last = '';
process.stdin.on('data', (chunk) => {
  const text = last + chunk;
  const parts = text.split('\\n');
  last = parts.pop();
  lines += parts.length;
  process.stdin.pause();
  setTimeout(() => process.stdin.resume(), 3);
});
process.stdin.on('end', () => process.stdout.write(JSON.stringify({ lines, tail: last })));
`;

describe('npm run ask -- --jsonl into a slow pipe', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clbot-ask-'));
    const input = Array.from({ length: LINES }, (_, i) => JSON.stringify({ chat: `c${i % 97}`, text: QUESTIONS[i % QUESTIONS.length] })).join('\n');
    await writeFile(join(dir, 'in.jsonl'), `${input}\n`);
    await writeFile(join(dir, 'reader.cjs'), SLOW_READER);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // Regression: ask called process.exit() with output still queued for the pipe: ~900 of 5,000 lines came out, exit code 0.
  it('should deliver every one of 20,000 lines through a real pipe, and exit 0', async () => {
    const script = `set -o pipefail; node --import tsx src/cli/ask.ts --jsonl < '${join(dir, 'in.jsonl')}' | node '${join(dir, 'reader.cjs')}'`;
    const child = spawn('bash', ['-c', script], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ lines: LINES, tail: '' });
  }, 120_000);
});
