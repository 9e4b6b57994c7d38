import type { Decision } from './types.js';

/** The words of the danger check, from the emergency intent file (`danger_check:`). */
export interface DangerWords {
  /** Harm happening to someone: stabbed, attacked, bleeding. */
  harm: readonly string[];
  /** Weapons: only danger when they are here ("outside my house"). */
  weapons: readonly string[];
  /** Now: right now, tonight, as we speak. */
  now: readonly string[];
  /** Here: outside, my door, next door. */
  here: readonly string[];
}

const has = (padded: string, phrases: readonly string[]) => phrases.some((p) => padded.includes(` ${p} `));

/**
 * The emergency rule: a trigger phrase, or harm happening now or here, or a weapon here. It never
 * looks at the classifier, so no number of examples under another intent can outrank it.
 */
export function emergencyRule(padded: string, triggers: readonly string[], words: DangerWords | undefined): Decision<boolean> {
  if (has(padded, triggers)) return { value: true, rule: 'emergency-trigger' };
  if (!words) return { value: false, rule: 'no-danger' };
  const harm = has(padded, words.harm);
  const here = has(padded, words.here);
  if ((harm && (here || has(padded, words.now))) || (here && has(padded, words.weapons))) return { value: true, rule: 'danger-check' };
  return { value: false, rule: 'no-danger' };
}
