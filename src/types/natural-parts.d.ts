// The parts of natural this project uses, imported by path so that start-up does not load
// the whole library (its index pulls in database drivers and prints dotenv notices).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function DamerauLevenshteinDistance(a: string, b: string, options?: { restricted?: boolean }): number;
}
declare module 'natural/lib/natural/phonetics/double_metaphone.js' {
  /** Double Metaphone: a word's primary and alternative sound codes. */
  export default class DoubleMetaphone {
    process(word: string): [string, string];
  }
}
