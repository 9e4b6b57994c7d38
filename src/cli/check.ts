import { ConfigError, fileSettings } from '../config.js';
import { checkAll, PROJECT_ROOT } from '../engine/load-engine.js';
import { createEngine } from '../engine/engine.js';
import { loadDetector } from '../nlu/detect-cld3.js';
import { gateProblems, headline, runGate } from '../evaluation/gate.js';
import { formatProblem } from '../files/problem.js';
import { localeReport } from '../intents/locales.js';
import { exitAfterOutput } from './exit.js';

/**
 * `npm run check`: validates every data and intent file, then runs the whole evaluation against the accepted run,
 * the same gate live reload uses (src/evaluation/gate.ts). One line per problem; the last line is the verdict, and
 * the exit code agrees with it: 1 when any error would refuse the edit, 0 when the bot would serve it.
 */
async function main(): Promise<number> {
  const started = performance.now();
  const files = fileSettings();
  const { knowledge, intents, problems } = await checkAll(files);
  const fileErrors = problems.filter((p) => p.severity === 'error');
  const fileWarnings = problems.filter((p) => p.severity === 'warning');
  for (const p of [...fileErrors, ...fileWarnings]) console.log(formatProblem(p));
  if (fileErrors.length > 0) {
    console.log(`\nNot passed: ${fileErrors.length} error(s), ${fileWarnings.length} warning(s). Fix the errors above; the bot keeps its last good version until then.`);
    return 1;
  }
  for (const line of localeReport(knowledge!, intents)) console.log(line);
  const { gate } = await runGate(createEngine(knowledge!, intents, undefined, { detect: await loadDetector() }), PROJECT_ROOT);
  const evaluation = gateProblems(gate);
  for (const p of evaluation) console.log(formatProblem(p));
  console.log(headline(gate));
  const errors = evaluation.filter((p) => p.severity === 'error').length;
  const warnings = fileWarnings.length + evaluation.filter((p) => p.severity === 'warning').length;
  const took = Math.round(performance.now() - started);
  if (errors > 0) {
    console.log(`\nNot passed: ${errors} error(s), ${warnings} warning(s). Fix the errors above; the bot keeps its last good version until then.`);
    return 1;
  }
  const examples = intents.reduce((n, i) => n + i.examples.length, 0);
  console.log(
    `\nPassed: ${knowledge!.operations.length} operation(s), ${knowledge!.metrics.size} figures, ${intents.length} intents, ${examples} examples; ` +
      `${warnings} warning(s) to read (${took} ms). The bot will serve these files.`,
  );
  return 0;
}

main().then(exitAfterOutput, (error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `check failed: ${String(error)}`);
  exitAfterOutput(1);
});
