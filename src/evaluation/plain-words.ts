import { caseKey } from './cases.js';
import type { CaseResult, EvalReport } from './evaluate.js';
import type { GateResult } from './gate.js';
import type { Section } from './suite.js';

/** `98.7%`. */
export const pct = (right: number, total: number) => `${total === 0 ? '0.0' : ((right / total) * 100).toFixed(1)}%`;

/** One set's result in a line: "230 of 234 right (98.3%)", and how the two kinds of question did. */
export function setLine(report: EvalReport): string {
  const answered = Math.round(report.inScopeAccuracy * report.inScope);
  const turnedDown = Math.round(report.outOfScopeRejection * report.outOfScope);
  const parts = [`${report.correct} of ${report.total} right (${pct(report.correct, report.total)})`];
  if (report.inScope > 0 && report.outOfScope > 0) {
    parts.push(`questions it should answer: ${answered} of ${report.inScope}; questions it should turn down: ${turnedDown} of ${report.outOfScope}`);
  }
  if (report.youngTone) parts.push(`young people's tone: ${report.youngTone.right} of ${report.youngTone.checked}`);
  return parts.join(' · ');
}

/** The safety lines: emergency questions and the contact numbers. */
export function safetyLines(gate: GateResult): string[] {
  const { total, failing } = gate.emergency;
  return [
    failing.length === 0
      ? `All ${total} emergency questions got "Call 999 now" first.`
      : `${failing.length} of ${total} emergency questions did NOT get "Call 999 now" first.`,
    gate.footerMissing.length === 0
      ? 'Every reply carried the contact numbers (999, 101 and Crimestoppers).'
      : `${gate.footerMissing.length} replies lacked the contact numbers.`,
  ];
}

/** Why a question counts as wrongly answered, in plain words. */
export function whyWrong(r: CaseResult): string {
  return r.notes.join('; ');
}

/** Wrongly answered questions across all sets, each once. */
export function wronglyAnswered(sections: readonly Section[]): CaseResult[] {
  const seen = new Set<string>();
  return sections.flatMap((s) => s.report.misses).filter((r) => !seen.has(caseKey(r.case)) && Boolean(seen.add(caseKey(r.case))));
}
