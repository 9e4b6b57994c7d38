import { FALLBACK_INTENT } from '../intents/load.js';
import type { Engine, EngineReply } from '../engine/engine.js';
import type { Operation } from '../knowledge/knowledge.js';
import { DANGER_FIRST_LINE, hasFooter } from '../reply/compose.js';
import type { EvalCase } from './cases.js';
import { judgeReply } from './judge.js';

export type { EvalCase } from './cases.js';

export interface CaseResult {
  case: EvalCase;
  /** The intent the reply came from (null: the fallback). */
  got: string | null;
  /** The engine's rule that decided the reply, once replies name it. */
  rule?: string;
  score: number;
  /** Right topic (when the case names one), and every expectation met. */
  correct: boolean;
  /** What is wrong with the reply, in plain words; empty when right. */
  notes: string[];
  footer: boolean;
  /** The reply opens with the 999 line. */
  dangerFirst: boolean;
  /** Whether the reply used the young-person tone; undefined while replies do not say. */
  youngTone?: boolean;
}

export interface IntentStats {
  intent: string;
  support: number;
  precision: number;
  recall: number;
}

export interface EvalReport {
  total: number;
  /** Cases answered right, in and out of scope. */
  correct: number;
  /** In scope: share answered with the right intent and facts. */
  inScopeAccuracy: number;
  inScope: number;
  /** Out of scope: share answered right (no published figure; the fallback when the case says so). */
  outOfScopeRejection: number;
  outOfScope: number;
  /** Share of replies carrying the contact footer (must be 1). */
  footerRate: number;
  /** Young-tone cases: how many were checked (replies say their tone) and how many got it; null when none could be. */
  youngTone: { checked: number; right: number } | null;
  perIntent: IntentStats[];
  /** expected → got → count, for cases that name an intent. */
  confusion: Map<string, Map<string, number>>;
  misses: CaseResult[];
  results: CaseResult[];
}

/** The rule the engine names when it understood nothing in a message. */
const GENERAL_FALLBACK = 'general-fallback';

/** The label used for "no intent" in reports. */
export const NONE = FALLBACK_INTENT;

/** The rule that decided a reply, as the engine names it in the reply's frame. */
export function ruleOf(reply: EngineReply): string | undefined {
  return reply.frame?.rule;
}

/** The reply's tone (young, professional), when the engine chose one. */
function toneOf(reply: EngineReply): string | undefined {
  return reply.tone;
}

/** The week a reply answered from: the one its frame picked, when it picked exactly one. */
export function weekOf(engine: Engine, reply: EngineReply): Operation | undefined {
  const ids = reply.frame?.time.operations ?? [];
  return ids.length === 1 ? engine.knowledge.operations.find((o) => o.id === ids[0]) : undefined;
}

/** The engine's reply to a case's last turn, after its earlier turns in the same conversation, a second apart. */
export function replyToCase(engine: Engine, c: EvalCase): EngineReply {
  let context = undefined as EngineReply['context'];
  let at = 0;
  for (const turn of c.before ?? []) {
    context = engine.answer(turn, context, at).context;
    at += 1000;
  }
  return engine.answer(c.text, context, at);
}

/** The topics whose English answer names a fact ({facts.reporting}): a reply in another language gives the fact in that topic's words. */
export function topicsGiving(engine: Pick<Engine, 'intents'>, fact: string): string[] {
  const names = (t: string | readonly string[] | undefined) => (typeof t === 'string' ? [t] : (t ?? [])).some((x) => x.includes(`{facts.${fact}}`));
  return engine.intents.filter((i) => names(i.answer.text)).map((i) => i.id);
}

