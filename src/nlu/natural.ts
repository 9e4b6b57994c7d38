// One door to natural, so the rest of the code does not depend on its file layout.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';

/** Porter stem of one lower-case word. */
export const stem = (word: string): string => PorterStemmer.stem(word);

/** Edit distance counting a swap of two neighbouring letters as one edit (esxes → essex is 1). */
export const editDistance = (a: string, b: string): number => DamerauLevenshteinDistance(a, b, { restricted: true });

export { BayesClassifier };
