import type { Place } from '../knowledge/schema.js';
import { editDistance } from './natural.js';
import { normalise } from './normalise.js';
import { createPhraseIndex } from './phrases.js';

/** The word the classifier sees in place of any county or town, so "arrests in kent" and "arrests in luton" look alike. */
export const PLACE_TOKEN = 'zplace';

/** One place named in a message, as typed. */
export interface PlaceMention {
  /** The key in data/places.yaml: the county itself, or the county a town is in. */
  key: string;
  /** The words as typed (normalised), e.g. "peterborough" or "herts". */
  said: string;
  /** Named as a town or district of `key`, rather than as the county or force. */
  town: boolean;
}

export interface PlaceFinder {
  /**
   * Place keys in the order they appear (a town gives its county's key), every mention with how it
   * was named, and the words with each place replaced by {@link PLACE_TOKEN}.
   */
  find(tokens: readonly string[], typed?: string): { places: string[]; mentions: PlaceMention[]; tokens: string[] };
}

/** Words before a town name that show it is a place: "in deal", "from march". */
export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'around', 'round', 'outside', 'live', 'of']);

/** Town names of this length or shorter are everyday words too often (ware, eye, diss): they need a preposition. */
const SHORT_TOWN = 4;

export interface PlaceFinderOptions {
  /** Words the bot uses in other senses ("deal" in "deal lines"): a town of that name needs "in", "at", "from"... before it. */
  commonWords?: ReadonlySet<string>;
  /** Month names (data/lang/en.yaml's `words.months`): times, never towns (March is also a town in Cambridgeshire). */
  months?: readonly string[];
}

/**
 * Recognises counties by name, alias or abbreviation, and by near-misses of the full name
 * (esex, hertfordshir, norfok), and towns and districts listed under a region county (exactly,
 * never by near-miss). Short aliases (beds, herts) must be exact, because near-misses
 * of short words are usually other words (hers, went).
 */
export function createPlaceFinder(places: ReadonlyMap<string, Place>, options: PlaceFinderOptions = {}): PlaceFinder {
  const MONTHS = new Set(options.months);
  const phrases = new Map<string, { key: string; town: boolean }>(); // "essex police" → essex
  const fullNames: { word: string; key: string }[] = [];
  const guarded = new Set<string>(); // town names that need a preposition before them
  const ambiguous = new Map<string, string>(); // "march", "deal": towns only when the message backs it up
  for (const [key, place] of places) {
    for (const town of place.ambiguous_towns ?? []) ambiguous.set(normalise(town), key);
    const name = normalise(place.name);
    phrases.set(name, { key, town: false });
    if (!name.includes(' ')) fullNames.push({ word: name, key });
    for (const alias of place.aliases) phrases.set(normalise(alias), { key, town: false });
    for (const town of place.towns ?? []) {
      const t = normalise(town);
      if (MONTHS.has(t) || phrases.has(t)) continue;
      phrases.set(t, { key, town: true });
      if (!t.includes(' ') && (t.length <= SHORT_TOWN || options.commonWords?.has(t))) guarded.add(t);
    }
  }
  const index = createPhraseIndex(phrases);
  const ambiguousIndex = createPhraseIndex(ambiguous);
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

  /** An ambiguous town counts when its county is named too, or it is written with a capital after "in", "at", "near" or "from". */
  const backedUp = (town: string, county: string, mentions: readonly PlaceMention[], typed: string | undefined) =>
    mentions.some((m) => m.key === county) ||
    (typed !== undefined && !MONTHS.has(town) && new RegExp(`[^.!?\\s]\\s+(?:in|at|near|from)\\s+${town.split(' ').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('\\s+')}\\b`).test(typed));

  return {
    find(tokens, typed) {
      const found: string[] = [];
      const mentions: PlaceMention[] = [];
      const out: string[] = [];
      for (let i = 0; i < tokens.length; ) {
        let matched = 0;
        let hit: { key: string; town: boolean } | undefined;
        const listed = index.at(tokens, i);
        if (listed && !(listed.length === 1 && guarded.has(listed.phrase) && !PLACE_PREPOSITIONS.has(tokens[i - 1] ?? ''))) {
          hit = listed.value;
          matched = listed.length;
        }
        if (!hit) {
          const key = fuzzy(tokens[i]!);
          if (key) {
            hit = { key, town: false };
            matched = 1;
          }
        }
        if (hit) {
          if (!found.includes(hit.key)) found.push(hit.key);
          mentions.push({ key: hit.key, said: tokens.slice(i, i + matched).join(' '), town: hit.town });
          out.push(PLACE_TOKEN);
          i += matched;
        } else {
          out.push(tokens[i]!);
          i += 1;
        }
      }
      if (ambiguous.size > 0) {
        for (let i = 0; i < out.length; i++) {
          const a = ambiguousIndex.at(out, i);
          if (!a || !backedUp(a.phrase, a.value, mentions, typed)) continue;
          if (!found.includes(a.value)) found.push(a.value);
          mentions.push({ key: a.value, said: a.phrase, town: true });
          out.splice(i, a.length, PLACE_TOKEN);
        }
      }
      return { places: found, mentions, tokens: out };
    },
  };
}
