import { normalise, words } from './normalise.js';

/**
 * Letters people often type without their marks, and the same script's variant letters: every message
 * and every listed word is folded the same way, so "zadzwon" finds "zadzwoń" and "pomoc" finds "pomóc".
 */
const FOLDED_LETTERS: Readonly<Record<string, string>> = { ł: 'l', ı: 'i', đ: 'd', ø: 'o', ß: 'ss', ي: 'ی', ك: 'ک', ى: 'ی', 'ۀ': 'ه' };
const FOLDED = new RegExp(`[${Object.keys(FOLDED_LETTERS).join('')}]`, 'g');
/** A mark on a Latin, Greek or Cyrillic letter; other scripts' marks (Bengali vowel signs) are letters in all but name. */
const LATIN_MARK = /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])[\u0300-\u036f]+/gu;
/** Arabic-script short vowels and the tatweel: rarely typed, never needed to tell words apart. */
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640]/g;

/** Where 0 is in the digit blocks of the region's scripts: Arabic-Indic, Urdu, Devanagari, Bengali, Gurmukhi. */
const ZEROS = [0x660, 0x6f0, 0x966, 0x9e6, 0xa66];
const SCRIPT_DIGIT = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f]/g;

/** Digits written in the message's own script (١٤, ১৪) read as 14. */
export function asciiDigits(text: string): string {
  return text.replace(SCRIPT_DIGIT, (d) => {
    const cp = d.codePointAt(0)!;
    const zero = ZEROS.find((z) => cp >= z && cp <= z + 9)!;
    return String(cp - zero);
  });
}

/** Already lower-case ASCII words: nothing to fold (most listed words, so lists build fast). */
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * What folding may change in a normalised text: Latin, Greek and Cyrillic letters beyond ASCII (and loose marks),
 * the Arabic-script marks, the letters they sit on (آ, أ, ۂ) and variant letters, and digits of other scripts. Text with none of these is folded already.
 */
const FOLDABLE = /[\u00c0-\u04ff\u1e00-\u1fff\u0622-\u0626\u06c2\u06d3\u0640\u064b-\u065f\u0670\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6fيكىۀ]/;

/** A message reduced to lower-case words, marks folded away, digits in ASCII. */
export function fold(text: string): string {
  if (PLAIN.test(text)) return text;
  const normalised = normalise(asciiDigits(text));
  if (!FOLDABLE.test(normalised)) return normalised;
  return normalised
    .normalize('NFD')
    .replace(LATIN_MARK, '')
    .replace(ARABIC_MARKS, '')
    .normalize('NFC')
    .replace(FOLDED, (c) => FOLDED_LETTERS[c]!);
}

/**
 * A word or phrase listed in a data file, folded as messages are: worked out once per process, since every
 * language file is read again on each reload and its words are indexed more than once. Not for messages.
 */
export function foldListed(listed: string): string {
  let folded = listedFolds.get(listed);
  if (folded === undefined) {
    folded = fold(listed);
    if (listedFolds.size >= LISTED_REMEMBERED) listedFolds.clear();
    listedFolds.set(listed, folded);
  }
  return folded;
}
const listedFolds = new Map<string, string>();
/** Several times the words of every file together: only a process whose files are edited all day forgets, and starts again. */
const LISTED_REMEMBERED = 250_000;

/** A listed word, whole or (ending in *) as a stem. */
interface Pattern {
  word: string;
  stem: boolean;
}

/** A listed phrase found in a message: where it starts (word index), how many words it spans, what it stands for. */
export interface ListHit<T> {
  phrase: string;
  at: number;
  length: number;
  value: T;
}

/** Phrases found by their first word, or the first letters of a stem, so the cost grows with the message, not the lists. */
export interface WordLists<T> {
  /** Every phrase found, in message order; at each word the longest. */
  all(tokens: readonly string[]): ListHit<T>[];
}

/** Several named lists searched in one pass over a message: at each word, the longest phrase of each list. */
export interface NamedWordLists<K extends string, T> {
  all(tokens: readonly string[]): Record<K, ListHit<T>[]>;
}

/** Letters a stem is indexed by: a stem must be at least this long. */
const STEM_KEY = 3;

/** A listed phrase as messages are read, its stem marks kept as a word of their own: the same for "aquí*" and "aqui*". */
export function phraseKey(raw: string): string {
  let key = keys.get(raw);
  if (key === undefined) {
    // The * must survive folding: mark it as a letter run first.
    key = fold(raw.trim().replace(/\*(?=\s|$)/g, ' qqstemqq'));
    if (keys.size >= LISTED_REMEMBERED) keys.clear();
    keys.set(raw, key);
  }
  return key;
}
/** Listed phrases folded once per process: every language file is indexed more than once (parts, reloads). */
const keys = new Map<string, string>();

function toPatterns(raw: string): Pattern[] {
  const parts = words(phraseKey(raw));
  const patterns: Pattern[] = [];
  for (const part of parts) {
    if (part === 'qqstemqq' && patterns.length > 0) patterns[patterns.length - 1]!.stem = true;
    else if (part !== 'qqstemqq') patterns.push({ word: part, stem: false });
  }
  return patterns;
}

const matches = (p: Pattern, token: string | undefined) => token !== undefined && (p.stem ? token.startsWith(p.word) : token === p.word);

interface Entry<T> {
  patterns: Pattern[];
  phrase: string;
  value: T;
  name: string;
  /** Which wins a tie without `merge`: whole words before stems, then the order listed (set by {@link indexEntries}). */
  rank: number;
}

/**
 * Entries by their first word: whole words by the word, stems by the stem, so a word's candidates all start it.
 * Phrases whose first two words are whole are found by both: short everyday words ("a", "no", "in") start
 * hundreds of phrases across the languages.
 */
