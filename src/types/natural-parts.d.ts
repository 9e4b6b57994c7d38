// The parts of natural this project uses, imported by path so that start-up does not load
// the whole library (its index pulls in database drivers and prints dotenv notices).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function DamerauLevenshteinDistance(a: string, b: string, options?: { restricted?: boolean }): number;
}
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  /** Trained model state, as natural saves it to JSON. */
  interface BayesModel {
    classFeatures: Record<string, Record<string, number>>;
    classTotals: Record<string, number>;
    totalExamples: number;
    smoothing: number;
  }
  class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    features: Record<string, number>;
    classifier: BayesModel;
    addDocument(tokens: string[], label: string): void;
    textToFeatures(tokens: string[]): number[];
    train(): void;
    getClassifications(tokens: string[]): { label: string; value: number }[];
  }
  export default BayesClassifier;
}

declare module 'natural/lib/natural/phonetics/double_metaphone.js' {
  /** Double Metaphone: a word's primary and alternative sound codes. */
  export default class DoubleMetaphone {
    process(word: string): [string, string];
  }
}
