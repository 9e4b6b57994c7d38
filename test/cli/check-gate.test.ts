import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { BASELINE_FILE } from '../../src/evaluation/gate.js';

const run = promisify(execFile);

/** A copy of the project that `npm run check` can run in: its code, data, intents and evaluation sets. */
async function copyProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'clbot-project-'));
  for (const part of ['src', 'data', 'intents', 'package.json', 'tsconfig.json']) await cp(resolve(PROJECT_ROOT, part), join(root, part), { recursive: true });
  await mkdir(join(root, 'test'));
  await cp(resolve(PROJECT_ROOT, 'test/eval'), join(root, 'test/eval'), { recursive: true });
  await symlink(resolve(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

/** `npm run check` (or another command) in that copy: its exit code and output. */
async function check(root: string, command = 'check', args: string[] = []): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), `src/cli/${command}.ts`, ...args], { cwd: root });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

// A new intent with the documented minimum of examples once took over a teenager's "someone is forcing a kid into a
// car" message, and check still said OK. Danger is now read before any topic; an edit to its words is what can lose it.
describe('npm run check on a copy of the project', { timeout: 60_000 }, () => {
  let root: string;
  beforeAll(async () => {
    root = await copyProject();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('should pass as committed, saying how the evaluation went', async () => {
    const { code, output } = await check(root);
    expect(output).toMatch(/The bot answered \d+ of \d+ test questions right/);
    expect(code).toBe(0);
    // The last line is the verdict, and agrees with the exit code.
    expect(output.trim().split('\n').at(-1)).toMatch(/^Passed: .* The bot will serve these files\.$/);
  });

  it('should keep 999 first for a danger question whatever a new topic\'s examples say: danger is read first', async () => {
    await writeFile(
      join(root, 'intents/car_worries.yaml'),
      [
        'id: car_worries',
        'description: Worries about children and cars.',
        'examples:',
        ...['a child is being forced into a car', 'kid forced into a car', 'someone forced into a car now', 'a kid being pushed into a car',
          'kids and cars', 'children getting into cars', 'a car picking up kids', 'kids forced into cars'].map((e) => `  - ${e}`),
        'answer:',
        '  text: Cars can be part of county lines.',
        '',
      ].join('\n'),
    );
    const { output } = await check(root);
    expect(output).not.toContain('"a kid is being forced into a car now" (intents/emergency.yaml) no longer gets');
    await rm(join(root, 'intents/car_worries.yaml'));
  });

  it('should fail, naming the phrase, when an edit to the danger words loses 999 first', async () => {
    const words = join(root, 'data/lang/en.yaml');
    await writeFile(words, (await readFile(words, 'utf8')).replace(/^  taken: \[.*\]$/m, '  taken: []'));
    const { code, output } = await check(root);
    expect(code).toBe(1);
    expect(output).toContain('test/eval: The emergency question "a kid is being forced into a car now" (intents/emergency.yaml) no longer gets "Call 999 now" first');
    expect(output.trim().split('\n').at(-1)).toMatch(/^Not passed: \d+ error\(s\), \d+ warning\(s\)\. Fix the errors above; the bot keeps its last good version until then\.$/);
  });

  it('should refuse to accept that run as the new baseline', async () => {
    const before = await readFile(join(root, BASELINE_FILE), 'utf8');
    const { code, output } = await check(root, 'eval', ['--accept']);
    expect(code).toBe(1);
    expect(output).toContain('Not accepted: fix the problems marked ERROR above first.');
    expect(await readFile(join(root, BASELINE_FILE), 'utf8')).toBe(before);
  });
});
