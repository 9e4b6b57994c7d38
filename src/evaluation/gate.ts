import { caseKey } from './cases.js';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import { NONE, type CaseResult } from './evaluate.js';
import type { Problem } from '../files/problem.js';
import { EVAL_DIR, runSuite, type Section } from './suite.js';

/** Where the last accepted run is kept, relative to the project folder. */
export const BASELINE_FILE = 'test/eval/baseline.json';

/** Share of all test questions the bot must answer right. */
export const PASS_MARK = 0.95;

/** How many example questions a message quotes before saying "and N more". */
const QUOTED = 3;

const countSchema = z.strictObject({ right: z.number().int().nonnegative(), total: z.number().int().nonnegative() });
const baselineSchema = z.strictObject({
  score: countSchema,
  sets: z.record(z.string(), countSchema),
  /** Question → where it went (see {@link routeOf}). */
  routes: z.record(z.string(), z.string()),
  /** Questions answered wrongly at the accepted run. */
  wrong: z.array(z.string()),
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

/** Each question once (the same text in two sets gets the same reply). */
function unique(sections: readonly Section[]): CaseResult[] {
  const seen = new Map<string, CaseResult>();
  for (const s of sections) for (const r of s.report.results) if (!seen.has(caseKey(r.case))) seen.set(caseKey(r.case), r);
  return [...seen.values()];
}

/** The baseline that records this run. Keys are sorted so the file changes line by line. */
export function baselineOf(sections: readonly Section[]): Baseline {
  const all = sections.flatMap((s) => s.report.results);
  const results = unique(sections).sort((a, b) => (a.case.text < b.case.text ? -1 : a.case.text > b.case.text ? 1 : 0));
  return {
    score: { right: all.filter((r) => r.correct).length, total: all.length },
    sets: Object.fromEntries(sections.map((s) => [s.key, { right: s.report.correct, total: s.report.total }])),
    routes: Object.fromEntries(results.map((r) => [caseKey(r.case), routeOf(r)])),
    wrong: results.filter((r) => !r.correct).map((r) => caseKey(r.case)),
  };
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

/** Records this run as the accepted one. */
export async function writeBaseline(projectRoot: string, sections: readonly Section[]): Promise<void> {
  await writeFile(resolve(projectRoot, BASELINE_FILE), `${JSON.stringify(baselineOf(sections), null, 2)}\n`);
}

const quote = (texts: readonly string[]) => {
  const shown = texts.slice(0, QUOTED).map((t) => `"${t}"`).join(', ');
  return texts.length > QUOTED ? `${shown} and ${texts.length - QUOTED} more` : shown;
};
const questions = (n: number) => `${n} question${n === 1 ? '' : 's'}`;
const where = (route: string) => (topicOf(route) === NONE ? 'the "I can\'t help with that" reply' : `\`${topicOf(route)}\``);

/** Compares a run with the accepted one: emergency questions that lost 999-first are errors, other moves warnings. */
export function compareWithBaseline(sections: readonly Section[], baseline: Baseline | undefined, dangerIntents: ReadonlySet<string> = new Set()): GateResult {
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
    const knownTopics = new Set(Object.values(baseline.routes).map(topicOf));
    for (const r of results) {
      const before = baseline.routes[caseKey(r.case)];
      if (before === undefined) continue;
      if (before !== routeOf(r)) moved.push({ text: caseKey(r.case), from: before, to: routeOf(r), emergency: isEmergency(r, dangerIntents) });
      if (!wrongBefore.has(caseKey(r.case)) && !r.correct) newlyWrong.push(r);
      if (wrongBefore.has(caseKey(r.case)) && r.correct) newlyRight.push(r);
    }
    const byDestination = new Map<string, Move[]>();
    for (const m of moved) byDestination.set(topicOf(m.to), [...(byDestination.get(topicOf(m.to)) ?? []), m]);
    for (const [to, moves] of byDestination) {
      const urgent = moves.filter((m) => m.emergency).map((m) => m.text);
      const including = urgent.length > 0 ? `, including ${urgent.length} emergency question${urgent.length === 1 ? '' : 's'}: ${quote(urgent)}` : `: ${quote(moves.map((m) => m.text))}`;
      warnings.push(
        to === NONE
          ? `${questions(moves.length)} that used to be answered now get the "I can't help with that" reply${including}.`
          : `Your ${knownTopics.has(to) ? '' : 'new '}topic \`${to}\` now answers ${questions(moves.length)} that used to go elsewhere${including}.`,
      );
    }
    const wrongStill = newlyWrong.filter((r) => !moved.some((m) => m.text === caseKey(r.case)));
    if (wrongStill.length > 0) {
      warnings.push(`${questions(wrongStill.length)} answered right at the last accepted run now get a wrong reply on the same topic: ${wrongStill.slice(0, QUOTED).map((r) => `"${caseKey(r.case)}" (${r.notes.join('; ')})`).join(', ')}${wrongStill.length > QUOTED ? ` and ${wrongStill.length - QUOTED} more` : ''}.`);
    }
  }
  return {
    right,
    total: all.length,
    passMark: PASS_MARK,
    passed: all.length > 0 && right / all.length >= PASS_MARK && errors.length === 0,
    ...(baseline && { last: { right: baseline.score.right, total: baseline.score.total } }),
    moved,
    newlyWrong,
    newlyRight,
    emergency: { total: emergencyCases.length, failing },
    footerMissing,
    errors,
    warnings,
  };
}

/**
 * What refuses an edit, for `npm run check` and for live reload alike: the gate's errors (a danger question
 * that lost "Call 999 now" first, a reply without the contact numbers), as problems naming the evaluation set.
 */
export async function gateRefusals(engine: Engine, projectRoot: string): Promise<Problem[]> {
  const { gate } = await runGate(engine, projectRoot);
  return gate.errors.map((message) => ({ file: EVAL_DIR, field: '', message, severity: 'error' as const }));
}

/** Runs the whole evaluation on an engine and compares it with the accepted run: what `npm run check` does last. */
export async function runGate(engine: Engine, projectRoot: string): Promise<{ sections: Section[]; gate: GateResult }> {
  const sections = await runSuite(engine, projectRoot);
  const dangerIntents = new Set(engine.intents.filter((i) => i.danger).map((i) => i.id));
  return { sections, gate: compareWithBaseline(sections, await readBaseline(projectRoot), dangerIntents) };
}

const pct = (right: number, total: number) => `${total === 0 ? '0.0' : ((right / total) * 100).toFixed(1)}%`;

/** The opening sentence of the report and of the console output. */
export function headline(gate: GateResult): string {
  const last = gate.last ? `; last accepted run: ${pct(gate.last.right, gate.last.total)}` : '; no run has been accepted yet';
  const moved = gate.moved.length > 0 ? ` ${questions(gate.moved.length)} now answered differently: ${quote(gate.moved.map((m) => m.text))}.` : '';
  return `The bot answered ${gate.right} of ${gate.total} test questions right (${pct(gate.right, gate.total)})${last}.${moved}`;
}

/** Whether the run passes, in one plain sentence. */
export function verdict(gate: GateResult): string {
  const mark = `${Math.round(gate.passMark * 100)}%`;
  if (gate.errors.length > 0) return `Not passed: ${gate.errors.length} problem${gate.errors.length === 1 ? '' : 's'} must be fixed.`;
  return gate.passed ? `Passed: the pass mark is ${mark} of questions answered right.` : `Not passed: below the pass mark of ${mark} of questions answered right.`;
}

/** What `npm run check` prints about the evaluation: errors first, then what moved, then the score. */
export function gateLines(gate: GateResult): string[] {
  return [
    ...gate.errors.map((e) => `error: ${e}`),
    ...gate.warnings.map((w) => `warning: ${w}`),
    `${headline(gate)} ${verdict(gate)}`,
  ];
}
