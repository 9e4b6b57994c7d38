import { fold } from './word-lists.js';
import { normalise, words } from './normalise.js';

/** Rewrites slang and short forms to plain words, longest phrase first ("old bill" → police). */
export function createLexicon(typedToPlain: ReadonlyMap<string, string>) {
  const phrases = new Map<string, string[]>();
  for (const [typed, plain] of typedToPlain) phrases.set(normalise(typed), words(normalise(plain)));
  const longest = Math.max(1, ...[...phrases.keys()].map((p) => words(p).length));

  return (tokens: readonly string[]): string[] => {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      let n = Math.min(longest, tokens.length - i);
      for (; n >= 1; n--) {
        const plain = phrases.get(n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' '));
        if (plain) {
          out.push(...plain);
          break;
        }
      }
      if (n >= 1) i += n;
      else out.push(tokens[i++]!);
    }
    return out;
  };
}

/** Where a message's clauses and parts end: kept as typed, so the English reads in the same parts. */
const BOUNDARY = /([.!?;:,\n…؟।۔]+)/u;

/**
 * Reads a message in another language as English, word by word, with that language's lexicon (data/lang/,
 * `lexicon:` and `skip:`): the longest phrase listed first, marks folded away on both sides ("osób" and "osob"
 * are one word), skipped words dropped, and a word not listed kept as typed (a place, a number, an English word).
 * Punctuation stays where it was, so "cześć, ile... sorry english." keeps its clauses.
 */
export function createLanguageReader(readAs: ReadonlyMap<string, string>): (text: string) => string {
  const translate = createLexicon(new Map([...readAs].map(([typed, english]) => [fold(typed), english])));
  return (text) =>
    text
      .split(BOUNDARY)
      .map((part, i) => (i % 2 === 1 ? part : translate(words(fold(part))).join(' ')))
      .join(' ')
      .replace(/ +/g, ' ')
      .trim();
}
