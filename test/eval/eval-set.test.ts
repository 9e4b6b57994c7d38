import { resolve } from 'node:path';
import { readdir } from 'node:fs/promises';
import { EVAL_DIR } from '../../src/evaluation/suite.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, PROJECT_ROOT } from '../../src/engine/load-engine.js';
import type { Engine } from '../../src/engine/engine.js';
import { readEvalSet } from '../../src/evaluation/cases.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { evaluationEngine, PASS_MARK, readBaseline } from '../../src/evaluation/gate.js';
import type { EvalCase } from '../../src/evaluation/evaluate.js';
import { normalise } from '../../src/nlu/normalise.js';

let engine: Engine;
let cases: EvalCase[];
beforeAll(async () => {
  engine = await loadEngine();
  cases = await readEvalSet(resolve(PROJECT_ROOT, 'test/eval/questions.yaml'));
});

describe('the evaluation set', () => {
  it('should hold at least 150 questions, 30 of them out of scope, none copied from the training examples', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => c.expected === null).length).toBeGreaterThanOrEqual(30);
    // One- and two-word messages ("hi", "thanks") are bound to appear in both; anything longer must not.
    const training = new Set(engine.intents.flatMap((i) => i.examples.map(normalise)));
    const copied = cases.filter((c) => normalise(c.text).split(' ').length > 2 && training.has(normalise(c.text)));
    expect(copied.map((c) => c.text)).toEqual([]);
  });

  it('should only name intents that exist', () => {
    const ids = new Set(engine.intents.map((i) => i.id));
    for (const c of cases) if (typeof c.expected === "string") expect(ids, c.text).toContain(c.expected);
  });

  // The accuracy the project promises, the same pass mark as npm run check and live reload (src/evaluation/gate.ts).
  // Asked as of the accepted run's week, as npm run check asks them: a week added since changes nothing here.
  it('should answer in-scope questions with the right facts, and reject the rest, at the pass mark, and always give the footer', async () => {
    const report = evaluate(evaluationEngine(engine, await readBaseline(PROJECT_ROOT)), cases);
    expect(report.inScopeAccuracy).toBeGreaterThanOrEqual(PASS_MARK);
    expect(report.outOfScopeRejection).toBeGreaterThanOrEqual(PASS_MARK);
    expect(report.footerRate).toBe(1);
  });
});

describe('every evaluation set', () => {
  // The blind sets measure questions nobody tuned on: copying one into the examples would hide a weakness.
  it('should have no question longer than two words copied into the training examples or held-out tests', async () => {
    const training = new Set(engine.intents.flatMap((i) => [...i.examples, ...i.tests].map(normalise)));
    const files = (await readdir(resolve(PROJECT_ROOT, EVAL_DIR))).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const set = await readEvalSet(resolve(PROJECT_ROOT, EVAL_DIR, file), file);
      const copied = set.filter((c) => normalise(c.text).split(' ').length > 2 && training.has(normalise(c.text)));
      expect(copied.map((c) => c.text), file).toEqual([]);
    }
  });
});
