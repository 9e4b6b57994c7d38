import { editDistance } from './natural.js';

/** Shorter words are left alone: one letter changes a short word into another real word (tall, tell). */
const MIN_LENGTH = 5;

/**
 * Corrects a misspelt word to the nearest word the bot was trained on (arests → arrests),
 * allowing one edit up to six letters and two in longer words. Known words and words under five letters pass through.
 */
export function createSpeller(vocabulary: Iterable<string>) {
  const known = new Set(vocabulary);
  const byFirstLetter = new Map<string, string[]>();
  for (const word of known) {
    if (word.length < MIN_LENGTH) continue;
    const list = byFirstLetter.get(word[0]!) ?? [];
    list.push(word);
    byFirstLetter.set(word[0]!, list);
  }
  const cache = new Map<string, string>();

  return (word: string): string => {
    if (word.length < MIN_LENGTH || known.has(word) || /\d/.test(word)) return word;
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const allowed = word.length >= 7 ? 2 : 1;
    let best = word;
    let bestDistance = allowed + 1;
    for (const candidate of byFirstLetter.get(word[0]!) ?? []) {
      if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
      const d = editDistance(word, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (cache.size > 10000) cache.clear();
    cache.set(word, best);
    return best;
  };
}
