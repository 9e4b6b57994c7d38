/** Three or more of the same letter in a row: the "sss" of "knivesss". */
const RUN = /(\p{L})\1{2,}/gu;
const ANY_TRIPLE = /(.)\1\1/;

/** Above this many stretched runs in one word, every run is cut to one letter rather than trying each way. */
const MAX_RUNS = 5;

/**
 * Undoes letters held down for emphasis: "knivesss" → "knives", "pleeease" → "please", "soooo" → "so".
 * Each run of three or more of the same letter is tried cut to two and to one letter, and the first
 * spelling `isKnown` accepts wins, keeping as many letters as possible ("gooood" → "good" before "god").
 * When none is known every run is cut to one letter. Real double letters (arrests, essex) are never
 * touched, nor digits (1000), nor a word that is known as it is or is one letter repeated (zzz, xxx).
 */
export function collapseRepeats(word: string, isKnown: (w: string) => boolean): string {
  if (!ANY_TRIPLE.test(word)) return word; // the common case, checked cheaply
  const runs = [...word.matchAll(RUN)];
  if (runs.length === 0 || isKnown(word) || runs[0]![0].length === word.length) return word;
  if (runs.length > MAX_RUNS) return word.replace(RUN, '$1');
  // Bit k of `mask` set: run k is cut to one letter, else to two. Fewer bits set = more letters kept.
  const masks = Array.from({ length: 1 << runs.length }, (_, mask) => mask);
  masks.sort((a, b) => bitCount(a) - bitCount(b) || a - b);
  for (const mask of masks) {
    const candidate = rebuild(word, runs, mask);
    if (isKnown(candidate)) return candidate;
  }
  return word.replace(RUN, '$1');
}

function rebuild(word: string, runs: readonly RegExpMatchArray[], mask: number): string {
  let out = '';
  let at = 0;
  runs.forEach((run, k) => {
    out += word.slice(at, run.index) + run[1]!.repeat(mask & (1 << k) ? 1 : 2);
    at = run.index! + run[0].length;
  });
  return out + word.slice(at);
}

function bitCount(n: number): number {
  let count = 0;
  for (; n; n &= n - 1) count++;
  return count;
}

/** Digits typed for the letters they look like: "kniv3s", "e55ex", "4rrests". */
const LOOK_ALIKE: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's' };
const LETTER_AND_DIGIT = /^(?=.*\p{L}.*\p{L})(?=.*[0-9@$])[\p{L}0-9@$]+$/u;

/**
 * Reads a word with digits typed for letters ("kniv3s" → knives, "e55ex" → essex), when the word so read is
 * one `isKnown` accepts. Roads (m11), ordinals (7th), amounts (150k) and other words are left as typed.
 */
export function readLookAlikes(word: string, isKnown: (w: string) => boolean): string {
  if (!LETTER_AND_DIGIT.test(word)) return word;
  const read = word.replace(/[0-9@$]/g, (c) => LOOK_ALIKE[c] ?? c);
  return read !== word && isKnown(read) ? read : word;
}
