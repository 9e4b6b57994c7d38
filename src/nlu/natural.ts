// One door to natural, so the rest of the code does not depend on its file layout.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';

const stems = new Map<string, string>();
/** Porter stem of one lower-case word (remembered: people use the same few hundred words). */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (stems.size > 50_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** Edit distance counting a swap of two neighbouring letters as one edit (esxes → essex is 1). */
export const editDistance = (a: string, b: string): number => DamerauLevenshteinDistance(a, b, { restricted: true });

export { BayesClassifier };
