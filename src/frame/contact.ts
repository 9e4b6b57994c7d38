import type { Decision } from './types.js';
import { CONTACT_PHRASES } from './words.js';

/** Who a contact question must be about: the police or Crimestoppers (a place named counts as its force). */
const CONTACT_TARGETS = [' police ', ' crimestoppers ', ' crime stoppers ', ' constabulary ', ' force ', ' ersou ', ' 101 ', ' cops ', ' feds '];

/**
 * "number for essex police", "how do I reach Crimestoppers": a request for contact numbers, not figures.
 * It needs a contact phrase and the police, Crimestoppers or a place; "phone number for my GP" is neither.
 */
export function contactRule(padded: string, namesPlace: boolean, phrases: readonly string[] = CONTACT_PHRASES): Decision<boolean> {
  const hit = phrases.find((p) => padded.includes(` ${p} `));
  if (!hit) return { value: false, rule: 'no-contact' };
  if (!namesPlace && !CONTACT_TARGETS.some((t) => padded.includes(t))) return { value: false, rule: 'contact-phrase-no-police' };
  return { value: true, rule: `contact-phrase:${hit}` };
}
