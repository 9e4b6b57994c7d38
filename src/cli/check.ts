import { ConfigError, fileSettings } from '../config.js';
import { checkAll, PROJECT_ROOT } from '../engine/load-engine.js';
import { createEngine } from '../engine/engine.js';
import { loadDetector } from '../nlu/detect-cld3.js';
import { gateLines, runGate } from '../evaluation/gate.js';
import { formatProblem } from '../files/problem.js';
import { exitAfterOutput } from './exit.js';

/** `npm run check`: validates every data and intent file; one line per problem; non-zero exit on any error. */
async function main(): Promise<number> {
  const started = performance.now();
  const files = fileSettings();
  const { knowledge, intents, problems } = await checkAll(files);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  for (const p of [...errors, ...warnings]) console.log(formatProblem(p));
  const took = Math.round(performance.now() - started);
  if (errors.length > 0) {
    console.log(`\n${errors.length} error(s), ${warnings.length} warning(s). Fix the errors above; the bot keeps its last good version until then.`);
    return 1;
  }
  // The regression gate: the whole evaluation, compared with the last accepted run.
  const { gate } = await runGate(createEngine(knowledge!, intents, undefined, { detect: await loadDetector() }), PROJECT_ROOT);
  for (const line of gateLines(gate)) console.log(line);
  if (gate.errors.length > 0) return 1;
  const examples = intents.reduce((n, i) => n + i.examples.length, 0);
  console.log(
    `OK: ${knowledge!.operations.length} operation(s), ${knowledge!.metrics.size} figures, ` +
      `${intents.length} intents, ${examples} examples; ${warnings.length} warning(s) (${took} ms).`,
  );
  return 0;
}

main().then(exitAfterOutput, (error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `check failed: ${String(error)}`);
  exitAfterOutput(1);
});
