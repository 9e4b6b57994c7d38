import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { vocabularyOf } from '../engine/vocabulary.js';
import type { Intent } from '../intents/load.js';
import { englishWords } from '../knowledge/languages.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { KeptWords } from './reduce.js';

/**
 * A word list, one word a line, held as the text itself and the offsets of its lines, searched by halves: no
 * string per word, so reading 274,000 words leaves little garbage and takes a few megabytes. A line out of order
 * (the list has two) is kept aside, so the search stays right.
 */
export class SortedWords {
  private readonly starts: Uint32Array;
  private readonly count: number;
  private readonly aside = new Set<string>();

  constructor(private readonly text: string) {
    const starts = new Uint32Array(text.length / 2 + 2);
    let count = 0;
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const inOrder = count === 0 || compare(text, starts[count - 1]!, lineEnd(text, starts[count - 1]!), text, at, end) < 0;
      if (end > at && inOrder) starts[count++] = at;
      else if (end > at) this.aside.add(text.slice(at, end));
      at = end + 1;
    }
    this.starts = starts.slice(0, count);
    this.count = count;
  }

  /** A list from words in any order (for tests and small lists). */
  static of(words: readonly string[]): SortedWords {
    return new SortedWords([...new Set(words)].sort().join('\n'));
  }

  has(word: string): boolean {
    if (this.aside.has(word)) return true;
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const start = this.starts[middle]!;
      const order = compare(this.text, start, lineEnd(this.text, start), word, 0, word.length);
      if (order === 0) return true;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }
}

const lineEnd = (text: string, start: number) => {
  const end = text.indexOf('\n', start);
  return end < 0 ? text.length : end;
};

/** The order of a[aStart, aEnd) and b[bStart, bEnd), by code unit, as `<` orders strings. */
function compare(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): number {
  const length = Math.min(aEnd - aStart, bEnd - bStart);
  for (let i = 0; i < length; i++) {
    const d = a.charCodeAt(aStart + i) - b.charCodeAt(bStart + i);
    if (d !== 0) return d;
  }
  return aEnd - aStart - (bEnd - bStart);
}

let dictionary: SortedWords | undefined;
/**
 * English words from the `word-list` package (lower case, no names of people or places), read on first use:
 * a message the bot can't answer is rare, and the list takes a moment to read.
 */
export function englishDictionary(): SortedWords {
  dictionary ??= new SortedWords(readFileSync(wordListPath, 'utf8'));
  return dictionary;
}

/** The words an unanswered question may keep, for one engine's files. */
export function keptWords(knowledge: Knowledge, intents: readonly Intent[]): KeptWords {
  const vocabulary = vocabularyOf(knowledge, intents);
  const stopwords = new Set(englishWords(knowledge.languages).stopwords);
  return {
    vocabulary: (w) => vocabulary.has(w),
    dictionary: (w) => englishDictionary().has(w),
    stopword: (w) => stopwords.has(w),
  };
}
