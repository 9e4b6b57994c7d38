import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../files/project-root.js';
import { InvalidFilesError, type Problem } from '../files/problem.js';
import { weekCoverage } from '../intents/coverage.js';
import { localeProblems } from '../intents/locales.js';
import { MENU_COMMANDS, TOPICS } from './commands.js';
import { loadIntents, type Intent } from '../intents/load.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { loadKnowledge } from '../knowledge/load.js';
import { putContactsInService } from '../reply/compose.js';
import { loadDetector } from '../nlu/detect-cld3.js';
import { createEngine, type Engine, type MatchOptions } from './engine.js';

export { PROJECT_ROOT };

export interface EngineSources {
  dataDir?: string;
  intentsDir?: string;
  /** How the folders are named in problems; `data` and `intents` unless given. */
  dataShownAs?: string;
  intentsShownAs?: string;
  match?: MatchOptions;
  /** Put the contacts into the footer once loaded (default); live reload waits until its gate has passed. */
  putInService?: boolean;
}

/**
 * Reads and checks every data and intent file, without training anything: what `npm run check` needs.
 * Warnings (advice for editors) are worked out only when asked for.
 */
export async function checkAll(sources: EngineSources = {}, { warnings = true } = {}): Promise<{ knowledge?: Knowledge; intents: Intent[]; problems: Problem[] }> {
  const dataDir = sources.dataDir ?? resolve(PROJECT_ROOT, 'data');
  const intentsDir = sources.intentsDir ?? resolve(PROJECT_ROOT, 'intents');
  const { knowledge, problems: dataProblems } = await loadKnowledge(dataDir, sources.dataShownAs);
  const { intents, problems: intentProblems } = await loadIntents(intentsDir, knowledge, sources.intentsShownAs, sources.dataShownAs);
  const problems = [...dataProblems, ...intentProblems];
  // What each week lacks that answers need, once the files themselves are sound.
  // A language's sentences that break its rules are errors; what it has not translated yet is advice, like intentWarnings.
  const locales = knowledge && !problems.some((p) => p.severity === 'error') ? localeProblems(knowledge, intents, { topics: TOPICS.map((t) => t.intent), commands: MENU_COMMANDS.map((c) => c.command) }) : [];
  if (knowledge && !problems.some((p) => p.severity === 'error')) problems.push(...weekCoverage(intents, knowledge), ...locales.filter((p) => p.severity === 'error'));
  if (!knowledge || problems.some((p) => p.severity === 'error')) return { intents, problems };
  if (!warnings) return { knowledge, intents, problems };
  // Advice for editors, only `npm run check` asks for: its readability scoring is loaded then, not by every start-up.
  const { intentWarnings } = await import('../intents/warnings.js');
  return { knowledge, intents, problems: [...problems, ...intentWarnings(intents, knowledge), ...locales.filter((p) => p.severity === 'warning')] };
}

/** Loads and checks every data and intent file; `engine` is set only when there are no errors. */
export async function loadAll(sources: EngineSources = {}): Promise<{ engine?: Engine; problems: Problem[] }> {
  const { knowledge, intents, problems } = await checkAll(sources, { warnings: false });
  if (!knowledge) return { problems };
  const engine = createEngine(knowledge, intents, sources.match, { detect: await loadDetector() });
  // Only a set of files that loaded without errors changes the footer: a broken edit keeps the last good one.
  if (sources.putInService !== false) putContactsInService(knowledge.contacts);
  return { engine, problems };
}

/** Loads the engine or throws {@link InvalidFilesError} listing every problem. */
export async function loadEngine(sources: EngineSources = {}): Promise<Engine> {
  const { engine, problems } = await loadAll(sources);
  if (!engine) throw new InvalidFilesError(problems);
  return engine;
}
