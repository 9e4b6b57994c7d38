import { createRequire } from 'node:module';
import type { Intent } from '../intents/load.js';

/**
 * NLP.js (@nlpjs/nlp with @nlpjs/lang-en-min, devDependencies) as a yardstick for `npm run bench`:
 * trained on the intents' examples, timed on the bench's own messages in the same process.
 */

/** One training example as NLP.js takes it. */
export interface TrainingDocument {
  intent: string;
  text: string;
}

/** The parts of NLP.js's `Nlp` the bench uses; the package ships no types. */
export interface NlpJs {
  use(plugin: unknown): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  /** Classification alone: NLP.js's normaliser, stemmer and neural network. */
  classify(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
  /** Its whole pipeline: classification, entities, sentiment and answer lookup. */
  process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
}

/** What one bench of NLP.js measured: per-message milliseconds per round, and training milliseconds per round. */
export interface NlpJsTimes {
  /** The model trained for the timings, for a paired bench against it. */
  nlp: NlpJs;
  version: string;
  documents: number;
  intents: number;
  training: number[];
  classify: number[];
  process: number[];
}

/** The middle value (the upper one of the two middles for an even count); the bench reports these. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no values: the bench ran no rounds (is BENCH_RUNS 0?)');
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** Every intent's examples, as NLP.js training documents, in file order: the same examples the engine trains on. */
export function trainingDocuments(intents: readonly Pick<Intent, 'id' | 'examples'>[]): TrainingDocument[] {
  return intents.flatMap((intent) => intent.examples.map((text) => ({ intent: intent.id, text })));
}

/** How many times the engine's cost is NLP.js's, as "2.50×"; below 1 the engine is the cheaper. */
export function costRatio(engineMs: number, nlpJsMs: number): string {
  if (!(nlpJsMs > 0)) return 'n/a';
  return `${(engineMs / nlpJsMs).toFixed(2)}×`;
}

const require = createRequire(import.meta.url);

function loadNlpJs(): { Nlp: new (settings: object) => NlpJs; LangEn: unknown; version: string } {
  try {
    const { Nlp } = require('@nlpjs/nlp') as { Nlp: new (settings: object) => NlpJs };
    const { LangEn } = require('@nlpjs/lang-en-min') as { LangEn: unknown };
    const { version } = require('@nlpjs/nlp/package.json') as { version: string };
    return { Nlp, LangEn, version };
  } catch (error) {
    throw new Error('npm run bench needs NLP.js (@nlpjs/nlp, @nlpjs/lang-en-min), a devDependency: run npm install without --omit=dev', { cause: error });
  }
}

/** Trains a fresh NLP.js on `documents`, in memory only (no model.nlp file is read or written). */
export async function trainNlpJs(documents: readonly TrainingDocument[]): Promise<NlpJs> {
  const { Nlp, LangEn } = loadNlpJs();
  const nlp = new Nlp({ languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false } });
  nlp.use(LangEn);
  for (const d of documents) nlp.addDocument('en', d.text, d.intent);
  await nlp.train();
  return nlp;
}

/**
 * Where the bench's messages come from: `count` texts at a time, none given twice in the process. NLP.js keeps what it
 * read of every text it has classified, so a text it has seen before costs it a lookup: a bench that asked the same
 * messages again would time NLP.js on remembered texts and the engine on new ones.
 */
export type MessageSource = (count: number) => string[];

/** The questions as written (each once), then the questions again in turn, each with a number of its own ("… 5003"). */
export function messageSource(questions: readonly string[]): MessageSource {
  if (questions.length === 0) throw new Error('the bench has no questions to ask: add some to test/eval/questions.yaml or held-out examples to intents/');
  const given = new Set<string>();
  let k = 0;
  return (count) => {
    const out: string[] = [];
    while (out.length < count) {
      const text = k < questions.length ? questions[k]! : `${questions[k % questions.length]} ${k}`;
      k++;
      if (given.has(text)) continue;
      given.add(text);
      out.push(text);
    }
    return out;
  };
}

/** Per-message milliseconds of `step`, one figure per round of `count` new messages, after a warm-up on 500 others. */
export async function perMessage(source: MessageSource, runs: number, count: number, step: (text: string) => unknown): Promise<number[]> {
  for (const m of source(500)) await step(m);
  const rounds: number[] = [];
  for (let r = 0; r < runs; r++) {
    const messages = source(count);
    const t = performance.now();
    for (const m of messages) await step(m);
    rounds.push((performance.now() - t) / messages.length);
  }
  return rounds;
}

/** One step of a paired bench: one message handled, whether at once or by a promise. */
export type Step = (text: string) => unknown;

/** What a paired bench measured: per-message milliseconds of each side in each pair of batches, and their ratios (b over a). */
export interface Paired {
  a: number[];
  b: number[];
  /** Per pair, b's cost over a's: the figure a noisy machine moves least, since both sides ran in the same few moments. */
  ratios: number[];
}

/**
 * Times two steps on the same messages in alternating batches, ABBA (a, b, then b, a), so a slow spell of the
 * machine falls on both sides alike: `messages` are cut into batches of `batch`, and each batch is run by both.
 */
export async function pairedBatches(messages: readonly string[], a: Step, b: Step, { batch = 500, clock = () => performance.now() }: { batch?: number; clock?: () => number } = {}): Promise<Paired> {
  const run = async (step: Step, texts: readonly string[]) => {
    const t = clock();
    for (const text of texts) await step(text);
    return (clock() - t) / texts.length;
  };
  const out: Paired = { a: [], b: [], ratios: [] };
  for (let start = 0, k = 0; start < messages.length; start += batch, k++) {
    const texts = messages.slice(start, start + batch);
    let costA: number;
    let costB: number;
    if (k % 2 === 0) {
      costA = await run(a, texts);
      costB = await run(b, texts);
    } else {
      costB = await run(b, texts);
      costA = await run(a, texts);
    }
    out.a.push(costA);
    out.b.push(costB);
    out.ratios.push(costB / costA);
  }
  return out;
}

/**
 * Times NLP.js on the engine's training examples: training (adding the examples and training, one fresh
 * model per round, after one warm-up), then `classify` and `process`, each on `count` messages per round that
 * NLP.js has not seen (see {@link MessageSource}).
 */
export async function benchNlpJs(intents: readonly Pick<Intent, 'id' | 'examples'>[], source: MessageSource, runs: number, count: number): Promise<NlpJsTimes> {
  const documents = trainingDocuments(intents);
  await trainNlpJs(documents); // warm up
  const training: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await trainNlpJs(documents);
    training.push(performance.now() - t);
  }
  const nlp = await trainNlpJs(documents);
  return {
    nlp,
    version: loadNlpJs().version,
    documents: documents.length,
    intents: new Set(documents.map((d) => d.intent)).size,
    training,
    classify: await perMessage(source, runs, count, (m) => nlp.classify('en', m)),
    process: await perMessage(source, runs, count, (m) => nlp.process('en', m)),
  };
}
