import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Engine } from '../../src/engine/engine.js';
import { loadEngine, PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { caseKey } from '../../src/evaluation/cases.js';
import type { CaseResult } from '../../src/evaluation/evaluate.js';
import { isProtected } from '../../src/evaluation/gate.js';
import { runSuite } from '../../src/evaluation/suite.js';
import { LOGIC_DATA } from '../helpers/fixtures.js';

const TOPICS = resolve(PROJECT_ROOT, 'test/fixtures/topics');

/** Every evaluation question's result, by question. */
async function results(engine: Engine): Promise<Map<string, CaseResult>> {
  const byQuestion = new Map<string, CaseResult>();
  for (const s of await runSuite(engine, PROJECT_ROOT)) for (const r of s.report.results) byQuestion.set(caseKey(r.case), r);
  return byQuestion;
}

// Staff add topics. A topic may take only the questions near its own examples: an earlier matcher let a new topic
// of 8 examples take 71 unrelated questions, a danger question among them, and answer few of its own.
describe('a new topic, written as staff would, takes only questions near its own examples', { timeout: 120_000 }, () => {
  let before: Map<string, CaseResult>;
  let intentsDir: string;
  beforeAll(async () => {
    before = await results(await loadEngine({ dataDir: LOGIC_DATA }));
    intentsDir = await mkdtemp(join(tmpdir(), 'clbot-topics-'));
  });
  afterAll(() => rm(intentsDir, { recursive: true, force: true }));

  it.each(['seized_money', 'court', 'volunteering', 'next_operation', 'school_talks'])('%s', async (topic) => {
    await rm(intentsDir, { recursive: true, force: true });
    await cp(resolve(PROJECT_ROOT, 'intents'), intentsDir, { recursive: true });
    await cp(join(TOPICS, `${topic}.yaml`), join(intentsDir, `${topic}.yaml`));
    const engine = await loadEngine({ dataDir: LOGIC_DATA, intentsDir });
    const after = await results(engine);
    const dangerIntents = new Set(engine.intents.filter((i) => i.danger).map((i) => i.id));
    const young = new Set(engine.intents.filter((i) => i.default_tone === 'young').map((i) => i.id));

    const unrelated = [...after].filter(([, r]) => r.case.expected !== topic && before.has(caseKey(r.case)));
    const moved = unrelated.filter(([key, r]) => before.get(key)!.got !== r.got);
    expect(moved.length / unrelated.length, moved.map(([key, r]) => `${key}: ${before.get(key)!.got} → ${r.got}`).join('\n')).toBeLessThanOrEqual(0.01);
    const movedProtected = moved.filter(([key]) => isProtected(before.get(key)!, dangerIntents, young));
    expect(movedProtected.map(([key]) => key)).toEqual([]);

    const intent = engine.intents.find((i) => i.id === topic)!;
    const own = intent.examples.filter((e) => engine.answer(e).intent === topic);
    expect(own.length / intent.examples.length).toBeGreaterThanOrEqual(7 / 8);
    // Most of its tests, in words its examples may not use ("did any of them get jailed", where they say "prison").
    const answered = intent.tests.filter((t) => engine.answer(t).intent === topic);
    expect(answered.length / intent.tests.length, `answered: ${answered.join('; ')}`).toBeGreaterThan(0.5);
  });

  it('should hold five fixture topics, each of 8 to 16 examples and 3 tests', async () => {
    const files = (await readdir(TOPICS)).filter((f) => f.endsWith('.yaml'));
    expect(files).toHaveLength(5);
    for (const file of files) {
      const topic = parse(await readFile(join(TOPICS, file), 'utf8')) as { examples: string[]; tests: string[] };
      expect(topic.examples.length, file).toBeGreaterThanOrEqual(8);
      expect(topic.examples.length, file).toBeLessThanOrEqual(16);
      expect(topic.tests.length, file).toBeGreaterThanOrEqual(3);
    }
  });
});
