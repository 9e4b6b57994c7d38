import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { evalJson, renderEvalHtml } from '../evaluation/report-html.js';
import { loadEngine, PROJECT_ROOT } from '../engine/load-engine.js';
import { heldOutCases, readEvalSet } from '../evaluation/cases.js';
import { evaluate, NONE, worstConfusions, type EvalReport } from '../evaluation/evaluate.js';
import { InvalidFilesError } from '../files/problem.js';
import { exitAfterOutput } from './exit.js';

const EVAL_DIR = 'test/eval';
const EVAL_SET = `${EVAL_DIR}/questions.yaml`;
const REPORT = 'reports/eval.html';
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function printSummary(title: string, report: EvalReport, verbose: boolean): void {
  console.log(`\n${title}: ${report.total} questions`);
  console.log(`  in scope, right answer:  ${pct(report.inScopeAccuracy)} of ${report.inScope}`);
  console.log(`  out of scope, rejected:  ${pct(report.outOfScopeRejection)} of ${report.outOfScope}`);
  console.log(`  replies with the footer: ${pct(report.footerRate)}`);
  if (!verbose) return;
  console.log('\n  intent                 support  precision  recall');
  for (const s of report.perIntent) {
    console.log(`  ${s.intent.padEnd(22)} ${String(s.support).padStart(7)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`);
  }
  const worst = worstConfusions(report);
  if (worst.length > 0) {
    console.log('\n  worst confusions (expected → got):');
    for (const w of worst) console.log(`  ${String(w.count).padStart(3)} × ${w.expected} → ${w.got}`);
  }
  if (report.misses.length > 0) {
    console.log('\n  misses:');
    for (const m of report.misses) {
      const why = m.got === m.case.expected ? `reply lacks ${JSON.stringify(m.case.expect)}` : `got ${m.got ?? NONE} (${m.score.toFixed(2)})`;
      console.log(`  - "${m.case.text}": expected ${m.case.expected ?? NONE}, ${why}`);
    }
  }
}

/** `npm run eval [-- --json]`: console summary and reports/eval.html, or the same figures as JSON. */
async function main(argv: string[]): Promise<void> {
  const engine = await loadEngine();
  const sections = [
    { title: "Intents' held-out test phrases", report: evaluate(engine, heldOutCases(engine.intents)) },
    { title: `Evaluation set (${EVAL_SET})`, report: evaluate(engine, await readEvalSet(resolve(PROJECT_ROOT, EVAL_SET), EVAL_SET)) },
  ];
  // Further sets written without sight of the examples, to check the matcher generalises.
  for (const name of (await readdir(resolve(PROJECT_ROOT, EVAL_DIR))).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const file = `${EVAL_DIR}/${name}`;
    if (file === EVAL_SET) continue;
    sections.push({ title: `Blind set (${file})`, report: evaluate(engine, await readEvalSet(resolve(PROJECT_ROOT, file), file)) });
  }
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(evalJson(sections), null, 2)}\n`);
    return;
  }
  for (const s of sections) printSummary(s.title, s.report, true);
  const out = resolve(PROJECT_ROOT, REPORT);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, renderEvalHtml(sections));
  console.log(`\nReport for the browser: ${REPORT}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof InvalidFilesError ? error.message : error);
  exitAfterOutput(1);
});
