import type { Place } from '../knowledge/schema.js';
import { editDistance } from './natural.js';
import { normalise, words } from './normalise.js';

/** The word the classifier sees in place of any county, so "arrests in kent" and "arrests in essex" look alike. */
export const PLACE_TOKEN = 'zplace';

export interface PlaceFinder {
  /** County keys in the order they appear, and the words with each county replaced by {@link PLACE_TOKEN}. */
  find(tokens: readonly string[]): { places: string[]; tokens: string[] };
}

/**
 * Recognises counties by name, alias or abbreviation, and by near-misses of the full name
 * (esex, hertfordshir, norfok). Short aliases (beds, herts) must be exact, because near-misses
 * of short words are usually other words (hers, went).
 */
export function createPlaceFinder(places: ReadonlyMap<string, Place>): PlaceFinder {
  const phrases = new Map<string, string>(); // "essex police" → essex
  const fullNames: { word: string; key: string }[] = [];
  for (const [key, place] of places) {
    const name = normalise(place.name);
    phrases.set(name, key);
    if (!name.includes(' ')) fullNames.push({ word: name, key });
    for (const alias of place.aliases) phrases.set(normalise(alias), key);
  }
  const longest = Math.max(1, ...[...phrases.keys()].map((p) => words(p).length));
  const fuzzyCache = new Map<string, string | null>();

  const fuzzy = (token: string): string | undefined => {
    if (token.length < 4) return undefined;
    const cached = fuzzyCache.get(token);
    if (cached !== undefined) return cached ?? undefined;
    let found: string | null = null;
    for (const { word, key } of fullNames) {
      if (word.length < 5 || token[0] !== word[0]) continue;
      // A prefix of a long name (cambridge, hertford) is taken as the county.
      if (token.length >= 7 && word.startsWith(token)) { found = key; break; }
      const allowed = word.length >= 8 ? 2 : 1;
      if (Math.abs(word.length - token.length) > allowed) continue;
      if (editDistance(token, word) <= allowed) { found = key; break; }
    }
    if (fuzzyCache.size > 5000) fuzzyCache.clear();
    fuzzyCache.set(token, found);
    return found ?? undefined;
  };

  return {
    find(tokens) {
      const found: string[] = [];
      const out: string[] = [];
      for (let i = 0; i < tokens.length; ) {
        let matched = 0;
        let key: string | undefined;
        for (let n = Math.min(longest, tokens.length - i); n >= 1 && !key; n--) {
          key = phrases.get(tokens.slice(i, i + n).join(' '));
          if (key) matched = n;
        }
        if (!key) {
          key = fuzzy(tokens[i]!);
          if (key) matched = 1;
        }
        if (key) {
          if (!found.includes(key)) found.push(key);
          out.push(PLACE_TOKEN);
          i += matched;
        } else {
          out.push(tokens[i]!);
          i += 1;
        }
      }
      return { places: found, tokens: out };
    },
  };
}
