import { caseKey } from './cases.js';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import { FALLBACK_INTENT, type Intent } from '../intents/load.js';
import { latestOperation } from '../knowledge/knowledge.js';
import { NONE, type CaseResult } from './evaluate.js';
import type { Problem } from '../files/problem.js';
import { EVAL_DIR, OWN_TESTS, runSuite, type Section } from './suite.js';

/** Where the last accepted run is kept, relative to the project folder. */
export const BASELINE_FILE = 'test/eval/baseline.json';

/** Share of all test questions the bot must answer right. */
export const PASS_MARK = 0.95;

/** How many example questions a message quotes before saying "and N more". */
const QUOTED = 3;
/** How many moved questions check names, each with the topic it had, before saying "and N more". */
const LISTED_MOVES = 10;

const countSchema = z.strictObject({ right: z.number().int().nonnegative(), total: z.number().int().nonnegative() });
const baselineSchema = z.strictObject({
  score: countSchema,
  sets: z.record(z.string(), countSchema),
  /** Question → where it went (see {@link routeOf}). */
  routes: z.record(z.string(), z.string()),
  /** Questions answered wrongly at the accepted run. */
  wrong: z.array(z.string()),
  /** Topic → a fingerprint of what decides which questions it takes (see {@link topicFingerprints}). */
  topics: z.record(z.string(), z.string()).optional(),
  /**
   * The week (an operation id) the questions were asked as of: the newest when the run was first accepted. A week
   * added later changes no answer the evaluation judges, so adding one cannot fail the gate (see {@link evaluationEngine}).
   */
  week: z.string().optional(),
});

/** The last accepted run: which question went where, and the score. */
export type Baseline = z.infer<typeof baselineSchema>;

/**
 * Where a reply went, as the baseline records it: its intent, or `fallback`.
 * To record the rule that decided it as well, return `r.rule ? `${topic} · ${r.rule}` : topic`.
 */
export function routeOf(r: CaseResult): string {
  const topic = r.got ?? NONE;
  return topic;
}

/** The intent part of a recorded route. */
const topicOf = (route: string) => route.split(' · ')[0]!;

/** A question that now goes somewhere else than at the accepted run. */
export interface Move {
  text: string;
  from: string;
  to: string;
  emergency: boolean;
  /** Someone in danger or a young person (see {@link isProtected}): such a move refuses the edit. */
  protected: boolean;
}

/** The run compared with the last accepted one, in plain words. */
export interface GateResult {
  right: number;
  total: number;
  passMark: number;
  passed: boolean;
  /** The last accepted run's score, when there is one. */
  last?: { right: number; total: number };
  moved: Move[];
  /** The moves of questions no edit may move (each also an error). */
  protectedMoves: Move[];
  /** Answered right at the accepted run, wrongly now (including moves). */
  newlyWrong: CaseResult[];
  newlyRight: CaseResult[];
  emergency: { total: number; failing: CaseResult[] };
  footerMissing: CaseResult[];
  /** Each one makes `npm run check` fail. */
  errors: string[];
  warnings: string[];
}

/** Whether a case is about someone in danger: its reply must open with the 999 line. */
export function isEmergency(r: CaseResult, dangerIntents: ReadonlySet<string> = new Set()): boolean {
  return r.case.expect.danger || (typeof r.case.expected === 'string' && dangerIntents.has(r.case.expected));
}

/** The kinds of asker (`kind:` or `speaker:` in a set) whose questions are about a young person. */
const YOUNG_ASKERS: ReadonlySet<string> = new Set(['young', 'young_line', 'parent', 'missing_child']);

/**
 * Whether a question is one no edit may move: someone in danger (a danger topic's, or 999 first expected), or a
 * young person or a parent worried about one (asked as one, answered in the young person's tone, or a topic written
 * for young people: `default_tone: young`).
 */
export function isProtected(r: CaseResult, dangerIntents: ReadonlySet<string>, youngIntents: ReadonlySet<string>, formerly?: string): boolean {
  const topics = [r.got, formerly ?? null, typeof r.case.expected === 'string' ? r.case.expected : null].filter((t): t is string => t !== null);
  return (
    isEmergency(r, dangerIntents) ||
    r.case.expect.youngTone ||
    (r.case.kind !== undefined && YOUNG_ASKERS.has(r.case.kind)) ||
    topics.some((t) => dangerIntents.has(t) || youngIntents.has(t))
  );
}

