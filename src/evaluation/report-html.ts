import type { EvalReport } from './evaluate.js';
import { NONE, worstConfusions } from './evaluate.js';

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
    .map((m) => `<tr><td>${esc(m.case.text)}</td><td>${esc(m.case.expected ?? NONE)}</td><td>${esc(m.got ?? NONE)}</td><td>${m.score.toFixed(2)}</td><td>${esc(m.notes.join('; '))}</td></tr>`)
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
<h3>Misfires (${report.misses.length})</h3>
<table class="stats"><thead><tr><th>question</th><th>expected</th><th>got</th><th>score</th><th>note</th></tr></thead><tbody>${misses || '<tr><td colspan="5">none</td></tr>'}</tbody></table>
</section>`;
}

/** A self-contained HTML page (no scripts, no external files) that staff can open in a browser. */
export function renderEvalHtml(sections: { title: string; report: EvalReport }[], generatedAt = new Date()): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evaluation report</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:80rem}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
.stats td,.stats th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
.grid td{border:1px solid #ddd;width:1.8rem;height:1.8rem;text-align:center;font-size:.8rem}
.grid th.row{text-align:right;padding-right:.5rem;font-weight:normal;white-space:nowrap}
.grid th.col{height:9rem;vertical-align:bottom;font-weight:normal}
.grid th.col span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}
.summary{font-size:1.1rem}
</style></head><body>
<h1>Evaluation report</h1>
<p>Generated ${esc(generatedAt.toISOString())} by <code>npm run eval</code>.</p>
${sections.map((s) => section(s.title, s.report)).join('\n')}
</body></html>
`;
}

/** The same figures as plain JSON, for CI. */
export function evalJson(sections: { title: string; report: EvalReport }[]) {
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
    misses: report.misses.map((m) => ({ text: m.case.text, expected: m.case.expected, got: m.got, score: Number(m.score.toFixed(3)) })),
  }));
}
