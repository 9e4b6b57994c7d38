import type { Words } from '../knowledge/language-words.js';
import { normalise, words } from './normalise.js';

/** A phrase found in a message: where it starts (word index), how many words, and what it stands for. */
export interface PhraseHit<T> {
  phrase: string;
  at: number;
  length: number;
  value: T;
}

/** Finds listed phrases in a list of words, by their first word, so the cost grows with the message, not the list. */
export interface PhraseIndex<T> {
  /** Every phrase found, in message order; at each position the longest. */
  all(tokens: readonly string[]): PhraseHit<T>[];
  /** The first phrase found, or undefined. */
  first(tokens: readonly string[]): PhraseHit<T> | undefined;
  /** Whether any phrase is found. */
  has(tokens: readonly string[]): boolean;
  /** The longest phrase starting at word `i`, or undefined. */
  at(tokens: readonly string[], i: number): PhraseHit<T> | undefined;
}

/** Builds a phrase index from (phrase, value) pairs; phrases are normalised as messages are. */
export function createPhraseIndex<T>(entries: Iterable<readonly [string, T]>): PhraseIndex<T> {
  const byFirst = new Map<string, { words: string[]; phrase: string; value: T }[]>();
  for (const [raw, value] of entries) {
    const w = words(normalise(raw));
    if (w.length === 0) continue;
    const list = byFirst.get(w[0]!) ?? [];
    list.push({ words: w, phrase: w.join(' '), value });
    byFirst.set(w[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

  const at = (tokens: readonly string[], i: number): PhraseHit<T> | undefined => {
    const list = byFirst.get(tokens[i]!);
    if (!list) return undefined;
    for (const p of list) {
      let ok = p.words.length <= tokens.length - i;
      for (let k = 1; ok && k < p.words.length; k++) ok = tokens[i + k] === p.words[k];
      if (ok) return { phrase: p.phrase, at: i, length: p.words.length, value: p.value };
    }
    return undefined;
  };

  return {
    at,
    all(tokens) {
      const hits: PhraseHit<T>[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const hit = at(tokens, i);
        if (hit) hits.push(hit);
      }
      return hits;
    },
    first(tokens) {
      for (let i = 0; i < tokens.length; i++) {
        const hit = at(tokens, i);
        if (hit) return hit;
      }
      return undefined;
    },
    has(tokens) {
      for (let i = 0; i < tokens.length; i++) if (byFirst.has(tokens[i]!) && at(tokens, i)) return true;
      return false;
    },
  };
}

/** A phrase index whose values are the phrases themselves. */
export const phraseSet = (phrases: Iterable<string>): PhraseIndex<string> => createPhraseIndex([...phrases].map((p) => [p, p] as const));

/** What was built from some lists, kept while the lists live: a reload reads new lists and builds afresh. */
function builtFrom<T>(cache: WeakMap<readonly string[], { lists: readonly (readonly string[])[]; built: T }[]>, lists: readonly (readonly string[])[], build: () => T): T {
  const key = lists[0] ?? [];
  const entries = cache.get(key) ?? [];
  const found = entries.find((e) => e.lists.length === lists.length && e.lists.every((l, i) => l === lists[i]));
  if (found) return found.built;
  const built = build();
  cache.set(key, [...entries, { lists, built }]);
  return built;
}

const indexes = new WeakMap<readonly string[], { lists: readonly (readonly string[])[]; built: PhraseIndex<string> }[]>();
const sets = new WeakMap<readonly string[], { lists: readonly (readonly string[])[]; built: ReadonlySet<string> }[]>();

/** A phrase index over word lists read from data (several read as one), built once for the same lists. */
export function phrasesIn(...lists: readonly (readonly string[])[]): PhraseIndex<string> {
  return builtFrom(indexes, lists, () => phraseSet(lists.flat()));
}

/** The entries of word lists read from data as a set, each normalised as messages are ("Mr." → "mr"); built once for the same lists. */
export function wordSetOf(...lists: readonly (readonly string[])[]): ReadonlySet<string> {
  return builtFrom(sets, lists, () => new Set(lists.flat().map((w) => words(normalise(w)).join(' '))));
}

/** A word list as a regular expression's alternatives ("but|so"), escaped, in the list's order; an empty list matches nothing. */
export function alternativesOf(list: readonly string[]): string {
  const listed = [...wordSetOf(list)].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return listed.length > 0 ? listed.join('|') : '(?!)';
}

/** The words that say what to do with the figures ("difference", "combined", "percentage"): the speller knows them, and a frame that works on figures has read them. Built once for the same lists. */
export function workingWordsOf(lists: Pick<Words, 'sum' | 'difference' | 'share' | 'per_day' | 'most' | 'fewest' | 'versus' | 'except'>): ReadonlySet<string> {
  const all = [lists.sum, lists.difference, lists.share, lists.per_day, lists.most, lists.fewest, lists.versus, lists.except];
  return builtFrom(workingSets, all, () => new Set(all.flatMap((list) => list.flatMap((w) => words(normalise(w))))));
}

const workingSets = new WeakMap<readonly string[], { lists: readonly (readonly string[])[]; built: ReadonlySet<string> }[]>();
