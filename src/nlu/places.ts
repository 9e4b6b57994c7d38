import type { Place } from '../knowledge/schema.js';
import { createNameIndex, createSkeletonIndex, keySlip, lettersLeftOut, singledSkeletonOf, skeletonOf, misspelling, nearest, oneLetterChanged, soundAlike, MIN_LENGTH } from './spelling.js';
import { normalise } from './normalise.js';
import { createPhraseIndex } from './phrases.js';

/** The word the classifier sees in place of any county or town, so "arrests in kent" and "arrests in luton" look alike. */
export const PLACE_TOKEN = 'zplace';

/** One place named in a message, as typed. */
/** A name found: its county's key, whether it is a town, and a town's name as listed. */
type PlaceHit = { key: string; town: boolean; name?: string };

export interface PlaceMention {
  /** The key in data/places.yaml: the county itself, or the county a town is in. */
  key: string;
  /** The words as typed (normalised), e.g. "peterborough" or "herts". */
  said: string;
  /** Named as a town or district of `key`, rather than as the county or force. */
  town: boolean;
  /** A town's name as data/places.yaml lists it ("colchester"), however it was typed ("colchster"). */
  name?: string;
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
const LETTER = /\p{L}/u;

export interface PlaceFinderOptions {
  /** Words the bot uses in other senses ("deal" in "deal lines"): a town of that name needs "in", "at", "from"... before it. */
  commonWords?: ReadonlySet<string>;
  /** Words that are never a misspelt place, county or town: greetings, thanks and polite words ("sorry" is no Surrey). */
  plainWords?: ReadonlySet<string>;
  /** Month names (data/lang/en.yaml's `words.months`): times, never towns (March is also a town in Cambridgeshire). */
  months?: readonly string[];
  /** Words of the figures (data/metrics.yaml): a short town right next to one is a place ("ely arrests"), unless the examples use its name in another sense. */
  figureWords?: ReadonlySet<string>;
  /** Where someone says they are (`lives_in`: "live in", "im from"), and words for the asker (`asker`: "i", "we"): a town that is also a month is a place after "i live in". */
  livesIn?: { phrases: readonly string[]; asker: readonly string[] };
}

/**
 * Recognises counties by name, alias or abbreviation, and towns and districts listed under a region county;
 * each also misspelt (esex, colchster, kolchester: see ./spelling.ts) or with the spaces wrong ("hert ford
 * shire", "nor folk"). Names under five letters (beds) must be exact, because near-misses of short words are
 * usually other words (hers, went); so must towns that are everyday words (deal, march, ware).
 */
export function createPlaceFinder(places: ReadonlyMap<string, Place>, options: PlaceFinderOptions = {}): PlaceFinder {
  const MONTHS = new Set(options.months);
  const phrases = new Map<string, PlaceHit>(); // "essex police" → essex
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
      phrases.set(t, { key, town: true, name: town });
      if (!t.includes(' ') && (t.length <= SHORT_TOWN || options.commonWords?.has(t))) guarded.add(t);
    }
  }
  const index = createPhraseIndex(phrases);
  const ambiguousIndex = createPhraseIndex(ambiguous);
  const livesIn = createPhraseIndex((options.livesIn?.phrases ?? []).map((p) => [p, p] as const));
  const asker = new Set(options.livesIn?.asker.map(normalise));
  // Names as typed with the spaces left out or put in ("hert ford shire", "nor folk"), and names near enough
  // to be misspelt (colchster, peterbrough, kolchester), by the one spelling rule of ./spelling.ts. Town names
  // that need a preposition, and everyday words, are never read past a misspelling.
  const joined = new Map<string, PlaceHit>();
  const misspellable = new Map<string, PlaceHit>();
  for (const [name, hit] of phrases) {
    // A county's own names (beds, cambs) stay: only a town that is also an everyday word (deal) is never misread.
    if (guarded.has(name) || (options.commonWords?.has(name) && hit.town)) continue;
    joined.set(name.replace(/ /g, ''), hit);
    // County names from five letters (esex); other names from six, since short aliases are near everyday words (lincs, lines).
    if (name.length >= (fullNames.some((f) => f.word === name) ? MIN_LENGTH : MIN_LENGTH + 1)) misspellable.set(name, hit);
  }
  const candidates = createNameIndex(misspellable.keys());
  const joinedLengths = new Set([...joined.keys()].map((name) => name.length));
  // What a name typed in pieces starts with: a span is joined up and looked up only when its first word is one of these.
  const joinedStarts = new Set([...joined.keys()].flatMap((name) => Array.from({ length: name.length }, (_, n) => name.slice(0, n + 1))));
  // Shorter names are too near everyday words to read past a misspelling, but a letter typed twice is safe (kentt,
  // lutton), and so is one letter that leaves the sound the same (bedz, harts).
  const short = new Map([...joined].filter(([name]) => name.length >= MIN_LENGTH - 1 && !misspellable.has(name)));
  // The short names of one word, by length: a typed word is only compared with names one letter longer or as long.
  const shortByLength = new Map<number, string[]>();
  for (const name of short.keys()) if (!name.includes(' ')) shortByLength.set(name.length, [...(shortByLength.get(name.length) ?? []), name]);
  const shortOf = (length: number): readonly string[] => shortByLength.get(length) ?? [];
  const skeletons = placeSkeletons([...joined.keys()], options.commonWords ?? new Set());
  const fuzzyCache = new Map<string, PlaceHit | null>();

  const fuzzy = (typed: string): PlaceHit | undefined => {
    if (options.plainWords?.has(typed)) return undefined;
    const unvowelled = options.commonWords?.has(typed) ? undefined : skeletons.get(typed);
    if (unvowelled) return joined.get(unvowelled);
    if (typed.length < MIN_LENGTH - 1) return undefined;
    const cached = fuzzyCache.get(typed);
    if (cached !== undefined) return cached ?? undefined;
    let found: PlaceHit | null = null;
    // A prefix of a long county name (cambridge, hertford) is taken as the county.
    const prefixed = typed.length >= 7 && !typed.includes(' ') ? fullNames.find(({ word }) => word.length > typed.length && word.startsWith(typed)) : undefined;
    const once =
      [...typed].flatMap((c, i) => (c === typed[i - 1] ? [typed.slice(0, i) + typed.slice(i + 1)] : [])).find((w) => short.has(w)) ??
      // Or one letter left out where the name sounds the same (lutn), in a word the examples do not use.
      (options.commonWords?.has(typed) ? undefined : shortOf(typed.length + 1).find((name) => lettersLeftOut(typed, name) && soundAlike(typed, name))) ??
      // Or one letter changed where the name sounds the same (bedz, harts), in a word the examples do not use.
      (options.commonWords?.has(typed) ? undefined : shortOf(typed.length).find((name) => oneLetterChanged(typed, name) && soundAlike(typed, name)));
    // A name with the possessive s and no apostrophe ("kents arrests", as "kent's" is read): the name.
    const possessive = typed.endsWith('s') ? joined.get(typed.slice(0, -1)) : undefined;
    if (prefixed) found = { key: prefixed.key, town: false };
    else if (possessive) found = possessive;
    else if (once) found = short.get(once)!;
    else {
      const near = nearest(typed, candidates(typed).filter((n) => !n.includes(' ')));
      // A word the examples use in another sense is no misspelt town, though it may be a misspelt county (norfok).
      const hit = near === undefined ? undefined : misspellable.get(near)!;
      if (hit && (!options.commonWords?.has(typed) || !hit.town)) found = hit;
    }
    if (fuzzyCache.size > 20_000) fuzzyCache.clear();
    fuzzyCache.set(typed, found);
    return found ?? undefined;
  };

  /**
   * A short name typed with the key beside one of its letters ("kenr"), only where the message shows a place is
   * meant: one key off a short name is often an everyday word ("i lent him money").
   */
  const slipped = (tokens: readonly string[], i: number): PlaceHit | undefined => {
    const typed = tokens[i]!;
    if (typed.length < MIN_LENGTH - 1 || options.commonWords?.has(typed)) return undefined;
    const name = shortOf(typed.length).find((n) => keySlip(typed, n));
    return name !== undefined && placeCue(tokens, i, typed) ? short.get(name) : undefined;
  };

  /**
   * A place named at `i` with the spaces wrong or misspelt: the longest span of up to three words that makes
   * one. A span of several words is read word by word ("bury st edmonds"), so everyday words are never read
   * as part of a name ("the most" is not "the met").
   */
  const unusual = (tokens: readonly string[], i: number): { hit: PlaceHit; length: number } | undefined => {
    // A word without a letter (a number, a sign) starts no name, however the name is misspelt.
    if (!LETTER.test(tokens[i]!)) return undefined;
    // Letters typed apart ("e s s e x") make longer spans; names typed in pieces make up to three.
    let letters = i;
    while (letters < tokens.length && tokens[letters]!.length === 1) letters++;
    const longest = Math.max(3, letters - i);
    for (let k = Math.min(longest, tokens.length - i); k >= 1; k--) {
      // The span's letters counted first: only a span as long as some name is joined up and looked up.
      let letterCount = 0;
      let marked = false;
      for (let j = i; j < i + k && !marked; j++) {
        marked = tokens[j] === PLACE_TOKEN;
        letterCount += tokens[j]!.length;
      }
      if (marked) continue;
      const together = k > 1 && joinedLengths.has(letterCount) && joinedStarts.has(tokens[i]!) ? joined.get(tokens.slice(i, i + k).join('')) : undefined;
      if (together) return { hit: together, length: k };
      if (k > 3) continue;
      const near = k === 1 ? (fuzzy(tokens[i]!) ?? slipped(tokens, i)) : fuzzyWords(tokens, i, k);
      if (near) return { hit: near, length: k };
    }
    return undefined;
  };

  // Names of several words, by their number of words and first letter: "bury st edmunds" under 3, b.
  const multiWord = new Map<number, Map<string, { parts: string[]; hit: PlaceHit }[]>>();
  for (const [name, hit] of misspellable) {
    const parts = name.split(' ');
    if (parts.length < 2) continue;
    const byLetter = multiWord.get(parts.length) ?? new Map<string, { parts: string[]; hit: PlaceHit }[]>();
    byLetter.set(name[0]!, [...(byLetter.get(name[0]!) ?? []), { parts, hit }]);
    multiWord.set(parts.length, byLetter);
  }

  // The first words of those names: a span is compared with them only when its first word is one of these or near one.
  const firstParts = [...new Set([...multiWord.values()].flatMap((byLetter) => [...byLetter.values()].flatMap((names) => names.map((n) => n.parts[0]!))))];
  const startsCache = new Map<string, boolean>();
  const mayStartName = (typed: string): boolean => {
    let starts = startsCache.get(typed);
    if (starts === undefined) {
      starts = firstParts.some((p) => p === typed || misspelling(typed, p) !== undefined);
      if (startsCache.size > 20_000) startsCache.clear();
      startsCache.set(typed, starts);
    }
    return starts;
  };

  /** A name of several words typed with one or more of them misspelt, each word near its own. */
  const wordsCache = new Map<string, PlaceHit | null>();
  const fuzzyWords = (tokens: readonly string[], i: number, k: number): PlaceHit | undefined => {
    const named = multiWord.get(k)?.get(tokens[i]![0]!);
    if (!named || !mayStartName(tokens[i]!)) return undefined;
    const span = tokens.slice(i, i + k);
    const typed = span.join(' ');
    const cached = wordsCache.get(typed);
    if (cached !== undefined) return cached ?? undefined;
    const found = named.find(({ parts }) => parts.every((p, j) => p === span[j] || misspelling(span[j]!, p) !== undefined) && parts.some((p, j) => p !== span[j]))?.hit;
    if (wordsCache.size > 20_000) wordsCache.clear();
    wordsCache.set(typed, found ?? null);
    return found;
  };

  /**
   * What shows a short town is a place: "in", "at", "from"... before it, or a figure word right next to it ("ely
   * arrests", "arrests ely"), unless the examples use the name in another sense ("deal lines").
   */
  // A short town is a place after "in", "at", "from"...; or, when it is no word the examples use otherwise, next to a
  // figure word ("ely arrests"), or said first in a message that names a figure ("Ely, how many people arrested?").
  const placeCue = (tokens: readonly string[], i: number, town: string) =>
    PLACE_PREPOSITIONS.has(tokens[i - 1] ?? '') ||
    (!options.commonWords?.has(town) &&
      ([tokens[i - 1], tokens[i + 1]].some((t) => t !== undefined && options.figureWords?.has(t)) || (i === 0 && tokens.some((t) => options.figureWords?.has(t)))));

  /** Whether the asker says they are at the words before `i`: "i live in", "we were in", "im from". */
  const saysTheyAreAt = (tokens: readonly string[], i: number) =>
    [2, 3, 4].some((k) => {
      const said = i - k >= 0 ? livesIn.at(tokens, i - k) : undefined;
      return said !== undefined && said.length === k && (asker.has(tokens[i - k]!) || asker.has(tokens[i - k - 1] ?? ''));
    });

  /** An ambiguous town counts when its county is named too, the asker says they are there, or it is written with a capital after "in", "at", "near" or "from". */
  const backedUp = (town: string, county: string, mentions: readonly PlaceMention[], typed: string | undefined, tokens: readonly string[], i: number) =>
    mentions.some((m) => m.key === county) ||
    saysTheyAreAt(tokens, i) ||
    (typed !== undefined && !MONTHS.has(town) && new RegExp(`[^.!?\\s]\\s+(?:in|at|near|from)\\s+${town.split(' ').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('\\s+')}\\b`).test(typed));

  return {
    find(tokens, typed) {
      const found: string[] = [];
      const mentions: PlaceMention[] = [];
      const out: string[] = [];
      for (let i = 0; i < tokens.length; ) {
        let matched = 0;
        let hit: PlaceHit | undefined;
        const listed = index.at(tokens, i);
        if (listed && !(listed.length === 1 && guarded.has(listed.phrase) && !placeCue(tokens, i, listed.phrase))) {
          hit = listed.value;
          matched = listed.length;
        }
        if (!hit) {
          const near = unusual(tokens, i);
          if (near) {
            hit = near.hit;
            matched = near.length;
          }
        }
        if (hit) {
          if (!found.includes(hit.key)) found.push(hit.key);
          mentions.push({ key: hit.key, said: tokens.slice(i, i + matched).join(' '), town: hit.town, ...(hit.name && { name: hit.name }) });
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
          // "kent deal lines": the town's name is the first word of an everyday phrase here, not the town.
          if (!a || options.commonWords?.has(`${a.phrase} ${out[i + a.length] ?? ''}`) || !backedUp(a.phrase, a.value, mentions, typed, out, i)) continue;
          if (!found.includes(a.value)) found.push(a.value);
          mentions.push({ key: a.value, said: a.phrase, town: true });
          out.splice(i, a.length, PLACE_TOKEN);
        }
      }
      return { places: found, mentions, tokens: out };
    },
  };
}

/**
 * Place names typed without their vowels ("cmbrdgshr", "esx", "ltn"), by skeleton, when only one name has it and
 * no word the examples use does ("sry" is sorry, not Surrey).
 */
export function placeSkeletons(names: readonly string[], everyday: ReadonlySet<string>): ReadonlyMap<string, string> {
  const named = new Set(names);
  const taken = new Set([...everyday].filter((w) => !w.includes(' ') && !named.has(w)).flatMap((w) => [skeletonOf(w), singledSkeletonOf(w)]));
  return new Map([...createSkeletonIndex(names)].filter(([skeleton]) => !taken.has(skeleton)));
}
