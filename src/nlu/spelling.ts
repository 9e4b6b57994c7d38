import { soundOf } from './natural.js';

/**
 * One spelling mechanism for every name and word the bot knows (places, towns, figure words, the words of
 * the examples): a typed word is taken as a known one when it is a few edits away (a swap of two letters is
 * one edit), or sounds the same (Double Metaphone) and is a little further. Short words are left alone,
 * since one letter turns a short word into another real word (tall, tell); words of four letters are only
 * read past a swap of two letters (dael → deal), or, for a word of the bot's subject, a letter that leaves the
 * sound the same (deel → deal, bedz → beds) or is the key beside the right one (kenr → kent).
 */

/** Words shorter than this are never corrected, beyond a swap of two letters or one letter left out in a word of this length less one. */
export const MIN_LENGTH = 5;

/** The edits allowed between a typed word and a known one of that length: one up to six letters, two from seven. */
export function editsAllowed(length: number): number {
  return length >= 7 ? 2 : length >= MIN_LENGTH ? 1 : 0;
}

/** Whether two words share a Double Metaphone code (nifes and knives; kolchester and colchester). */
export function soundAlike(a: string, b: string): boolean {
  const sa = soundOf(a);
  return soundOf(b).some((code) => code.length >= 2 && sa.includes(code));
}

/**
 * How far a typed word is from a known one, or undefined when it is too far to be a misspelling of it:
 * within {@link editsAllowed}, or one edit more when they sound alike. A four-letter word may only have two
 * neighbouring letters swapped.
 */
export function misspelling(typed: string, known: string, topic = false): number | undefined {
  if (typed === known) return 0;
  // A letter typed twice (kentt, lutton, essexx): one edit, whatever the length.
  if (typed.length === known.length + 1 && typed.length >= MIN_LENGTH - 1 && doubledOnce(typed, known)) return 1;
  const longer = Math.max(typed.length, known.length);
  if (typed.length < MIN_LENGTH - 1 || known.length < MIN_LENGTH - 1) return undefined;
  // Vowels and silent letters left out, the sound kept, as people text: "nikd" for nicked, "wrkd" for worked.
  if (typed[0] === known[0] && known.length - typed.length >= 2 && lettersLeftOut(typed, known) && soundAlike(typed, known)) return known.length - typed.length;
  // A four-letter word: two letters swapped (dael → deal), or, for a word of the bot's subject (`topic`: a place or
  // a figure word), one letter changed where the words sound the same (deel → deal, bedz → beds). For other words
  // that is too often another word (tall, tell; ward, word; same, some).
  if (known.length === MIN_LENGTH - 1) return typed.length === known.length && (swapOfTwo(typed, known) || (topic && (keySlip(typed, known) || (oneLetterChanged(typed, known) && soundAlike(typed, known))))) ? 1 : undefined;
  // A four-letter word typed for a longer one: one letter left out, sounding the same (lins → lines, esex → essex; not hers → herts).
  if (typed.length === MIN_LENGTH - 1) return typed[0] === known[0] && known.length === typed.length + 1 && editsWithin(typed, known, 1) === 1 && soundAlike(typed, known) ? 1 : undefined;
  // Lengths too far apart for the edits allowed: nothing else need be worked out.
  const allowed = editsAllowed(typed.length);
  if (Math.abs(typed.length - known.length) > allowed + 1 || longer > 40) return undefined;
  // A different first letter only when the words sound alike, in its place or a silent first letter left out
  // (kolchester for colchester, nifes for knives), or the key beside it (wssex for essex); never a letter put
  // before a name (wessex is not essex).
  if (typed[0] !== known[0] && !keySlip(typed, known) && !((typed.length === known.length || known.startsWith(typed[0]!, 1)) && soundAlike(typed, known))) return undefined;
  if (lettersApart(typed, known) > allowed + 1) return undefined;
  const d = editsWithin(typed, known, allowed + 1);
  if (d <= allowed) return d;
  return d <= allowed + 1 && soundAlike(typed, known) ? d : undefined;
}

/** Whether `typed` is `known` with one letter typed twice (kentt, lutton): a letter the same as the one before it, left out, gives `known`. */
export function doubledOnce(typed: string, known: string): boolean {
  if (typed.length !== known.length + 1) return false;
  // The typed word and the known one agree up to the first place they differ; the doubled letter is at or before it.
  let same = 0;
  while (same < known.length && typed.charCodeAt(same) === known.charCodeAt(same)) same++;
  // Left out at `same`, the rest must agree, one place on; and the letter left out must repeat the one before it (at
  // `same` or, where a run ends there, earlier in the same run: either way the letter at `same` equals the one before).
  if (same === 0 || typed.charCodeAt(same) !== typed.charCodeAt(same - 1)) return false;
  for (let j = same; j < known.length; j++) if (typed.charCodeAt(j + 1) !== known.charCodeAt(j)) return false;
  return true;
}

