import { createPhraseIndex, phraseSet, type PhraseIndex } from '../nlu/phrases.js';
import type { Decision } from './types.js';

/** The words of the danger check, from the emergency intent file (`danger_check:`). */
export interface DangerWords {
  /** Harm happening to someone: stabbed, attacked, bleeding. */
  harm: readonly string[];
  /** Weapons: only danger when they are here ("outside my house"). */
  weapons: readonly string[];
  /** Now: right now, tonight, as we speak. */
  now: readonly string[];
  /** Here: outside my house, my door, next door. */
  here: readonly string[];
  /** Held against their will: locked in, not allowed to leave. One is enough. */
  held?: readonly string[];
}

/** The emergency rule's phrases, indexed once. */
export interface DangerCheck {
  /** Trigger phrase → the danger intent it belongs to. */
  triggers: PhraseIndex<string>;
  harm: PhraseIndex<string>;
  weapons: PhraseIndex<string>;
  now: PhraseIndex<string>;
  here: PhraseIndex<string>;
  held: PhraseIndex<string>;
}

/** Indexes the danger intents' trigger phrases (with the intent each belongs to) and the danger-check words. */
export function createDangerCheck(triggers: readonly (readonly [phrase: string, intent: string])[], words: DangerWords | undefined): DangerCheck {
  return {
    triggers: createPhraseIndex(triggers),
    harm: phraseSet(words?.harm ?? []),
    weapons: phraseSet(words?.weapons ?? []),
    now: phraseSet(words?.now ?? []),
    here: phraseSet(words?.here ?? []),
    held: phraseSet(words?.held ?? []),
  };
}

/**
 * The emergency rule: a trigger phrase, or someone held against their will, or harm happening now or
 * here, or a weapon here. It never
 * looks at the classifier, so no number of examples under another intent can outrank it.
 */
export function emergencyRule(tokens: readonly string[], check: DangerCheck): Decision<boolean> & { intent?: string } {
  const trigger = check.triggers.first(tokens);
  if (trigger) return { value: true, rule: `emergency-trigger:${trigger.phrase}`, intent: trigger.value };
  const held = check.held.first(tokens);
  if (held) return { value: true, rule: `danger-check:held:${held.phrase}` };
  const here = check.here.has(tokens);
  if ((here || check.now.has(tokens)) && check.harm.has(tokens)) return { value: true, rule: 'danger-check:harm' };
  if (here && check.weapons.has(tokens)) return { value: true, rule: 'danger-check:weapon-here' };
  return { value: false, rule: 'no-danger' };
}
