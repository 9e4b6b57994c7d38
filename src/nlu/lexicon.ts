import { fold, foldListed } from './word-lists.js';
import { normalise, words } from './normalise.js';

/** Rewrites slang and short forms to plain words, longest phrase first ("old bill" → police). */
export function createLexicon(typedToPlain: ReadonlyMap<string, string>) {
  const phrases = new Map<string, string[]>();
  for (const [typed, plain] of typedToPlain) phrases.set(normalise(typed), words(normalise(plain)));
  const longest = Math.max(1, ...[...phrases.keys()].map((p) => words(p).length));
  // The first words of phrases of several words: only there is a longer phrase looked for.
  const starts = new Set([...phrases.keys()].filter((p) => p.includes(' ')).map((p) => words(p)[0]!));

  return (tokens: readonly string[]): string[] => {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      let n = starts.has(tokens[i]!) ? Math.min(longest, tokens.length - i) : 1;
      for (; n >= 1; n--) {
        const plain = phrases.get(n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' '));
        if (plain) {
          out.push(...plain);
          break;
        }
      }
      if (n >= 1) i += n;
      else out.push(tokens[i++]!);
    }
    return out;
  };
}

const folded = new WeakMap<ReadonlyMap<string, string>, ReadonlyMap<string, string>>();

/** A lexicon's forms with their marks folded away ("osób" → "osob"), each with its English; worked out once per lexicon. */
export function foldedForms(readAs: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  let forms = folded.get(readAs);
  if (!forms) {
    const made = new Map<string, string>();
    for (const [form, english] of readAs) made.set(foldListed(form), english);
    folded.set(readAs, (forms = made));
  }
  return forms;
}

/** Where a message's clauses and parts end: kept as typed, so the English reads in the same parts. */
const BOUNDARY = /([.!?;:,\n…؟।۔]+)/u;

/**
 * Reads a message in another language as English, word by word, with that language's lexicon (data/lang/,
 * `lexicon:` and `skip:`): the longest phrase listed first, marks folded away on both sides ("osób" and "osob"
 * are one word), skipped words dropped, and a word not listed kept as typed (a place, a number, an English word).
 * Punctuation stays where it was, so "cześć, ile... sorry english." keeps its clauses. A word neither listed nor
 * kept (`keep`: known to the bot in English, a place however spelt, a number) is a word of the language the
 * lexicon does not know yet: it is dropped, so that it does not count as a word the bot failed to understand, while
 * the lexicon reads most of the message. A word in a form the lexicon does not list is first read by its stem
 * ({@link createInflectionReader}): "skazanych" as the "skazani" listed, "lutone" as Luton.
 */
export function createLanguageReader(readAs: ReadonlyMap<string, string>, keep: (word: string) => boolean = () => true, endings: readonly string[] = []): (text: string) => string {
  const typed = foldedForms(readAs);
  const translate = createLexicon(typed);
  const inflected = createInflectionReader(typed, keep, endings);
  // A word the lexicon does not list is kept only when `keep` says it means something in English (a place, a number).
  const known = (w: string) => typed.has(w) || keep(w);
  return (text) => {
    // A word in a phrase the lexicon lists is left as typed ("dzien dobry": "dobry" is no form of "dobre" there).
    const parts = text.split(BOUNDARY).map((part, i) => (i % 2 === 1 ? part : words(fold(part)).map((w, j, all) => (phraseAround(typed, all, j) ? w : inflected(w)))));
    const all = parts.filter((_, i) => i % 2 === 0).flat() as string[];
    const unread = all.filter((w, j) => !known(w) && !phraseAround(typed, all, j)).length;
    // Dropped only while most of the message is read: from scraps ("…, scared they there dealing") the bot would
    // guess; a message it mostly can't read keeps its words, so that it is seen as not understood.
    const drop = unread <= all.length * MOST_UNREAD;
    return parts
      .map((part, i) => (typeof part === 'string' ? part : translate(drop ? part.filter((w, j) => known(w) || phraseAround(typed, part, j)) : part).join(' ')))
      .join(' ')
      .replace(/ +/g, ' ')
      .trim();
  };
}

/** The fewest letters a stem keeps once an ending is cut: shorter stems match too many words. */
export const MIN_STEM = 4;

/**
 * A word's stems, longest first: the word with each of its language's endings cut (`endings:` in data/lang/),
 * as long as at least {@link MIN_STEM} letters are left ("zatrzymanych" → "zatrzyman", with "ych"). The word
 * itself is not among them.
 */
export function stemsOf(word: string, endings: readonly string[]): string[] {
  const out: string[] = [];
  for (const e of endings) {
    if (e.length > 0 && word.endsWith(e) && [...word].length - [...e].length >= MIN_STEM) out.push(word.slice(0, -e.length));
  }
  return out.sort((a, b) => b.length - a.length);
}

/**
 * Reads a word in a form the lexicon does not list as the form it does list with the same stem, so that a language
 * is read through its endings, not a list of every case of every word. The lexicon's one-word forms are indexed by
 * themselves and each of their stems; a stem that forms of two different English words share is no one's. A word
 * whose stem `keep`s (a place with a case ending: "lutone", "essexu") becomes that stem. Any other word is returned
 * as it is.
 */
export function createInflectionReader(typed: ReadonlyMap<string, string>, keep: (word: string) => boolean, endings: readonly string[]): (word: string) => string {
  if (endings.length === 0) return (w) => w;
  const cuts = [...new Set(endings.map((e) => fold(e)))];
  const byStem = new Map<string, string | null>();
  for (const [form, english] of typed) {
    if (form.includes(' ')) continue;
    for (const stem of [form, ...stemsOf(form, cuts)]) {
      const before = byStem.get(stem);
      if (before === undefined) byStem.set(stem, form);
      else if (before !== null && typed.get(before) !== english) byStem.set(stem, null);
    }
  }
  return (w) => {
    if (typed.has(w) || keep(w)) return w;
    for (const stem of stemsOf(w, cuts)) {
      const form = byStem.get(stem);
      if (form) return form;
      if (form === undefined && keep(stem)) return stem;
    }
    return w;
  };
}

/** The share of a message's words its lexicon may leave unread and still drop them. */
const MOST_UNREAD = 0.4;


/** Whether a word is inside a phrase of the lexicon (of up to four words) as the message has it. */
function phraseAround(typed: ReadonlyMap<string, string>, all: readonly string[], j: number): boolean {
  for (let start = Math.max(0, j - 3); start <= j; start++) {
    for (let end = j + 1; end <= Math.min(all.length, start + 4); end++) if (end - start > 1 && typed.has(all.slice(start, end).join(' '))) return true;
  }
  return false;
}
