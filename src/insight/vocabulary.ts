import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import type { Intent } from '../intents/load.js';
import { englishWords } from '../knowledge/languages.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { normalise, words } from '../nlu/normalise.js';
import type { KeptWords } from './reduce.js';

/**
 * The bot's own words: its intents' examples and suggested questions (not their held-out tests, which may name people), the places, figures and breakdowns it
 * knows, and English's word lists. A word here is kept in an unanswered question even capitalised mid-sentence.
 */
export function vocabularyOf(knowledge: Knowledge, intents: readonly Intent[]): Set<string> {
  const texts = [
    ...intents.flatMap((i) => [...i.examples, ...i.follow_up]),
    ...[...knowledge.places.values()].flatMap((p) => [p.name, ...p.aliases, ...(p.towns ?? []), ...(p.ambiguous_towns ?? [])]),
    ...[...knowledge.metrics.values()].flatMap((m) => [m.label, ...m.words]),
    ...[...knowledge.facets.values()].flatMap((f) => f.words),
    ...[...knowledge.words].flat(),
    ...Object.values(englishWords(knowledge.languages)).flatMap((list) => (Array.isArray(list) ? list : Object.values(list).flat())),
  ];
  return new Set(texts.flatMap((t) => words(normalise(t))));
}

let dictionary: ReadonlySet<string> | undefined;
/**
 * English words from the `word-list` package (lower case, no names of people or places), read on first use:
 * a message the bot can't answer is rare, and the list takes a moment to read.
 */
export function englishDictionary(): ReadonlySet<string> {
  dictionary ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
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
