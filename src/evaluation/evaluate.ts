import { FALLBACK_INTENT } from '../intents/load.js';
import type { Engine } from '../engine/engine.js';
import { hasFooter } from '../reply/compose.js';

/** One question with the intent it should match (null: the bot should not answer it) and text the reply must contain. */
export interface EvalCase {
  text: string;
  expected: string | null;
  expect: string[];
  /** Where the case comes from: an intent file's held-out tests, or the evaluation set. */
  from: string;
}

export interface CaseResult {
  case: EvalCase;
  got: string | null;
  score: number;
  /** Right intent, and every expected phrase in the reply. */
  correct: boolean;
  footer: boolean;
}

export interface IntentStats {
  intent: string;
  support: number;
  precision: number;
  recall: number;
}

export interface EvalReport {
  total: number;
  /** In scope: share answered with the right intent and facts. */
  inScopeAccuracy: number;
  inScope: number;
  /** Out of scope: share that got the fallback. */
  outOfScopeRejection: number;
  outOfScope: number;
  /** Share of replies carrying the contact footer (must be 1). */
  footerRate: number;
  perIntent: IntentStats[];
  /** expected → got → count. */
  confusion: Map<string, Map<string, number>>;
  misses: CaseResult[];
  results: CaseResult[];
}

/** The label used for "no intent" in reports. */
export const NONE = FALLBACK_INTENT;

/** Runs every case through the engine, each as a fresh conversation, and scores it. */
export function evaluate(engine: Engine, cases: readonly EvalCase[]): EvalReport {
  const results = cases.map((c): CaseResult => {
    const reply = engine.answer(c.text, undefined, 0);
    const replyLower = reply.text.toLowerCase();
    const rightIntent = reply.intent === c.expected;
    const facts = c.expect.every((e) => replyLower.includes(e.toLowerCase()));
    return { case: c, got: reply.intent, score: reply.confidence, correct: rightIntent && facts, footer: hasFooter(reply.text) };
  });
  const inScope = results.filter((r) => r.case.expected !== null);
  const outOfScope = results.filter((r) => r.case.expected === null);
  const label = (x: string | null) => x ?? NONE;

  const confusion = new Map<string, Map<string, number>>();
  for (const r of results) {
    const row = confusion.get(label(r.case.expected)) ?? new Map<string, number>();
    row.set(label(r.got), (row.get(label(r.got)) ?? 0) + 1);
    confusion.set(label(r.case.expected), row);
  }
  const intents = [...new Set(results.flatMap((r) => [label(r.case.expected), label(r.got)]))].sort();
  const perIntent = intents.map((intent): IntentStats => {
    const predicted = results.filter((r) => label(r.got) === intent);
    const actual = results.filter((r) => label(r.case.expected) === intent);
    const hits = actual.filter((r) => label(r.got) === intent).length;
    return {
      intent,
      support: actual.length,
      precision: predicted.length === 0 ? 1 : hits / predicted.length,
      recall: actual.length === 0 ? 1 : hits / actual.length,
    };
  });
  const share = (xs: CaseResult[], ok: (r: CaseResult) => boolean) => (xs.length === 0 ? 1 : xs.filter(ok).length / xs.length);
  return {
    total: results.length,
    inScope: inScope.length,
    inScopeAccuracy: share(inScope, (r) => r.correct),
    outOfScope: outOfScope.length,
    outOfScopeRejection: share(outOfScope, (r) => r.got === null),
    footerRate: share(results, (r) => r.footer),
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
