import { BayesClassifier } from './natural.js';

/** One intent's score for a message: a probability-like share between 0 and 1. */
export interface Scored {
  intent: string;
  score: number;
}

export interface Classifier {
  /** Intents ranked best first. An empty or unknown message scores every intent at its prior. */
  rank(features: readonly string[]): Scored[];
  /** How many of these features the classifier has seen in training. */
  known(features: readonly string[]): number;
}

/**
 * Trains natural's naive Bayes classifier on feature lists, then scores messages in log space
 * over the features present only, so long messages neither underflow nor cost more per
 * vocabulary word. A small `smoothing` lets one training example count; `sharpness` below 1 softens the posteriors.
 */
export function trainClassifier(
  docs: readonly { features: string[]; intent: string }[],
  { smoothing = 0.1, sharpness = 1 }: { smoothing?: number; sharpness?: number } = {},
): Classifier {
  const bayes = new BayesClassifier(undefined, smoothing);
  for (const doc of docs) if (doc.features.length > 0) bayes.addDocument([...doc.features], doc.intent);

  // natural numbers features by their position in `features`, in key order.
  const index = new Map(Object.keys(bayes.features).map((feature, i) => [feature, i]));
  // natural's own textToFeatures searches the whole vocabulary for each word (docs × vocabulary × words);
  // the same vector, built from the index, keeps training time flat as staff add examples.
  bayes.textToFeatures = (tokens: string[]) => {
    // Left sparse: natural reads a missing entry as "feature absent".
    const vector = new Array<number>(index.size);
    for (const t of tokens) {
      const i = index.get(t);
      if (i !== undefined) vector[i] = 1;
    }
    return vector;
  };
  bayes.train();
  const model = bayes.classifier;
  const intents = Object.keys(model.classFeatures);
  // Log-probabilities worked out once from natural's trained counts: per intent, the prior, the
  // value for a feature never seen with it, and per feature a row of every intent's value.
  const prior = intents.map((l) => Math.log(model.classTotals[l]! / model.totalExamples));
  const unseen = intents.map((l) => Math.log(model.smoothing / model.classTotals[l]!));
  // One row per feature: each intent's log-probability of it, seen or not, so a message costs one pass per feature.
  const rows = Array.from({ length: index.size }, () => Float64Array.from(unseen));
  intents.forEach((l, c) => {
    for (const [i, count] of Object.entries(model.classFeatures[l]!)) rows[Number(i)]![c] = Math.log(count / model.classTotals[l]!);
  });

  return {
    rank(features) {
      const present = new Set<number>();
      for (const f of features) {
        const i = index.get(f);
        if (i !== undefined) present.add(i);
      }
      const sums = Float64Array.from(prior);
      for (const i of present) {
        const row = rows[i]!;
        for (let c = 0; c < sums.length; c++) sums[c]! += row[c]!;
      }
      const logScores = Array.from(sums, (s) => s * sharpness);
      const max = Math.max(...logScores);
      const exp = logScores.map((s) => Math.exp(s - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      return intents
        .map((intent, c) => ({ intent, score: exp[c]! / sum }))
        .sort((a, b) => b.score - a.score);
    },
    known(features) {
      return features.filter((f) => index.has(f)).length;
    },
  };
}
