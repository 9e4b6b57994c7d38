import type { Words } from '../knowledge/language-words.js';
import { phrasesIn } from '../nlu/phrases.js';
import type { Decision } from './types.js';

/** The lists of data/lang/en.yaml's `words:` that the contact rule reads. */
export type ContactWords = Pick<Words, 'contact' | 'contact_who' | 'contact_after' | 'crimestoppers' | 'asks_count'>;

/**
 * "number for essex police", "how do I reach Crimestoppers", "crime stoppers number?": a request for contact
 * numbers, not figures. It needs a contact phrase (`words.contact`) and the police or Crimestoppers
 * (`words.contact_who`) or a place, or one of `words.contact_after` right after the police or Crimestoppers
 * when no figure is named (`namesFigures`);
 * "phone number for my GP" is neither, nor "the number of arrests by essex police". A count asked for (`words.asks_count`)
 * is never a phone number: "how many vulnerable people did police contact in norfolk" asks a figure.
 */
export function contactRule(tokens: readonly string[], namesPlace: boolean, words: ContactWords, namesFigures = false): Decision<boolean> & { crimestoppers?: boolean } {
  // "the crimestoppers number and the number of arrests in kent": a figure named is asked for; the footer has the number.
  const who = namesFigures ? [] : phrasesIn(words.contact_who).all(tokens);
  const after = phrasesIn(words.contact_after);
  const named = who.map((h) => after.at(tokens, h.at + h.length)).find(Boolean);
  const hit = phrasesIn(words.contact).first(tokens) ?? named;
  if (!hit) return { value: false, rule: 'no-contact' };
  if (phrasesIn(words.asks_count).has(tokens)) return { value: false, rule: 'contact-phrase-count-asked' };
  if (!namesPlace && !phrasesIn(words.contact_who).has(tokens)) return { value: false, rule: 'contact-phrase-no-police' };
  return { value: true, rule: `contact-phrase:${hit.phrase}`, ...(phrasesIn(words.crimestoppers).has(tokens) ? { crimestoppers: true } : {}) };
}
