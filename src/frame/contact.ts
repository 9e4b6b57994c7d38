import { phraseSet } from '../nlu/phrases.js';
import type { Decision } from './types.js';
import { CONTACT_PHRASES } from './words.js';

const PHRASES = phraseSet(CONTACT_PHRASES);
/** Who a contact question must be about: the police or Crimestoppers (a place named counts as its force). */
const TARGETS = phraseSet(['police', 'crimestoppers', 'crime stoppers', 'constabulary', 'force', 'ersou', '101', 'cops', 'feds']);

const CRIMESTOPPERS = phraseSet(['crimestoppers', 'crime stoppers']);

/**
 * "number for essex police", "how do I reach Crimestoppers": a request for contact numbers, not figures.
 * It needs a contact phrase and the police, Crimestoppers or a place; "phone number for my GP" is neither.
 */
export function contactRule(tokens: readonly string[], namesPlace: boolean): Decision<boolean> & { crimestoppers?: boolean } {
  const hit = PHRASES.first(tokens);
  if (!hit) return { value: false, rule: 'no-contact' };
  if (!namesPlace && !TARGETS.has(tokens)) return { value: false, rule: 'contact-phrase-no-police' };
  return { value: true, rule: `contact-phrase:${hit.phrase}`, ...(CRIMESTOPPERS.has(tokens) ? { crimestoppers: true } : {}) };
}
