import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { evalJson, renderEvalHtml } from '../evaluation/report-html.js';
import { loadEngine, PROJECT_ROOT } from '../engine/load-engine.js';
import { NONE, worstConfusions, type EvalReport } from '../evaluation/evaluate.js';
import { BASELINE_FILE, headline, runGate, verdict, writeBaseline } from '../evaluation/gate.js';
import { pct, safetyLines, setLine, whyWrong, wronglyAnswered } from '../evaluation/plain-words.js';
import { InvalidFilesError } from '../files/problem.js';
import { fileSettings } from '../config.js';
import { exitAfterOutput } from './exit.js';

const REPORT = 'reports/eval.html';

/** The developers' figures for one set: per intent, and the worst mix-ups. */
function printDetails(title: string, report: EvalReport): void {
  console.log(`\n${title}`);
  console.log('  intent                 support  precision  recall');
  for (const s of report.perIntent) {
    console.log(`  ${s.intent.padEnd(22)} ${String(s.support).padStart(7)}  ${pct(s.precision, 1).padStart(9)}  ${pct(s.recall, 1).padStart(6)}`);
  }
  for (const w of worstConfusions(report)) console.log(`  ${String(w.count).padStart(3)} × ${w.expected} → ${w.got}`);
}

/**
 * `npm run eval [-- --json | --accept | --accept-moves | --details]`: a plain summary and reports/eval.html.
 * `--accept` records this run as the one `npm run check` compares with; `--details` adds the developers' tables.
 * `--accept-moves` is for a change to the engine itself: it also accepts protected questions that moved topic (each
 * listed above as an error, to be read first), but never a run that loses 999 first, the footer or the pass mark.
 */
async function main(argv: string[]): Promise<void> {
  const engine = await loadEngine(fileSettings());
  const { sections, gate, week } = await runGate(engine, PROJECT_ROOT);
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(evalJson(sections), null, 2)}\n`);
    return;
  }
  console.log(headline(gate));
  console.log(verdict(gate));
  for (const line of safetyLines(gate)) console.log(line);
  console.log('\nBy set:');
  for (const s of sections) console.log(`  ${s.title}: ${setLine(s.report)}`);
  const wrong = wronglyAnswered(sections);
  if (wrong.length > 0) {
    console.log(`\nWrongly answered (${wrong.length}):`);
    for (const r of wrong) console.log(`  - "${r.case.text}": ${whyWrong(r)} (topic: ${r.got ?? NONE})`);
  }
  for (const e of gate.errors) console.log(`\nERROR: ${e}`);
  for (const w of gate.warnings) console.log(`\nChanged since the last accepted run: ${w}`);
  if (argv.includes('--details')) for (const s of sections) printDetails(s.title, s.report);

  const out = resolve(PROJECT_ROOT, REPORT);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, renderEvalHtml(sections, gate));
  console.log(`\nReport for the browser: ${REPORT}`);
  // Developers changing how the engine reads may accept moves of protected questions they have read, never lost safety.
  const blocking = argv.includes('--accept-moves') ? gate.errors.length - gate.protectedMoves.length : gate.errors.length;
  if (argv.includes('--accept') || argv.includes('--accept-moves')) {
    if (blocking > 0) {
      console.log('Not accepted: fix the problems marked ERROR above first.');
    } else {
      await writeBaseline(PROJECT_ROOT, sections, engine.intents, week);
      console.log(`Accepted: this run is now the one \`npm run check\` compares with (${BASELINE_FILE}).`);
    }
  }
  if (blocking > 0) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof InvalidFilesError ? error.message : error);
  exitAfterOutput(1);
});