/** Each question once (the same text in two sets gets the same reply). */
function unique(sections: readonly Section[]): CaseResult[] {
  const seen = new Map<string, CaseResult>();
  for (const s of sections) for (const r of s.report.results) if (!seen.has(caseKey(r.case))) seen.set(caseKey(r.case), r);
  return [...seen.values()];
}

/** The baseline that records this run. Keys are sorted so the file changes line by line. */
export function baselineOf(sections: readonly Section[], topics?: Readonly<Record<string, string>>, week?: string): Baseline {
  const all = sections.flatMap((s) => s.report.results);
  const results = unique(sections).sort((a, b) => (a.case.text < b.case.text ? -1 : a.case.text > b.case.text ? 1 : 0));
  return {
    score: { right: all.filter((r) => r.correct).length, total: all.length },
    sets: Object.fromEntries(sections.map((s) => [s.key, { right: s.report.correct, total: s.report.total }])),
    routes: Object.fromEntries(results.map((r) => [caseKey(r.case), routeOf(r)])),
    wrong: results.filter((r) => !r.correct).map((r) => caseKey(r.case)),
    ...(topics && { topics: Object.fromEntries(Object.entries(topics).sort(([a], [b]) => (a < b ? -1 : 1))) }),
    ...(week && { week }),
  };
}

/**
 * The engine the evaluation asks its questions of: as it stood when the accepted run's week was the newest. The
 * questions were written about that week, so a later week (which may publish fewer figures) changes nothing they
 * judge; a corrected figure of that week, or any edit to the topics, still does. No accepted run, or a week no
 * longer in data/operations/: the engine as it is.
 */
export function evaluationEngine(engine: Engine, baseline: Pick<Baseline, 'week'> | undefined): Engine {
  return baseline?.week ? engine.asOf(baseline.week) : engine;
}

/**
 * Each topic's fingerprint: a short hash of what decides which questions it takes (its examples, trigger phrases
 * and the settings that route to it), so the gate can tell which topics an edit made new or changed.
 */
export function topicFingerprints(intents: readonly Intent[]): Record<string, string> {
  return Object.fromEntries(
    intents.map((i) => [
      i.id,
      createHash('sha256')
        .update(JSON.stringify([i.examples, i.triggers ?? [], i.danger ?? false, i.metric ?? null, i.act ?? null, i.default_tone ?? null, i.speakers ?? {}]))
        .digest('hex')
        .slice(0, 12),
    ]),
  );
}

/** Reads the accepted run; undefined when there is none yet. A damaged file is reported, not ignored. */
export async function readBaseline(projectRoot: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(resolve(projectRoot, BASELINE_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = baselineSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`${BASELINE_FILE} is damaged (${parsed.error.issues[0]?.message}): run \`npm run eval -- --accept\` to write it again`);
  }
  return parsed.data;
}

/** Records this run as the accepted one, asked as of `week`. */
export async function writeBaseline(projectRoot: string, sections: readonly Section[], intents: readonly Intent[], week?: string): Promise<void> {
  await writeFile(resolve(projectRoot, BASELINE_FILE), `${JSON.stringify(baselineOf(sections, topicFingerprints(intents), week), null, 2)}\n`);
}

const quote = (texts: readonly string[]) => {
  const shown = texts.slice(0, QUOTED).map((t) => `"${t}"`).join(', ');
  return texts.length > QUOTED ? `${shown} and ${texts.length - QUOTED} more` : shown;
};
const pct = (right: number, total: number) => `${total === 0 ? '0.0' : ((right / total) * 100).toFixed(1)}%`;
const questions = (n: number) => `${n} question${n === 1 ? '' : 's'}`;
const where = (route: string) => (topicOf(route) === NONE ? 'the "I can\'t help with that" reply' : `\`${topicOf(route)}\``);

