import type { Intent } from '../intents/load.js';
import { englishWords } from '../knowledge/languages.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { normalise, words } from '../nlu/normalise.js';

/**
 * The bot's own English words: its intents' examples and suggested questions (not their held-out tests, which may
 * name people), the places, figures and breakdowns it knows, and English's word lists. A word here is no sign of
 * another language, and an unanswered question kept for staff may keep it.
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

