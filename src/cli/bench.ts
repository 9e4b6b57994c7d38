import { execFileSync } from 'node:child_process';
import { loadEngine, PROJECT_ROOT } from '../engine/load-engine.js';
import { dangerCheckOf, understandingOf } from '../engine/engine.js';
import { readDanger } from '../frame/danger.js';
import { heldOutCases, readEvalSet } from '../evaluation/cases.js';
import { resolve } from 'node:path';
import { fileSettings } from '../config.js';
import { ChartCache } from '../chart/render.js';
import { chartOf } from '../chart/spec.js';
import { exitAfterOutput } from './exit.js';
import type { ChatContext } from '../engine/context.js';
import { benchNlpJs, costRatio, median, messageSource, pairedBatches, perMessage } from './nlpjs-bench.js';

/**
 * `npm run bench`: matching plus reply per message, engine start-up, and one-shot `ask` wall time; then NLP.js
 * trained on the same examples and timed on the same kind of messages, each new to it, as a yardstick: alone, and in
 * batches run in turn with ours (the ratio a machine that is slow by spells moves least). The two readings every
 * message has before its frame (danger, and understanding) are timed alone against it the same way. Medians.
 */
const ms = (x: number) => `${x.toFixed(3)} ms`;

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const files = fileSettings();

  const startups: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await loadEngine(files);
    startups.push(performance.now() - t);
  }

  const engine = await loadEngine(files);
  const questions = [...heldOutCases(engine.intents), ...(await readEvalSet(resolve(PROJECT_ROOT, 'test/eval/questions.yaml')))].map((c) => c.text);
  // Every round of either side reads messages neither has seen (messageSource skips a text given before): NLP.js remembers what it read of a text.
  const source = messageSource(questions);
  const perRound = 5000;
  let context: ChatContext | undefined;
  const perMessageCost = await perMessage(source, runs, perRound, (m) => (context = engine.answer(m, context).context));

  const nlpJs = await benchNlpJs(engine.intents, source, runs, perRound);
  // The same again in alternating batches, so that the ratio holds on a machine that is slow by spells.
  let pairedContext: ChatContext | undefined;
  const paired = { a: [] as number[], b: [] as number[], ratios: [] as number[] };
  for (let r = 0; r < runs; r++) {
    const round = await pairedBatches(source(perRound), (m) => nlpJs.nlp.classify('en', m), (m) => (pairedContext = engine.answer(m, pairedContext).context));
    paired.a.push(...round.a);
    paired.b.push(...round.b);
    paired.ratios.push(...round.ratios);
  }

  // Where the cost lies: the two readings every message has before its frame, each timed alone against NLP.js's classify.
  const danger = dangerCheckOf(engine.knowledge, engine.intents);
  const understand = understandingOf(engine.knowledge, engine.intents);
  const steps = [
    ['reading danger, every language (alone)', (m: string) => readDanger(m, danger)],
    ['understanding: places, spelling, figures, classifier', (m: string) => understand(m)],
  ] as const;
  const stepCosts: { name: string; ms: number; ratio: number }[] = [];
  for (const [name, step] of steps) {
    const pairs = { b: [] as number[], ratios: [] as number[] };
    for (let r = 0; r < runs; r++) {
      const round = await pairedBatches(source(perRound), (m) => nlpJs.nlp.classify('en', m), step);
      pairs.b.push(...round.b);
      pairs.ratios.push(...round.ratios);
    }
    stepCosts.push({ name, ms: median(pairs.b), ratio: median(pairs.ratios) });
  }

  // Charts: the first drawn in a process (fonts loaded), one drawn afresh, and one from the cache.
  const chart = chartOf(engine.answer('which county had the most arrests'), engine.knowledge);
  const charts: { cold: number; fresh: number[]; cached: number[] } = { cold: NaN, fresh: [], cached: [] };
  if (chart) {
    const cache = new ChartCache();
    let t = performance.now();
    cache.png(chart);
    charts.cold = performance.now() - t;
    for (let r = 0; r < runs; r++) {
      t = performance.now();
      new ChartCache().png({ ...chart, title: `${chart.title} ${r}` });
      charts.fresh.push(performance.now() - t);
      t = performance.now();
      cache.png(chart);
      charts.cached.push(performance.now() - t);
    }
  }

  const asks: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const t = performance.now();
    execFileSync('npm', ['run', '--silent', 'ask', '--', 'how many arrests in essex'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
    asks.push(performance.now() - t);
  }

  const rows = [
    ['matching plus reply, per message (5,000 messages)', median(perMessageCost), 0.2],
    ['engine start-up: load, validate, train (median)', median(startups), 300],
    ['engine start-up, first in a fresh process', startups[0]!, 300],
    ['one-shot npm run ask, wall time', median(asks), 1500],
    ['bar chart PNG, first in the process (fonts loaded)', charts.cold, 500],
    ['bar chart PNG, drawn afresh (median)', median(charts.fresh), 150],
    ['bar chart PNG, from the cache (median)', median(charts.cached), 1],
  ] as const;
  console.log(`median of ${runs} runs (ask: ${asks.length})`);
  for (const [name, value, target] of rows) console.log(`${value <= target ? 'ok  ' : 'SLOW'} ${name.padEnd(52)} ${ms(value).padStart(12)}   target ≤ ${target} ms`);

  // Our figure is the whole answer (reading, frame, reply); NLP.js's classify is its intent classification alone.
  const engineMs = median(perMessageCost);
  const count = new Intl.NumberFormat('en-GB').format;
  console.log(`\nNLP.js ${nlpJs.version} (@nlpjs/nlp, lang-en-min), trained on the same ${count(nlpJs.documents)} examples of ${nlpJs.intents} intents, on ${count(perRound)} new messages a round, as ours; median of ${runs} runs`);
  const nlpRows = [
    ['NLP.js classify (intent alone), per message', median(nlpJs.classify), `our matching plus reply costs ${costRatio(engineMs, median(nlpJs.classify))} this`],
    ['NLP.js process (intent, entities, sentiment)', median(nlpJs.process), `our matching plus reply costs ${costRatio(engineMs, median(nlpJs.process))} this`],
    ['NLP.js training: add the examples, train', median(nlpJs.training), ''],
  ] as const;
  for (const [name, value, note] of nlpRows) console.log(`     ${name.padEnd(52)} ${ms(value).padStart(12)}   ${note}`.trimEnd());
  console.log(
    `     ${'paired: ours, then NLP.js classify, per message'.padEnd(52)} ${`${median(paired.b).toFixed(3)} / ${median(paired.a).toFixed(3)} ms`.padStart(12)}   ours costs ${median(paired.ratios).toFixed(2)}× NLP.js classify (median of ${paired.ratios.length} pairs of batches of 500, run in turn)`,
  );
  console.log('     of which, each alone, paired with NLP.js classify in the same way:');
  for (const s of stepCosts) console.log(`       ${s.name.padEnd(50)} ${ms(s.ms).padStart(12)}   ${s.ratio.toFixed(2)}× NLP.js classify`);
}

main().catch((error: unknown) => {
  console.error(error);
  exitAfterOutput(1);
});
