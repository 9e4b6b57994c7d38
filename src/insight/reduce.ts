import { stem } from '../nlu/natural.js';
import { normalise, words } from '../nlu/normalise.js';

/**
 * A message the bot could not answer, reduced before anything of it is kept: what it asked, in the bot's words
 * and everyday words only, with anything that could name or reach a person replaced.
 */
export interface Reduced {
  /** For staff to read: lower case, placeholders for numbers and names, "…" for every other word. */
  shown: string;
  /** The same question however it was worded: its language, then its content words stemmed and sorted. */
  key: string;
}

/** Words a reduced question may keep: the bot's own vocabulary, and an English dictionary. */
export interface KeptWords {
  /** Words of the intents' examples, the places, figures and language files: kept even when capitalised mid-sentence. */
  vocabulary: (word: string) => boolean;
  /** Everyday words: kept in lower case only (a capitalised one mid-sentence is a name). */
  dictionary: (word: string) => boolean;
  /** Words too common to tell questions apart: kept in `shown`, left out of `key`. */
  stopword: (word: string) => boolean;
}

/** The kinds of personal detail replaced, each shown as `{kind}`. */
export type Placeholder = 'email' | 'link' | 'username' | 'phone' | 'number' | 'name';

/** Marks a placeholder so that normalising keeps it as one word. */
const mark = (p: Placeholder) => ` qq${p}qq `;
const MARKED = /^qq([a-z]+)qq$/;

const PATTERNS: readonly (readonly [Placeholder, RegExp])[] = [
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu],
  ['link', /\b(?:https?:\/\/|www\.)\S+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|uk|io|me|info|co)\b\S*/giu],
  ['username', /@[\p{L}\p{N}_]+/gu],
  // Seven or more digits, however they are grouped: +44 7700 900123, 07700-900-123, (01234) 567890.
  ['phone', /\+?\(?\d(?:[\d\s().-]*\d){6,}/g],
  // Any word with a digit in it: an amount, a house number, a postcode (CB1 2AB), a date.
  ['number', /[\p{L}]*\d[\p{L}\p{N}.,:/£$%-]*/gu],
];

/** A capitalised word that starts no sentence: the first letter after a letter, digit or comma and a space. */
const MID_SENTENCE_CAPITAL = /(?<=[\p{L}\p{N},;)]\s+)\p{Lu}[\p{L}'’-]*/gu;

const NAME_GOES_ON = new RegExp(`(${mark('name').trim()})\\s+\\p{Lu}[\\p{L}'’-]*`, 'gu');

/**
 * Replaces what could name or reach someone with placeholders: links, email addresses, @names, phone numbers,
 * any word with a digit, and capitalised words mid-sentence the bot does not know, with any capitalised words after them ("my mate Dave" →
 * "my mate {name}"; "in Essex" stays). Runs on the message as typed, before it is lower-cased.
 */
export function withPlaceholders(text: string, known: (word: string) => boolean): string {
  let out = text;
  for (const [placeholder, pattern] of PATTERNS) out = out.replace(pattern, mark(placeholder));
  out = out.replace(MID_SENTENCE_CAPITAL, (word) => (known(normalise(word)) ? word : mark('name')));
  // A capitalised word right after a name is more of it, known or not: "Larkspur Close", "Quarry Hill", "Dave Price".
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(NAME_GOES_ON, (_, name: string) => name);
  }
  return out;
}

/**
 * Reduces a message that fell back to what can be kept: placeholders for personal details, then every word
 * neither the bot nor the dictionary knows as "…", runs of the same placeholder as one. Undefined when nothing
 * of the question is left to tell it apart (all unknown words).
 */
export function reduceQuestion(text: string, language: string, kept: KeptWords): Reduced | undefined {
  const tokens = words(normalise(withPlaceholders(text, (w) => kept.vocabulary(w) || kept.stopword(w))));
  const shown: string[] = [];
  const content = new Set<string>();
  for (const token of tokens) {
    const placeholder = MARKED.exec(token)?.[1];
    const word = placeholder ? `{${placeholder}}` : kept.vocabulary(token) || kept.dictionary(token) || kept.stopword(token) ? token : '…';
    if (shown.at(-1) === word && (placeholder || word === '…')) continue;
    shown.push(word);
    if (placeholder) content.add(word);
    else if (word !== '…' && !kept.stopword(word)) content.add(stem(word));
  }
  const asked = [...content].filter((w) => !w.startsWith('{'));
  if (asked.length === 0) return undefined;
  return { shown: shown.join(' '), key: `${language} ${[...content].sort().join(' ')}` };
}