/** Compares a run with the accepted one: emergency questions that lost 999-first are errors, other moves warnings. */
export function compareWithBaseline(
  sections: readonly Section[],
  baseline: Baseline | undefined,
  dangerIntents: ReadonlySet<string> = new Set(),
  youngIntents: ReadonlySet<string> = new Set(),
  topics: Readonly<Record<string, string>> = {},
): GateResult {
  const all = sections.flatMap((s) => s.report.results);
  const results = unique(sections);
  const right = all.filter((r) => r.correct).length;
  const errors: string[] = [];
  const warnings: string[] = [];

  const emergencyCases = results.filter((r) => isEmergency(r, dangerIntents));
  const failing = emergencyCases.filter((r) => !r.dangerFirst);
  for (const r of failing) {
    errors.push(`The emergency question "${caseKey(r.case)}" (${r.case.from}) no longer gets "Call 999 now" first: it now goes to ${where(routeOf(r))}.`);
  }
  const footerMissing = results.filter((r) => !r.footer);
  for (const r of footerMissing) errors.push(`The reply to "${caseKey(r.case)}" lacks the contact numbers (999, 101 and Crimestoppers).`);

  const moved: Move[] = [];
  const newlyWrong: CaseResult[] = [];
  const newlyRight: CaseResult[] = [];
  if (!baseline) {
    warnings.push('No run has been accepted yet, so there is nothing to compare with: run `npm run eval -- --accept` once the results look right.');
  } else {
    const wrongBefore = new Set(baseline.wrong);
    // A topic new or changed since the accepted run (a run accepted before fingerprints were kept counts none as changed).
    const edited = (topic: string) => {
      const id = topic === NONE ? FALLBACK_INTENT : topic;
      return baseline.topics !== undefined && baseline.topics[id] !== topics[id];
    };
    const knownTopics = new Set(Object.values(baseline.routes).map(topicOf));
    const changedTopics = baseline.topics === undefined ? [] : Object.keys(topics).filter((id) => baseline.topics![id] !== topics[id]).sort();
    for (const r of results) {
      const before = baseline.routes[caseKey(r.case)];
      if (before === undefined) continue;
      if (before !== routeOf(r)) {
        // A move that puts right a question answered wrongly before is no harm, whoever asked it; nor is one no topic
        // edit made (a corrected figure can change which answer fits).
        const mended = wrongBefore.has(caseKey(r.case)) && r.correct;
        const byEdit = [topicOf(before), topicOf(routeOf(r))].some((t) => edited(t));
        moved.push({ text: caseKey(r.case), from: before, to: routeOf(r), emergency: isEmergency(r, dangerIntents), protected: !mended && byEdit && isProtected(r, dangerIntents, youngIntents, topicOf(before)) });
      }
      if (!wrongBefore.has(caseKey(r.case)) && !r.correct) newlyWrong.push(r);
      if (wrongBefore.has(caseKey(r.case)) && r.correct) newlyRight.push(r);
    }
    for (const m of moved.filter((m) => m.protected)) {
      errors.push(
        `The question "${m.text}" would go to ${where(m.to)} instead of ${where(m.from)}. It is from someone who may be in danger or about a young person, and no edit may move those: ` +
          `change the examples that took it${topicOf(m.to) === NONE ? '' : ` (in \`${topicOf(m.to)}\`)`} so they no longer look like it.`,
      );
    }
    const byDestination = new Map<string, Move[]>();
    for (const m of moved.filter((m) => !m.protected)) byDestination.set(topicOf(m.to), [...(byDestination.get(topicOf(m.to)) ?? []), m]);
    for (const [to, moves] of byDestination) {
      const listed = moves.slice(0, LISTED_MOVES).map((m) => `"${m.text}" (was ${where(m.from)})`).join(', ');
      const more = moves.length > LISTED_MOVES ? ` and ${moves.length - LISTED_MOVES} more (npm run eval lists them all)` : '';
      warnings.push(
        to === NONE
          ? `${questions(moves.length)} that used to be answered now get the "I can't help with that" reply: ${listed}${more}.`
          : !knownTopics.has(to)
            ? `Your new topic \`${to}\` now answers ${questions(moves.length)} that used to go elsewhere: ${listed}${more}. If they belong to it, accept the run; if not, its examples are too broad.`
            : edited(to)
              ? `Your topic \`${to}\` now answers ${questions(moves.length)} that used to go elsewhere: ${listed}${more}. If they belong to it, accept the run; if not, its examples are too broad.`
              : `The topic \`${to}\` now answers ${questions(moves.length)} that used to go elsewhere: ${listed}${more}. Its examples did not change: ${changedTopics.length > 0 ? `the edit to ${changedTopics.map((t) => `\`${t}\``).join(', ')} (or to data/) moved them` : 'another edit (to data/, or to a topic these questions used to get) moved them'}.`,
      );
    }
    const wrongStill = newlyWrong.filter((r) => !moved.some((m) => m.text === caseKey(r.case)));
    if (wrongStill.length > 0) {
      warnings.push(`${questions(wrongStill.length)} answered right at the last accepted run now get a wrong reply on the same topic: ${wrongStill.slice(0, QUOTED).map((r) => `"${caseKey(r.case)}" (${r.notes.join('; ')})`).join(', ')}${wrongStill.length > QUOTED ? ` and ${wrongStill.length - QUOTED} more` : ''}.`);
    }
  }
  // A topic's own tests (`tests:` in its file) say what it must answer: each one missed is an error, as in npm test.
  const ownTests = sections.find((s) => s.key === OWN_TESTS)?.report.results.filter((r) => !r.correct) ?? [];
  const byTopic = new Map<string, CaseResult[]>();
  for (const r of ownTests) byTopic.set(r.case.from, [...(byTopic.get(r.case.from) ?? []), r]);
  for (const [file, missed] of byTopic) {
    errors.push(
      `${file}: ${questions(missed.length)} of its own tests ${missed.length === 1 ? 'is' : 'are'} not answered right: ${missed.map((r) => `"${r.case.text}" (${where(routeOf(r))}: ${r.notes.join('; ')})`).join(', ')}. ` +
        'Add examples worded like them, or change the tests.',
    );
  }
  if (all.length === 0) errors.push(`No test questions were found in ${EVAL_DIR}: the edit cannot be checked.`);
  else if (right / all.length < PASS_MARK) {
    errors.push(`Only ${right} of ${all.length} test questions are answered right (${pct(right, all.length)}), below the pass mark of ${pct(PASS_MARK, 1)}.`);
  }
  return {
    right,
    total: all.length,
    passMark: PASS_MARK,
    passed: errors.length === 0,
    ...(baseline && { last: { right: baseline.score.right, total: baseline.score.total } }),
    moved,
    protectedMoves: moved.filter((m) => m.protected),
    newlyWrong,
    newlyRight,
    emergency: { total: emergencyCases.length, failing },
    footerMissing,
    errors,
    warnings,
  };
}

