/** Longest message the matcher reads; the rest of a very long message is ignored. */
export const MAX_MATCH_CHARS = 1000;

const HTML_TAG = /<\/?[a-z][^>]*>/gi;
const HTML_ENTITY = /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi;
// Line breaks, tabs and other control characters separate words; invisible format characters join them.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;
const APOSTROPHE = /['’‘`´]/g;
const PERCENT = /%/g;
// Marks stay with their letters: Bengali and Devanagari vowel signs are part of the word.
const NOT_WORD = /[^\p{L}\p{M}\p{N}&+]+/gu;
// "&" and "+" are words of their own ("kent+essex", "arrests & knives"): the language file says what they join.
const JOINING_SIGN = /\s*([&+])\s*/g;

/**
 * Text that is already lower-case words (letters of any script with their marks, and digits) separated by single
 * spaces: nothing for the steps below to change, once it is in its compatibility form. Most listed words are.
 */
const ALREADY_WORDS = /^[\p{Ll}\p{Lo}\p{M}\p{Nd}]+(?: [\p{Ll}\p{Lo}\p{M}\p{Nd}]+)*$/u;

/**
 * Reduces a message to lower-case words separated by single spaces: strips HTML, emoji,
 * punctuation and invisible characters, and joins contractions (what's → whats). The signs "&" and "+" stay, as words.
 */
export function normalise(text: string): string {
  if (text.length <= MAX_MATCH_CHARS && ALREADY_WORDS.test(text) && text.normalize('NFKC') === text) return text;
  return text
    .slice(0, MAX_MATCH_CHARS)
    .normalize('NFKC')
    .replace(HTML_TAG, ' ')
    .replace(HTML_ENTITY, ' ')
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(APOSTROPHE, '')
    .replace(PERCENT, ' percent ')
    .replace(NOT_WORD, ' ')
    .replace(JOINING_SIGN, ' $1 ')
    .trim();
}

/** Splits a normalised message into words. */
export function words(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}
