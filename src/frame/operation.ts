import { phraseSet } from '../nlu/phrases.js';
import type { Decision, FrameOperation } from './types.js';
import { ADD_WORDS, CONTACT_NUMBERS, COUNTY_SET_WORDS, DIFFERENCE_PHRASES, EXCEPT_WORDS, FEWEST_WORDS, MOST_WORDS, NOT_CONFIRM_BEFORE, PER_DAY_PHRASES, SHARE_PHRASES, SUM_PHRASES, VERSUS_WORDS } from './words.js';

const SHARE = phraseSet(SHARE_PHRASES);
const HALF = phraseSet(['half', 'majority']);
const PER_DAY = phraseSet(PER_DAY_PHRASES);
const SUM = phraseSet(SUM_PHRASES);
const VERSUS = phraseSet([...VERSUS_WORDS, ...MOST_WORDS, ...FEWEST_WORDS]);
const MOST = phraseSet(MOST_WORDS);
const FEWEST = phraseSet(FEWEST_WORDS);
const DIFFERENCE = phraseSet(DIFFERENCE_PHRASES);
const COUNTY_SET = phraseSet(COUNTY_SET_WORDS);
const ADD = phraseSet(ADD_WORDS);

/** A county named right after "outside", "except", "apart from"...: the region's figure without it. */
export function exceptsCounty(tokens: readonly string[], counties: readonly { said: string; town: boolean }[]): boolean {
  const line = ` ${tokens.join(' ')} `;
  return counties.some((c) => !c.town && EXCEPT_WORDS.some((w) => line.includes(` ${w} ${c.said} `)));
}

/**
 * The number a message checks ("was it 28?", "did they arrest 44 in essex"): digits that are not a
 * year, a contact number or part of "under 18" / "top 3".
 */
export function numberAsked(tokens: readonly string[]): number | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.replace(/^£/, '');
    if (!/^\d+(?:k)?$/.test(t)) continue;
    const n = t.endsWith('k') ? Number(t.slice(0, -1)) * 1000 : Number(t);
    if (/^(?:19|20)\d\d$/.test(t) || CONTACT_NUMBERS.has(n) || NOT_CONFIRM_BEFORE.has(tokens[i - 1] ?? '')) continue;
    if (['days', 'day', 'mins', 'minutes', 'hours', 'weeks', 'years', 'yrs', 'pm', 'am', 'oclock'].includes(tokens[i + 1] ?? '')) continue;
    return n;
  }
  return undefined;
}

/**
 * The operation step: what to do with the figures. Places counted are the counties or weeks the
 * answer is about; two or more with a comparing word is "versus", with "together" a sum.
 */
export function operationStep(tokens: readonly string[], counted: number, weeks: number, shape: { metrics?: number; except?: boolean } = {}): Decision<FrameOperation> {
  const number = numberAsked(tokens);
  const metrics = shape.metrics ?? 0;
  if (shape.except && counted === 1) return { value: { kind: 'except' }, rule: 'operation-except' };
  if ((counted === 2 || (counted < 2 && metrics === 2)) && DIFFERENCE.has(tokens)) return { value: { kind: 'difference' }, rule: 'operation-difference' };
  const share = SHARE.first(tokens);
  if (share) {
    const threshold = HALF.has(tokens) ? 50 : share.phrase === 'a third' ? 100 / 3 : share.phrase === 'a quarter' ? 25 : undefined;
    return { value: { kind: 'share', ...(threshold ? { threshold } : {}) }, rule: 'operation-share' };
  }
  if (PER_DAY.has(tokens)) return { value: { kind: 'per_day' }, rule: 'operation-per-day' };
  if (SUM.has(tokens) && (counted >= 2 || (counted < 2 && metrics >= 2) || (counted === 0 && COUNTY_SET.has(tokens)))) return { value: { kind: 'sum' }, rule: 'operation-sum' };
  if (counted === 0 && metrics === 1 && number === undefined && ADD.has(tokens)) return { value: { kind: 'sum' }, rule: 'operation-add-counties' };
  if (number !== undefined) return { value: { kind: 'confirm', number }, rule: 'operation-confirm' };
  if (counted >= 2 && VERSUS.has(tokens)) return { value: { kind: 'versus' }, rule: 'operation-versus' };
  if (weeks >= 2) return { value: { kind: 'versus' }, rule: 'operation-versus-weeks' };
  if (FEWEST.has(tokens)) return { value: { kind: 'fewest' }, rule: 'operation-fewest' };
  if (MOST.has(tokens)) return { value: { kind: 'most' }, rule: 'operation-most' };
  return { value: { kind: 'value' }, rule: 'operation-value' };
}