/** Rows of the distance table, kept between calls: three are needed at a time, and words are short. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * The edit distance between two words, a swap of two neighbouring letters counting as one edit (the restricted
 * Damerau-Levenshtein distance, natural's with `restricted: true`), when it is at most `max`; otherwise `max + 1`.
 * Misspellings are a few edits at most, so the table is worked out row by row and left as soon as a whole row is
 * further than `max`: a swap reaches back two rows, but a row further than `max` keeps every later one further too.
 */
export function editsWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const m = b.length;
  if (Math.abs(a.length - m) > max) return max + 1;
  if (rows[0]!.length <= m) rows = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  let [before, last, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= m; j++) last[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(last[j]! + 1, row[j - 1]! + 1, last[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2]! + 1);
      row[j] = d;
      if (d < least) least = d;
    }
    if (least > max) return max + 1;
    const spare = before;
    before = last;
    last = row;
    row = spare;
  }
  return Math.min(last[m]!, max + 1);
}

const counts = new Int32Array(65536);
/**
 * A cheap lower bound of the edit distance: letters of one word the other lacks (counting repeats). Words
 * further apart than a misspelling allows are set aside before the full distance is worked out.
 */
export function lettersApart(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i)]!++;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i)]!--;
  let extraA = 0;
  let extraB = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (counts[c]! > 0) extraA += counts[c]!;
    counts[c] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (counts[c]! < 0) extraB -= counts[c]!;
    counts[c] = 0;
  }
  return Math.max(extraA, extraB);
}

/** Two words of one length the same but for one letter (deel, deal; bedz, beds). */
export function oneLetterChanged(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** The letter rows of a phone's keyboard, each offset half a key from the one above: the layout every Latin-script language of the region types on. */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Each letter's neighbours on the keyboard: beside it on its row, and the two it sits between on the rows above and below. */
const KEY_NEIGHBOURS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  KEY_ROWS.flatMap((row, r) =>
    [...row].map((key, i) => {
      const beside = [row[i - 1], row[i + 1]];
      const above = [KEY_ROWS[r - 1]?.[i], KEY_ROWS[r - 1]?.[i + 1]];
      const below = [KEY_ROWS[r + 1]?.[i - 1], KEY_ROWS[r + 1]?.[i]];
      return [key, new Set([...beside, ...above, ...below].filter((k): k is string => k !== undefined))] as const;
    }),
  ),
);

/** Two words of one length the same but for one letter, typed with the key next to the right one (kenr, kent; wssex, essex; casg, cash). */
export function keySlip(typed: string, known: string): boolean {
  if (typed.length !== known.length) return false;
  let at = -1;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === known[i]) continue;
    if (at >= 0) return false;
    at = i;
  }
  return at >= 0 && (KEY_NEIGHBOURS.get(known[at]!)?.has(typed[at]!) ?? false);
}

/** Two words the same but for two neighbouring letters swapped (dael, deal). */
function swapOfTwo(a: string, b: string): boolean {
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/**
 * The known word nearest a typed one, if any is near enough. Between two as near, the one the typed word
 * only leaves letters out of wins (mony → money, not many: letters are dropped more often than mistyped);
 * other ties go to the first listed.
 */
export function nearest(typed: string, candidates: Iterable<string>, isTopic: (w: string) => boolean = () => false): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = misspelling(typed, c, isTopic(c));
    if (d === undefined) continue;
    if (d < bestDistance || (d === bestDistance && !lettersLeftOut(typed, best!) && lettersLeftOut(typed, c))) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Whether `typed` is `known` with letters left out, in order (mony of money). */
export function lettersLeftOut(typed: string, known: string): boolean {
  if (typed.length >= known.length) return false;
  let i = 0;
  for (const c of known) if (c === typed[i]) i++;
  return i === typed.length;
}

/** Longest word a run-together word is split into; words of that many letters are rare. */
const MAX_PIECE = 16;
/** Words run together shorter than this are left alone ("into"); "inkent" is split, on a place name. */
const MIN_JOINED = 5;

/**
 * Splits a word typed without spaces into known words ("arrestsinessex" → arrests in essex,
 * "deallines" → deal lines), using as few words as it can; undefined when it cannot be split into known
 * words of two letters or more, at least one of them a word of the bot's subject (`isTopic`: a place or a figure).
 * A letter that ends one word and starts the next may be typed once ("dealines" → deal lines).
 */
export function splitJoined(word: string, isKnown: (w: string) => boolean, isTopic: (w: string) => boolean = () => true): string[] | undefined {
  if (word.length < MIN_JOINED || /\d/.test(word)) return undefined;
  // best[i]: the fewest known words that make up word.slice(0, i).
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - MAX_PIECE); start <= end - 2; start++) {
      const head = best[start];
      if (!head) continue;
      const piece = word.slice(start, end);
      // The letter the word before ended with, typed once for both.
      const shared = head.length > 0 && !isKnown(piece) ? word[start - 1]! + piece : undefined;
      const read = isKnown(piece) ? piece : shared !== undefined && isKnown(shared) ? shared : undefined;
      if (read === undefined) continue;
      if (!best[end] || head.length + 1 < best[end]!.length) best[end] = [...head, read];
    }
  }
  const split = best[word.length];
  // Only a split that finds a word of the bot's subject counts: "together" is not "to get her".
  return split && split.length > 1 && split.some(isTopic) ? split : undefined;
}