/** The gate's findings as problems naming the evaluation: errors refuse an edit, warnings go into service with it. */
export function gateProblems(gate: GateResult): Problem[] {
  return [
    ...gate.errors.map((message) => ({ file: EVAL_DIR, field: '', message, severity: 'error' as const })),
    ...gate.warnings.map((message) => ({ file: EVAL_DIR, field: '', message, severity: 'warning' as const })),
  ];
}

/**
 * What decides an edit, for `npm run check` and for live reload alike: the whole evaluation compared with the
 * accepted run ({@link compareWithBaseline}). Any error (a danger question that lost "Call 999 now" first, a reply
 * without the contact numbers, a score below the pass mark) refuses it; questions that only moved are warnings.
 */
export async function checkEdit(engine: Engine, projectRoot: string): Promise<Problem[]> {
  return gateProblems((await runGate(engine, projectRoot)).gate);
}

/** Runs the whole evaluation on an engine and compares it with the accepted run: what `npm run check` does last. */
export async function runGate(engine: Engine, projectRoot: string): Promise<{ sections: Section[]; gate: GateResult; week: string }> {
  const baseline = await readBaseline(projectRoot);
  const asked = evaluationEngine(engine, baseline);
  const sections = await runSuite(asked, projectRoot);
  const dangerIntents = new Set(engine.intents.filter((i) => i.danger).map((i) => i.id));
  const youngIntents = new Set(engine.intents.filter((i) => i.default_tone === 'young').map((i) => i.id));
  const week = latestOperation(asked.knowledge).id;
  return { sections, week, gate: compareWithBaseline(sections, baseline, dangerIntents, youngIntents, topicFingerprints(engine.intents)) };
}

/** The opening sentence of the report and of the console output. */
export function headline(gate: GateResult): string {
  const last = gate.last ? `; last accepted run: ${pct(gate.last.right, gate.last.total)}` : '; no run has been accepted yet';
  const moved = gate.moved.length > 0 ? ` ${questions(gate.moved.length)} now answered differently: ${quote(gate.moved.map((m) => m.text))}.` : '';
  return `The bot answered ${gate.right} of ${gate.total} test questions right (${pct(gate.right, gate.total)})${last}.${moved}`;
}

/** Whether the run passes, in one plain sentence. */
export function verdict(gate: GateResult): string {
  const mark = pct(gate.passMark, 1);
  if (gate.errors.length > 0) return `Not passed: ${gate.errors.length} problem${gate.errors.length === 1 ? '' : 's'} must be fixed.`;
  return `Passed: at least ${mark} of questions answered right, and every emergency question gets "Call 999 now" first.`;
}
