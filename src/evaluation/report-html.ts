import { caseKey } from './cases.js';
import type { EvalReport } from './evaluate.js';
import { NONE, worstConfusions } from './evaluate.js';
import { headline, verdict, type GateResult } from './gate.js';
import { pct as pctOf, safetyLines, whyWrong, wronglyAnswered } from './plain-words.js';
import type { Section } from './suite.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A cell colour: green on the diagonal, red off it, stronger for larger counts. */
function cellColour(count: number, rowTotal: number, diagonal: boolean): string {
  if (count === 0) return '#fff';
  const share = Math.max(0.15, count / Math.max(1, rowTotal));
  return diagonal ? `rgba(34, 139, 34, ${share.toFixed(2)})` : `rgba(200, 30, 30, ${Math.max(0.3, share).toFixed(2)})`;
}

function confusionGrid(report: EvalReport): string {
  const labels = [...new Set([...report.confusion.keys(), ...[...report.confusion.values()].flatMap((r) => [...r.keys()])])].sort();
  const head = labels.map((l) => `<th class="col"><span>${esc(l)}</span></th>`).join('');
  const rows = labels
    .map((expected) => {
      const row = report.confusion.get(expected) ?? new Map<string, number>();
      const total = [...row.values()].reduce((a, b) => a + b, 0);
      const cells = labels
        .map((got) => {
          const n = row.get(got) ?? 0;
          const strong = n > 0 && n / Math.max(1, total) > 0.5;
          return `<td style="background:${cellColour(n, total, got === expected)}${strong ? ';color:#fff' : ''}" title="expected ${esc(expected)}, got ${esc(got)}: ${n}">${n || ''}</td>`;
        })
        .join('');
      return `<tr><th class="row">${esc(expected)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<table class="grid"><thead><tr><th class="corner">expected ↓ / got →</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function section(title: string, report: EvalReport): string {
  const perIntent = report.perIntent
    .map((s) => `<tr><td>${esc(s.intent)}</td><td>${s.support}</td><td>${pct(s.precision)}</td><td>${pct(s.recall)}</td></tr>`)
    .join('');
  const misses = report.misses
    .map((m) => `<tr><td>${esc(caseKey(m.case))}</td><td>${esc(m.case.expected === undefined ? "(not named)" : (m.case.expected ?? NONE))}</td><td>${esc(m.got ?? NONE)}</td><td>${m.score.toFixed(2)}</td><td>${esc(m.notes.join('; '))}</td></tr>`)
    .join('');
  const worst = worstConfusions(report)
    .map((w) => `<li>${w.count} × ${esc(w.expected)} → ${esc(w.got)}</li>`)
    .join('');
  return `<section>
<h2>${esc(title)}</h2>
<p class="summary"><b>${pct(report.inScopeAccuracy)}</b> of ${report.inScope} in-scope questions answered right ·
<b>${pct(report.outOfScopeRejection)}</b> of ${report.outOfScope} out-of-scope questions rejected ·
<b>${pct(report.footerRate)}</b> of replies carry the contact footer</p>
<h3>Per intent</h3>
<table class="stats"><thead><tr><th>intent</th><th>questions</th><th>precision</th><th>recall</th></tr></thead><tbody>${perIntent}</tbody></table>
<h3>Confusion matrix</h3>
<p>Rows are the intent each question should get; columns, the intent it got. Green is right, red is a mix-up.</p>
${confusionGrid(report)}
<h3>Worst confusions</h3><ul>${worst || '<li>none</li>'}</ul>
<h3>Misses (${report.misses.length})</h3>
<table class="stats"><thead><tr><th>question</th><th>expected</th><th>got</th><th>score</th><th>note</th></tr></thead><tbody>${misses || '<tr><td colspan="5">none</td></tr>'}</tbody></table>
</section>`;
}

/** The top of the page, for staff: the score, the pass mark, safety, what changed and what went wrong, in plain words. */
function staffSummary(sections: readonly Section[], gate: GateResult): string {
  const sets = sections
    .map((s) => `<tr><td>${esc(s.title)}</td><td>${s.report.total}</td><td>${s.report.correct}</td><td>${pctOf(s.report.correct, s.report.total)}</td></tr>`)
    .join('');
  const problems = gate.errors.map((e) => `<li class="error">${esc(e)}</li>`).join('');
  const changes = gate.warnings.map((w) => `<li>${esc(w)}</li>`).join('');
  const better = gate.newlyRight.length > 0 ? `<p>${gate.newlyRight.length} question(s) answered wrongly at the last accepted run are now answered right.</p>` : '';
  const wrong = wronglyAnswered(sections)
    .map((r) => `<tr><td>${esc(caseKey(r.case))}</td><td>${esc(whyWrong(r))}</td></tr>`)
    .join('');
  return `<section id="summary">
<p class="headline">${esc(headline(gate))}</p>
<p class="verdict ${gate.passed ? 'pass' : 'fail'}">${esc(verdict(gate))}</p>
<ul class="safety">${safetyLines(gate).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>
${problems ? `<h2>Must be fixed</h2><ul id="errors">${problems}</ul>` : ''}
<h2>Changed since the last accepted run</h2>
<ul id="changes">${changes || '<li>Nothing: every question goes where it went last time.</li>'}</ul>
${better}
<p class="help">If these changes are what you meant (for example you corrected a figure or added a topic on purpose), run <code>npm run eval -- --accept</code> to make this run the one future checks compare with.</p>
<h2>Results by set of test questions</h2>
<table class="stats" id="sets"><thead><tr><th>set</th><th>questions</th><th>answered right</th><th>share</th></tr></thead><tbody>${sets}</tbody></table>
<h2>Questions answered wrongly</h2>
<table class="stats" id="wrong"><thead><tr><th>question</th><th>what was wrong</th></tr></thead><tbody>${wrong || '<tr><td colspan="2">none</td></tr>'}</tbody></table>
</section>`;
}

/**
 * A self-contained HTML page (no scripts, no external files) that staff can open in a browser:
 * a plain summary first, the developers' tables further down.
 */
export function renderEvalHtml(sections: readonly Section[], gate: GateResult, generatedAt = new Date()): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>How well the bot answers</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:80rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
.stats td,.stats th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
.grid td{border:1px solid #ddd;width:1.8rem;height:1.8rem;text-align:center;font-size:.8rem}
.grid th.row{text-align:right;padding-right:.5rem;font-weight:normal;white-space:nowrap}
.grid th.col{height:9rem;vertical-align:bottom;font-weight:normal}
.grid th.col span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}
.summary{font-size:1.1rem}
.headline{font-size:1.4rem;line-height:1.4}
.verdict{font-size:1.2rem;font-weight:bold;padding:.5rem 1rem;border-radius:.3rem;display:inline-block}
.verdict.pass{background:#e3f4e3;color:#145214;border:2px solid #228b22}
.verdict.fail{background:#fbe3e3;color:#7a1010;border:2px solid #c81e1e}
.error{color:#7a1010;font-weight:bold}
.help{color:#555}
#developers{margin-top:3rem;border-top:3px solid #ccc;padding-top:1rem}
</style></head><body>
<h1>How well the bot answers</h1>
<p>Made ${esc(generatedAt.toISOString())} by <code>npm run eval</code>.</p>
${staffSummary(sections, gate)}
<section id="developers">
<h2>For developers</h2>
${sections.map((s) => section(s.title, s.report)).join('\n')}
</section>
</body></html>
`;
}

/** The same figures as plain JSON, for CI. */
export function evalJson(sections: readonly { title: string; report: EvalReport }[]) {
  return sections.map(({ title, report }) => ({
    title,
    total: report.total,
    inScope: report.inScope,
    inScopeAccuracy: report.inScopeAccuracy,
    outOfScope: report.outOfScope,
    outOfScopeRejection: report.outOfScopeRejection,
    footerRate: report.footerRate,
    perIntent: report.perIntent,
    confusion: Object.fromEntries([...report.confusion].map(([k, row]) => [k, Object.fromEntries(row)])),
    misses: report.misses.map((m) => ({ text: caseKey(m.case), expected: m.case.expected ?? null, got: m.got, score: Number(m.score.toFixed(3)), notes: m.notes })),
  }));
}
