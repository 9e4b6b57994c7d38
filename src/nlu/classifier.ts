/** One intent's score for a message: a probability-like share between 0 and 1. */
export interface Scored {
  intent: string;
  score: number;
}

/** A topic's score, made by one constructor: objects of their own shape, not shared with other literals that name an intent. */
class Score implements Scored {
  constructor(
    readonly intent: string,
    readonly score: number,
  ) {}
}

export interface Classifier {
  /** Intents ranked best first. An empty or unknown message scores every intent at its prior. */
  rank(features: readonly string[]): Scored[];
  /** How many of these features the classifier has seen in training. */
  known(features: readonly string[]): number;
}

/** How the topic matcher counts. */
export interface ClassifierOptions {
  /** Added to the count of a feature a topic's examples have: lower lets a single example count for more. */
  smoothing: number;
  /**
   * The likelihood of a feature no example of a topic has: the same for every topic, whatever its size. (A
   * share of the topic's examples, as in textbook naive Bayes, makes a word unseen cheap for a small topic and dear
   * for a large one, so every long message drifted to the smallest topic and every new topic moved questions.)
   */
  unseen: number;
  /**
   * ...unless the feature is common across all the examples ("how", "do"): then a topic without it pays no more
   * than this share of the feature's frequency over all examples, so generic words decide nothing.
   */
  background: number;
  /** Below 1 softens the shares. */
  sharpness: number;
  /**
   * The share of its kin's likelihood a feature a topic's examples lack takes, when they have kin of it (words
   * of one breakdown: "jail" for a topic whose examples say "prison" and "sentences").
   */
  kinShare: number;
}

/** A topic stands for a group of kin when at least this many of its examples name it: one may be by the way. */
export const KIN_MIN = 2;

export const DEFAULT_CLASSIFIER: ClassifierOptions = { smoothing: 0.1, unseen: 0.002, background: 0.1, sharpness: 1, kinShare: 0.25 };

/**
 * A naive Bayes topic matcher over sets of features (stems and word pairs), scored in log space over the features
 * present only, so long messages neither underflow nor cost more per vocabulary word. Its decisions are local: the
 * order of two topics for a message depends on their own examples alone (and on how common each feature is
 * overall), so adding or editing a topic can only take messages near its own examples.
 */
export function trainClassifier(
  docs: readonly { features: readonly string[]; intent: string; groups?: readonly string[] }[],
  options: Partial<ClassifierOptions> = {},
  kin: ReadonlyMap<string, string> = new Map(),
): Classifier {
  const { smoothing, unseen, background, sharpness, kinShare } = { ...DEFAULT_CLASSIFIER, ...options };
  const used = docs.filter((d) => d.features.length > 0);
  const intents = [...new Set(used.map((d) => d.intent))];
  const intentIndex = new Map(intents.map((intent, c) => [intent, c]));
  const index = new Map<string, number>();
  // Per topic, its number of examples and, per feature, how many of them have it.
  const sizes = new Float64Array(intents.length);
  const counts: Map<number, number>[] = intents.map(() => new Map());
  // Per topic, per group of kin, how many examples have a feature of the group.
  const kinCounts: Map<string, number>[] = intents.map(() => new Map());
  for (const d of used) {
    const c = intentIndex.get(d.intent)!;
    sizes[c]! += 1;
    for (const f of new Set(d.features)) {
      let i = index.get(f);
      if (i === undefined) index.set(f, (i = index.size));
      counts[c]!.set(i, (counts[c]!.get(i) ?? 0) + 1);
    }
    for (const group of new Set(d.groups)) kinCounts[c]!.set(group, (kinCounts[c]!.get(group) ?? 0) + 1);
  }
  // Features with kin are known even when no example has them: a message may.
  for (const f of kin.keys()) if (!index.has(f)) index.set(f, index.size);
  // One more example per topic and overall, so no share is 0 or 1.
  const prior = Float64Array.from(intents, (_, c) => Math.log((sizes[c]! + 1) / (used.length + 1)));
  const frequency = new Float64Array(index.size);
  for (const perFeature of counts) for (const [i, n] of perFeature) frequency[i]! += n / used.length;
  // One row per feature: each topic's log-likelihood of it, seen or not, so a message costs one pass per feature.
  const rows = Array.from({ length: index.size }, (_, i) => new Float64Array(intents.length).fill(Math.log(Math.max(unseen, background * frequency[i]!))));
  // A topic whose examples lack a feature but have its kin: a share of the kin's likelihood, if that is more.
  for (const [f, group] of kin) {
    const row = rows[index.get(f)!]!;
    kinCounts.forEach((perGroup, c) => {
      const n = perGroup.get(group);
      if (n && n >= KIN_MIN) row[c] = Math.max(row[c]!, Math.log((kinShare * (n + smoothing)) / (sizes[c]! + 1)));
    });
  }
  counts.forEach((perFeature, c) => {
    for (const [i, n] of perFeature) rows[i]![c] = Math.log((n + smoothing) / (sizes[c]! + 1));
  });

  // Which features a message has had already, by the number of the message: a message counts each once.
  const seenIn = new Uint32Array(index.size);
  let messages = 0;
  const order = Array.from(intents, (_, c) => c);

  return {
    rank(features) {
      const n = intents.length;
      const sums = prior.slice();
      if (++messages === 0xffffffff) {
        seenIn.fill(0);
        messages = 1;
      }
      for (const f of features) {
        const i = index.get(f);
        if (i === undefined || seenIn[i] === messages) continue;
        seenIn[i] = messages;
        const row = rows[i]!;
        for (let c = 0; c < n; c++) sums[c]! += row[c]!;
      }
      let max = -Infinity;
      for (let c = 0; c < n; c++) if (sums[c]! * sharpness > max) max = sums[c]! * sharpness;
      let total = 0;
      for (let c = 0; c < n; c++) total += sums[c] = Math.exp(sums[c]! * sharpness - max);
      for (let c = 0; c < n; c++) sums[c]! /= total;
      // Topics by score, best first, a tie keeping the topics' order: an insertion sort of numbers, the list is short.
      for (let k = 1; k < n; k++) {
        const c = order[k]!;
        let j = k - 1;
        while (j >= 0 && (sums[order[j]!]! < sums[c]! || (sums[order[j]!]! === sums[c]! && order[j]! > c))) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = c;
      }
      const scored: Scored[] = new Array(n);
      for (let k = 0; k < n; k++) scored[k] = new Score(intents[order[k]!]!, sums[order[k]!]!);
      return scored;
    },
    known(features) {
      return features.filter((f) => index.has(f)).length;
    },
  };
}