/** Runs one case through the engine as a fresh conversation (after its earlier turns, if any) and scores it. */
export function runCase(engine: Engine, c: EvalCase): CaseResult {
  const reply = replyToCase(engine, c);
  const notes = judgeReply(reply.text, c, engine.knowledge, weekOf(engine, reply), (fact) => topicsGiving(engine, fact));
  if (c.expected !== undefined && reply.intent !== c.expected) {
    notes.unshift(`went to ${reply.intent ?? 'no topic (the fallback)'} instead of ${c.expected ?? 'no topic (the fallback)'}`);
  }
  // An in-scope question that names no topic must at least be understood: the general fallback ("nothing
  // understood") is wrong, while a planned reply with no topic (another time, a place outside the region,
  // a breakdown not published) is judged by what it says.
  if (c.expected === undefined && c.scope === 'in' && reply.intent === null && (ruleOf(reply) ?? GENERAL_FALLBACK).endsWith(GENERAL_FALLBACK)) {
    notes.unshift('got the fallback');
  }
  const tone = toneOf(reply);
  const rule = ruleOf(reply);
  return {
    case: c,
    got: reply.intent,
    ...(rule !== undefined && { rule }),
    score: reply.confidence,
    correct: notes.length === 0,
    notes,
    footer: hasFooter(reply.text),
    dangerFirst: reply.text.trimStart().startsWith(DANGER_FIRST_LINE),
    ...(c.expect.youngTone && tone !== undefined && { youngTone: tone === 'young' }),
  };
}

/** Runs every case through the engine, each as a fresh conversation, and scores it. */
export function evaluate(engine: Engine, cases: readonly EvalCase[]): EvalReport {
  const results = cases.map((c) => runCase(engine, c));
  const inScope = results.filter((r) => r.case.scope === 'in');
  const outOfScope = results.filter((r) => r.case.scope === 'out');
  const label = (x: string | null) => x ?? NONE;
  const named = results.filter((r) => r.case.expected !== undefined);
  const expectedOf = (r: CaseResult) => label(r.case.expected ?? null);

  const confusion = new Map<string, Map<string, number>>();
  for (const r of named) {
    const row = confusion.get(expectedOf(r)) ?? new Map<string, number>();
    row.set(label(r.got), (row.get(label(r.got)) ?? 0) + 1);
    confusion.set(expectedOf(r), row);
  }
  const intents = [...new Set(named.flatMap((r) => [expectedOf(r), label(r.got)]))].sort();
  const perIntent = intents.map((intent): IntentStats => {
    const predicted = named.filter((r) => label(r.got) === intent);
    const actual = named.filter((r) => expectedOf(r) === intent);
    const hits = actual.filter((r) => label(r.got) === intent).length;
    return {
      intent,
      support: actual.length,
      precision: predicted.length === 0 ? 1 : hits / predicted.length,
      recall: actual.length === 0 ? 1 : hits / actual.length,
    };
  });
  const share = (xs: CaseResult[], ok: (r: CaseResult) => boolean) => (xs.length === 0 ? 1 : xs.filter(ok).length / xs.length);
  const toneCases = results.filter((r) => r.case.expect.youngTone && r.youngTone !== undefined);
  return {
    total: results.length,
    correct: results.filter((r) => r.correct).length,
    inScope: inScope.length,
    inScopeAccuracy: share(inScope, (r) => r.correct),
    outOfScope: outOfScope.length,
    outOfScopeRejection: share(outOfScope, (r) => r.correct),
    footerRate: share(results, (r) => r.footer),
    youngTone: toneCases.length === 0 ? null : { checked: toneCases.length, right: toneCases.filter((r) => r.youngTone).length },
    perIntent,
    confusion,
    misses: results.filter((r) => !r.correct),
    results,
  };
}

/** The most frequent wrong (expected, got) pairs. */
export function worstConfusions(report: EvalReport, n = 10): { expected: string; got: string; count: number }[] {
  return [...report.confusion]
    .flatMap(([expected, row]) => [...row].filter(([got]) => got !== expected).map(([got, count]) => ({ expected, got, count })))
    .sort((a, b) => b.count - a.count)
    .slice(0, n);
}