/** The shortest word typed without its vowels that is read as a known word ("ppl", "mch"); two letters say too little. */
export const MIN_SKELETON = 3;

const VOWELS = /[aeiou]/g;

/** A word's first letter and its other letters but the vowels: "county" → "cnty", "people" → "ppl". */
export function skeletonOf(word: string): string {
  return word[0] + word.slice(1).replace(VOWELS, '');
}

/** The skeleton with a letter typed twice written once, as people text it: "arrests" → "arsts", "essex" → "esx". */
export function singledSkeletonOf(word: string): string {
  return skeletonOf(word).replace(/(.)\1+/g, '$1');
}

/**
 * Words typed without their vowels, as people text ("cnty", "mch", "nmbr", "arsts"): a typed word with no vowel
 * after its first letter is the known word with that skeleton, its double letters typed or not, when only one
 * has it (or only one word of the bot's subject).
 */
export function createSkeletonIndex(known: Iterable<string>, isTopic: (w: string) => boolean = () => false): ReadonlyMap<string, string> {
  const bySkeleton = new Map<string, string[]>();
  for (const w of known) {
    if (w.length <= MIN_SKELETON || !/^\p{Ll}+$/u.test(w)) continue;
    for (const key of new Set([skeletonOf(w), singledSkeletonOf(w)])) {
      if (key === w || key.length < MIN_SKELETON) continue;
      const listed = bySkeleton.get(key);
      if (listed) listed.push(w);
      else bySkeleton.set(key, [w]);
    }
  }
  const index = new Map<string, string>();
  for (const [key, words] of bySkeleton) {
    const topic = words.filter(isTopic);
    const only = words.length === 1 ? words[0] : topic.length === 1 ? topic[0] : undefined;
    if (only) index.set(key, only);
  }
  return index;
}

/**
 * Corrects a misspelt word to the nearest word the bot was trained on (arests → arrests, nifes → knives).
 * Known words, words with digits and short words pass through.
 */
export function createSpeller(vocabulary: Iterable<string>, isTopic: (w: string) => boolean = () => false) {
  const known = new Set(vocabulary);
  const lookup = createNameIndex([...known].filter((w) => w.length >= MIN_LENGTH - 1));
  const skeletons = createSkeletonIndex(known, isTopic);
  const cache = new Map<string, string>();

  return (word: string): string => {
    if (known.has(word) || /\d/.test(word)) return word;
    if (word.length < MIN_LENGTH - 1) return (word.length >= MIN_SKELETON && skeletons.get(word)) || word;
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const best = skeletons.get(word) ?? nearest(word, lookup(word), isTopic) ?? word;
    if (cache.size > 10000) cache.clear();
    cache.set(word, best);
    return best;
  };
}

/**
 * The known words worth comparing a typed word with: those with its first letter, those sharing a sound
 * code with it, and those the same after the first letter (wssex, essex: the first key slipped). Comparing
 * with every word would be slow and would find far-fetched matches.
 */
export function createNameIndex(names: Iterable<string>): (typed: string) => string[] {
  const byFirst = new Map<string, string[]>();
  const bySound = new Map<string, string[]>();
  const byRest = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, name: string) => {
    const listed = map.get(key);
    if (listed) listed.push(name);
    else map.set(key, [name]);
  };
  for (const name of names) {
    add(byFirst, name[0]!, name);
    add(byRest, name.slice(1), name);
    for (const code of soundOf(name.replace(/ /g, ''))) if (code.length >= 2) add(bySound, code, name);
  }
  return (typed) => [...new Set([...(byFirst.get(typed[0]!) ?? []), ...soundOf(typed).flatMap((c) => bySound.get(c) ?? []), ...(byRest.get(typed.slice(1)) ?? [])])];
}