interface EntryIndex<T> {
  exact: Map<string, Entry<T>[]>;
  pairs: Map<string, Map<string, Entry<T>[]>>;
  stems: Map<string, Entry<T>[]>;
  /** By their first three letters, the lengths of the stems listed, shortest first: a word is looked up by its first letters at each. */
  stemLengths: Map<string, number[]>;
}

/** Indexes entries by their first word, or their first stem, ranking each. Stems shorter than three letters are whole words. */
function indexEntries<T>(entries: readonly Entry<T>[]): EntryIndex<T> {
  const exact = new Map<string, Entry<T>[]>();
  const pairs = new Map<string, Map<string, Entry<T>[]>>();
  const stems = new Map<string, Entry<T>[]>();
  const lengths = new Map<string, Set<number>>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const [first, second] = entry.patterns;
    if (!first) continue;
    if (first.stem && first.word.length < STEM_KEY) first.stem = false;
    entry.rank = first.stem ? entries.length + i : i;
    const [index, key] = first.stem ? [stems, first.word] : second && !second.stem ? [secondWords(pairs, first.word), second.word] : [exact, first.word];
    const list = index.get(key);
    if (list) list.push(entry);
    else index.set(key, [entry]);
    if (first.stem) {
      const start = first.word.slice(0, STEM_KEY);
      const known = lengths.get(start);
      if (known) known.add(first.word.length);
      else lengths.set(start, new Set([first.word.length]));
    }
  }
  const stemLengths = new Map([...lengths].map(([start, set]) => [start, [...set].sort((a, b) => a - b)] as const));
  return { exact, pairs, stems, stemLengths };
}

/** The phrases starting with `first`, by their second word. */
function secondWords<E>(pairs: Map<string, Map<string, E>>, first: string): Map<string, E> {
  let seconds = pairs.get(first);
  if (!seconds) pairs.set(first, (seconds = new Map()));
  return seconds;
}

/** The lists of entries whose first word or stem starts the message's words at `at`, put in `out`. */
function candidatesFor<T>(index: EntryIndex<T>, tokens: readonly string[], at: number, out: Entry<T>[][]): void {
  out.length = 0;
  const token = tokens[at]!;
  const whole = index.exact.get(token);
  if (whole) out.push(whole);
  const next = tokens[at + 1];
  const pair = next === undefined ? undefined : index.pairs.get(token)?.get(next);
  if (pair) out.push(pair);
  const lengths = token.length < STEM_KEY ? undefined : index.stemLengths.get(token.slice(0, STEM_KEY));
  for (const length of lengths ?? []) {
    if (length > token.length) break;
    const stemmed = index.stems.get(token.slice(0, length));
    if (stemmed) out.push(stemmed);
  }
}

/**
 * Builds named lists searched together: `lists` maps each name to its (phrase, value) pairs. Where two
 * phrases of one list match the same words at the same length (a word and another language's stem of it),
 * `merge` joins their values; without it the first listed wins, a whole word before a stem.
 */
export function createNamedWordLists<K extends string, T>(lists: Readonly<Record<K, Iterable<readonly [string, T]>>>, merge?: (a: T, b: T) => T): NamedWordLists<K, T> {
  const names = Object.keys(lists) as K[];
  const entries: Entry<T>[] = [];
  for (const name of names) for (const [raw, value] of lists[name]) entries.push({ patterns: toPatterns(raw), phrase: raw.trim(), value, name, rank: 0 });
  const index = indexEntries(entries);
  return {
    all(tokens) {
      const found = {} as Record<K, ListHit<T>[]>;
      for (const name of names) found[name] = [];
      // At each word, the longest hit of each list; a word starts few phrases, so a short array beats a map.
      const best: Best<T>[] = [];
      const lists: Entry<T>[][] = [];
      for (let i = 0; i < tokens.length; i++) {
        candidatesFor(index, tokens, i, lists);
        if (lists.length === 0) continue;
        best.length = 0;
        for (const list of lists) {
          for (const e of list) {
            let already: Best<T> | undefined;
            for (const b of best) {
              if (b.name === e.name) {
                already = b;
                break;
              }
            }
            const length = e.patterns.length;
            if (already && (already.length > length || (already.length === length && !merge && already.rank < e.rank))) continue;
            if (!matchesAt(e.patterns, tokens, i)) continue;
            if (!already) best.push({ name: e.name, rank: e.rank, phrase: e.phrase, length, value: e.value });
            else if (already.length === length && merge) already.value = merge(already.value, e.value);
            else {
              already.rank = e.rank;
              already.phrase = e.phrase;
              already.length = length;
              already.value = e.value;
            }
          }
        }
        for (const b of best) found[b.name as K].push({ phrase: b.phrase, at: i, length: b.length, value: b.value });
      }
      return found;
    },
  };
}

/** The longest phrase of one list found so far at a word. */
interface Best<T> {
  name: string;
  rank: number;
  phrase: string;
  length: number;
  value: T;
}

/** Whether every pattern of a phrase matches the message's words from `at` on. */
function matchesAt(patterns: readonly Pattern[], tokens: readonly string[], at: number): boolean {
  for (let k = 0; k < patterns.length; k++) if (!matches(patterns[k]!, tokens[at + k])) return false;
  return true;
}

/**
 * Builds word lists from (phrase, value) pairs. Phrases are folded as messages are; a word ending in `*`
 * matches every word that starts with it ("stab*": stab, stabbed, stabbing). Stems shorter than three
 * letters are read as whole words.
 */
export function createWordLists<T>(entries: Iterable<readonly [string, T]>): WordLists<T> {
  const one = createNamedWordLists({ list: entries });
  return { all: (tokens) => one.all(tokens).list };
}
