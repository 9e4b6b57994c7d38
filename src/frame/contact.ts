import type { Words } from '../knowledge/language-words.js';
import { phrasesIn } from '../nlu/phrases.js';
import type { Decision } from './types.js';

/** The lists of data/lang/en.yaml's `words:` that the contact rule reads. */
export type ContactWords = Pick<Words, 'contact' | 'contact_who' | 'crimestoppers'>;

/**
 * "number for essex police", "how do I reach Crimestoppers": a request for contact numbers, not figures.
 * It needs a contact phrase (`words.contact`) and the police or Crimestoppers (`words.contact_who`) or a
 * place; "phone number for my GP" is neither.
 */
export function contactRule(tokens: readonly string[], namesPlace: boolean, words: ContactWords): Decision<boolean> & { crimestoppers?: boolean } {
  const hit = phrasesIn(words.contact).first(tokens);
  if (!hit) return { value: false, rule: 'no-contact' };
  if (!namesPlace && !phrasesIn(words.contact_who).has(tokens)) return { value: false, rule: 'contact-phrase-no-police' };
  return { value: true, rule: `contact-phrase:${hit.phrase}`, ...(phrasesIn(words.crimestoppers).has(tokens) ? { crimestoppers: true } : {}) };
}
