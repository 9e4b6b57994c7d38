import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { baselineOf, compareWithBaseline, headline, readBaseline, runGate, topicFingerprints, verdict, type Baseline } from '../../src/evaluation/gate.js';
import { runSuite, type Section } from '../../src/evaluation/suite.js';
import { caseKey } from '../../src/evaluation/cases.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';

/** An intent whose examples are worded like an emergency test phrase, without a trigger word. */
const CAR_WORRIES = `id: car_worries
description: Worries about children and cars.
examples:
  - a child is being forced into a car
  - kid forced into a car
  - someone forced into a car now
  - a kid being pushed into a car
  - kids and cars
  - children getting into cars
  - a car picking up kids
  - kids forced into cars
answer:
  text: Cars can be part of county lines.
`;
const PHRASE = 'a kid is being forced into a car now';

/** The evaluation is of the project as it is: its own data/ and intents/. */
const projectEngine = () => loadEngine();

let sections: Section[];
let baseline: Baseline;
beforeAll(async () => {
  sections = await runSuite(await projectEngine(), PROJECT_ROOT);
  baseline = baselineOf(sections);
});

describe('the regression gate', () => {
  it('should pass the project as committed against its accepted run', async () => {
    const { gate } = await runGate(await projectEngine(), PROJECT_ROOT);
    // Questions moving to another topic are warnings for staff to read (a new week moves "the previous
    // one"); only errors, such as an emergency question losing its 999-first reply, fail.
    expect(gate.errors).toEqual([]);
    expect(gate.passed).toBe(true);
    // Every question of the sets has an accepted route, so the gate compares them all.
    const accepted = await readBaseline(PROJECT_ROOT);
    expect(Object.keys(baseline.routes).filter((q) => !(q in (accepted?.routes ?? {})))).toEqual([]);
  });

  it('should say in plain words which questions went elsewhere, grouped by where they went', () => {
    const moved = structuredClone(baseline);
    const [one, two] = Object.keys(moved.routes).filter((t) => moved.routes[t] === 'arrests');
    moved.routes[one!] = 'weapons';
    moved.routes[two!] = 'weapons';
    const gate = compareWithBaseline(sections, moved);
    expect(gate.errors).toEqual([]);
    expect(gate.warnings).toHaveLength(1);
    expect(gate.warnings[0]).toMatch(/^The topic `arrests` now answers 2 questions that used to go elsewhere: "/);
    for (const text of [one!, two!]) expect(gate.warnings[0]).toContain(`"${text}"`);
    expect(headline(gate)).toMatch(/^The bot answered \d+ of \d+ test questions right \(\d+\.\d%\); last accepted run: \d+\.\d%\. 2 questions now answered differently: /);
  });

  it('should ask for a first accepted run when there is none', () => {
    const gate = compareWithBaseline(sections, undefined);
    expect(gate.warnings.join()).toMatch(/npm run eval -- --accept/);
    expect(verdict(gate)).toMatch(/^Passed/);
  });
});

// A new intent with the documented minimum of examples once took over a frightened teenager's message that
// should get "call 999 now". Danger is now read before any topic, so a topic cannot; an edit to the danger
// words can, and the gate names it.
describe('an edit that loses 999 first', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await copyWorkspace({ data: resolve(PROJECT_ROOT, 'data') });
    await ws.write('intents/car_worries.yaml', CAR_WORRIES);
  });
  afterAll(() => ws?.remove());

  it('should keep 999 first for the danger question a new topic\'s examples copy', async () => {
    const engine = await loadEngine({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
    const { gate } = await runGate(engine, PROJECT_ROOT);
    expect(gate.errors.filter((e) => e.includes(PHRASE))).toEqual([]);
  });

  it('should be an error naming the phrase when the danger words lose it', async () => {
    await ws.edit('data/lang/en.yaml', (t) => t.replace(/^  taken: \[.*\]$/m, '  taken: []'));
    const engine = await loadEngine({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
    const { gate } = await runGate(engine, PROJECT_ROOT);
    expect(gate.errors.some((e) => e.startsWith(`The emergency question "${PHRASE}" (intents/emergency.yaml) no longer gets "Call 999 now" first`))).toBe(true);
    expect(gate.passed).toBe(false);
    expect(verdict(gate)).toMatch(/^Not passed: \d+ problems? must be fixed/);
  });
});

// Staff add topics; a topic may take questions near its examples, never those of someone in danger or a young person.
describe('questions that move topic', () => {
  let topics: Record<string, string>;
  beforeAll(async () => {
    topics = topicFingerprints((await projectEngine()).intents);
  });
  const all = () => sections.flatMap((s) => s.report.results);
  const dangerIntents = () => new Set(['emergency', 'young_worried']);
  const young = () => new Set(['young_worried']);
  const youngAsked = () => all().find((r) => r.correct && r.case.kind === 'young' && r.got !== null && r.got !== 'support')!;

  it('should name each question moved with the topic it had, as a warning, when no one in danger or young asked it', () => {
    const plain = all().find((r) => r.correct && r.got === 'arrests' && !r.case.kind && !r.case.expect.danger)!;
    const before = baselineOf(sections, { ...topics, deal_lines: 'edited' });
    before.routes[caseText(plain)] = 'deal_lines';
    const gate = compareWithBaseline(sections, before, dangerIntents(), young(), topics);
    expect(gate.errors).toEqual([]);
    expect(gate.warnings.join('\n')).toContain(`"${caseText(plain)}" (was \`deal_lines\`)`);
  });

  it('should refuse an edited topic taking a young person\'s question, naming the topic it had and the one that took it', () => {
    const asked = youngAsked();
    const before = baselineOf(sections, { ...topics, [asked.got!]: 'edited' });
    before.routes[caseText(asked)] = 'support';
    const gate = compareWithBaseline(sections, before, dangerIntents(), young(), topics);
    expect(gate.protectedMoves.map((m) => m.text)).toEqual([caseText(asked)]);
    expect(gate.errors.join('\n')).toContain(`The question "${caseText(asked)}" would go to \`${asked.got}\` instead of \`support\``);
    expect(gate.passed).toBe(false);
  });

  it('should only warn when no topic was edited: a corrected figure can change which answer fits', () => {
    const asked = youngAsked();
    const before = baselineOf(sections, topics);
    before.routes[caseText(asked)] = 'support';
    const gate = compareWithBaseline(sections, before, dangerIntents(), young(), topics);
    expect(gate.protectedMoves).toEqual([]);
    expect(gate.warnings.join('\n')).toContain(caseText(asked));
  });

  it('should let a move put right a young person\'s question answered wrongly before', () => {
    const asked = youngAsked();
    const before = baselineOf(sections, { ...topics, [asked.got!]: 'edited' });
    before.routes[caseText(asked)] = 'support';
    before.wrong.push(caseText(asked));
    const gate = compareWithBaseline(sections, before, dangerIntents(), young(), topics);
    expect(gate.protectedMoves).toEqual([]);
  });

  it('should name the topics edited when a topic whose examples did not change takes questions', () => {
    const plain = all().find((r) => r.correct && r.got === 'arrests' && !r.case.kind && !r.case.expect.danger)!;
    const before = baselineOf(sections, { ...topics, feedback: 'old' });
    before.routes[caseText(plain)] = 'deal_lines';
    const gate = compareWithBaseline(sections, before, dangerIntents(), young(), { ...topics, feedback: 'new' });
    expect(gate.warnings.join('\n')).toContain('Its examples did not change: the edit to `feedback` (or to data/) moved them');
  });

  // Staff added a topic whose own tests went elsewhere: check passed, and only npm test said so.
  it("should refuse a topic that misses its own tests, naming the file and each test", () => {
    const own = sections.find((s) => s.key === 'intents')!;
    const missed = own.report.results[0]!;
    const failing = sections.map((s) => (s === own ? { ...s, report: { ...s.report, results: s.report.results.map((r) => (r === missed ? { ...r, correct: false, got: null, notes: ['went elsewhere'] } : r)) } } : s));
    const gate = compareWithBaseline(failing, baselineOf(sections, topics), dangerIntents(), young(), topics);
    expect(gate.passed).toBe(false);
    expect(gate.errors.join('\n')).toContain(`${missed.case.from}: 1 question of its own tests is not answered right: "${missed.case.text}"`);
  });

  it('should fail below the pass mark, saying so as an error', () => {
    const failing = sections.map((s) => ({ ...s, report: { ...s.report, results: s.report.results.map((r) => ({ ...r, correct: false })) } }));
    const gate = compareWithBaseline(failing, undefined);
    expect(gate.passed).toBe(false);
    expect(gate.errors.join('\n')).toMatch(/^Only 0 of \d+ test questions are answered right \(0\.0%\), below the pass mark of 95\.0%\.$/m);
  });
});

const caseText = (r: { case: { text: string; before?: string[] } }) => caseKey(r.case);
