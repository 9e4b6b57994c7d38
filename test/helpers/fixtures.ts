import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadEngine, PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { InvalidFilesError } from '../../src/files/problem.js';
import type { Words } from '../../src/knowledge/language-words.js';
import { englishWords, loadLanguages } from '../../src/knowledge/languages.js';
import type { Engine } from '../../src/engine/engine.js';
import { LiveEngine } from '../../src/reload/live-engine.js';

/** The data logic tests run on: a frozen copy, so that correcting a figure in data/ changes no test. */
export const LOGIC_DATA = resolve(PROJECT_ROOT, 'test/fixtures/logic-data');

/**
 * A county's published figure in the frozen fixture data ({@link LOGIC_DATA}), read as the file says it, for tests
 * that quote one: `logicFigure('kent', 'arrests')`. Read at once, so that `it.each` tables can use it.
 */
export function logicFigure(county: string, metric: string): number {
  const dir = join(LOGIC_DATA, 'operations');
  const [file] = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const week = parse(readFileSync(join(dir, file!), 'utf8')) as { counties: Record<string, Record<string, { value: number }>> };
  return week.counties[county]![metric]!.value;
}

/** A throw-away copy of the fixture data (or the project's data/) and intents/ that a test may break. */
export interface Workspace {
  root: string;
  dataDir: string;
  intentsDir: string;
  /** Rewrites a file (path relative to the workspace) through `edit`. */
  edit(path: string, edit: (text: string) => string): Promise<void>;
  write(path: string, text: string): Promise<void>;
  remove(): Promise<void>;
}

/** The fixture data folder: two invented weeks of action, for logic tests that must not depend on today's figures. */
export const FIXTURE_DATA = resolve(PROJECT_ROOT, 'test/fixtures/data');

/**
 * Copies a data folder (by default {@link LOGIC_DATA}; or `data/`, or {@link FIXTURE_DATA}) and `intents/`
 * to a temporary folder. Like `intents/`, the words of `data/lang/` come from the project: the running bot's
 * gate reads the project's danger questions, which need the project's words (the fixture's invented
 * language stays beside them).
 */
export async function copyWorkspace(from: string | { data?: string } = {}): Promise<Workspace> {
  const data = typeof from === 'string' ? from : (from.data ?? LOGIC_DATA);
  const root = await mkdtemp(join(tmpdir(), 'clbot-'));
  await cp(data, join(root, 'data'), { recursive: true });
  await cp(resolve(PROJECT_ROOT, 'data/lang'), join(root, 'data/lang'), { recursive: true });
  await cp(resolve(PROJECT_ROOT, 'intents'), join(root, 'intents'), { recursive: true });
  return {
    root,
    dataDir: join(root, 'data'),
    intentsDir: join(root, 'intents'),
    async edit(path, edit) {
      const file = join(root, path);
      const before = await readFile(file, 'utf8');
      const after = edit(before);
      if (after === before) throw new Error(`fixture edit changed nothing in ${path}`);
      await writeFile(file, after);
    },
    async write(path, text) {
      await writeFile(join(root, path), text);
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

let shared: Promise<Engine> | undefined;
/** The engine built from the project's intents and the fixture data, loaded once per test file. */
export function realEngine(): Promise<Engine> {
  shared ??= loadEngine({ dataDir: LOGIC_DATA });
  return shared;
}

/** A throw-away workspace with a live engine serving it, for tests that edit files and reload. */
export async function liveWorkspace(): Promise<{ ws: Workspace; live: LiveEngine }> {
  const ws = await copyWorkspace();
  return { ws, live: await LiveEngine.start({ dataDir: ws.dataDir, intentsDir: ws.intentsDir }) };
}

let words: Promise<Words> | undefined;
/**
 * English's `words:` from the frozen fixture copy of data/lang/en.yaml ({@link LOGIC_DATA}), for tests of the
 * readers of questions, so that staff editing data/lang/en.yaml change no test.
 */
export function fixtureWords(): Promise<Words> {
  words ??= loadLanguages(LOGIC_DATA, 'test/fixtures/logic-data').then(({ languages, problems }) => {
    if (!languages) throw new InvalidFilesError(problems);
    return englishWords(languages);
  });
  return words;
}
