import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Engine } from '../engine/engine.js';
import { heldOutCases, readEvalSet } from './cases.js';
import { evaluate, type EvalReport } from './evaluate.js';

/** Where the evaluation sets live, relative to the project folder. */
export const EVAL_DIR = 'test/eval';
/** The section of the topics' own tests (`tests:` in each intent file). */
export const OWN_TESTS = 'intents';
/** The set written alongside the intents; the others were written without sight of the examples. */
export const MAIN_SET = `${EVAL_DIR}/questions.yaml`;

/** One scored set of questions. `key` stays the same between runs, so runs can be compared. */
export interface Section {
  key: string;
  title: string;
  report: EvalReport;
}

/** Every set the evaluation runs: the intents' own test phrases, then each YAML file in `test/eval/`. */
export async function runSuite(engine: Engine, projectRoot: string): Promise<Section[]> {
  const sections: Section[] = [{ key: OWN_TESTS, title: 'Test questions kept in the topic files (their tests: lists)', report: evaluate(engine, heldOutCases(engine.intents)) }];
  const files = (await readdir(resolve(projectRoot, EVAL_DIR))).filter((f) => /\.ya?ml$/.test(f)).sort();
  const ordered = [...files.filter((f) => `${EVAL_DIR}/${f}` === MAIN_SET), ...files.filter((f) => `${EVAL_DIR}/${f}` !== MAIN_SET)];
  for (const name of ordered) {
    const file = `${EVAL_DIR}/${name}`;
    const title = file === MAIN_SET ? `Evaluation set (${file})` : `Blind set (${file})`;
    sections.push({ key: file, title, report: evaluate(engine, await readEvalSet(resolve(projectRoot, file), file)) });
  }
  return sections;
}
