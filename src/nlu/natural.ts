// One door to natural, so the rest of the code does not depend on its file layout.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import DoubleMetaphone from 'natural/lib/natural/phonetics/double_metaphone.js';

const stems = new Map<string, string>();
const DIGITS = /^\d+$/;
/** Porter stem of one lower-case word (remembered: people use the same few hundred words). */
export function stem(word: string): string {
  // A number is its own stem: numbers are many, and would only fill the memory of stems.
  if (DIGITS.test(word)) return word;
  let s = stems.get(word);
  if (s === undefined) {
    s = PorterStemmer.stem(word);
    if (stems.size > 50_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** Edit distance counting a swap of two neighbouring letters as one edit (esesx → essex is 1). */
export const editDistance = (a: string, b: string): number => DamerauLevenshteinDistance(a, b, { restricted: true });

const metaphone = new DoubleMetaphone();
const sounds = new Map<string, readonly string[]>();
/** How a word sounds, as Double Metaphone's codes (knives and nifes are both NFS); remembered like stems. */
export function soundOf(word: string): readonly string[] {
  let s = sounds.get(word);
  if (s === undefined) {
    s = [...new Set(metaphone.process(word) as string[])];
    if (sounds.size > 50_000) sounds.clear();
    sounds.set(word, s);
  }
  return s;
}

