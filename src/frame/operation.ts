import type { Words } from '../knowledge/language-words.js';
import { phrasesIn, wordSetOf } from '../nlu/phrases.js';
import { PLACE_TOKEN } from '../nlu/places.js';
import type { Decision, FrameOperation } from './types.js';

/** The lists of data/lang/en.yaml's `words:` that the operation step reads. */
export type OperationWords = Pick<
  Words,
  'sum' | 'region_total' | 'region_itself' | 'stopwords' | 'add' | 'difference' | 'ratio' | 'per_figure' | 'county_set' | 'share' | 'share_half' | 'share_third' | 'share_quarter' | 'per_day' | 'most' | 'fewest' | 'versus' | 'before_other_numbers' | 'after_other_numbers'
>;

/**
 * Numbers that are contact numbers, never figures: 999, 101, NHS 111, the 116 helplines, and the parts of
 * Crimestoppers' 0800 555 111. Numbers, not words, so they are the same in every language and stay here.
 */
const CONTACT_NUMBERS = new Set([999, 101, 111, 116, 123, 555, 800]);

/** A word, not a sign ("+", "&"). */
const WORD = /\p{L}/u;

/**
 * The region's figure without a county: the county named right after "outside", "except", "not in"...
 * (`words.except`), or one county named beside "the rest of the region" (`words.rest_of_region`).
 */
export function exceptsCounty(tokens: readonly string[], counties: readonly { said: string; town: boolean }[], words: Pick<Words, 'except' | 'rest_of_region'>): boolean {
  const line = ` ${tokens.join(' ')} `;
  const named = counties.filter((c) => !c.town);
  if (named.some((c) => [...wordSetOf(words.except)].some((w) => line.includes(` ${w} ${c.said} `)))) return true;
  return new Set(named.map((c) => c.said)).size === 1 && phrasesIn(words.rest_of_region).has(tokens);
}

/**
 * The number a message checks ("was it 28?", "did they arrest 44 in essex"): digits that are not a
 * year, a contact number, part of "under 18" / "top 3" (`words.before_other_numbers`) or of "3 days"
 * (`words.after_other_numbers`).
 */
export function numberAsked(tokens: readonly string[], words: Pick<Words, 'before_other_numbers' | 'after_other_numbers'>): number | undefined {
  const before = wordSetOf(words.before_other_numbers);
  const after = wordSetOf(words.after_other_numbers);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.replace(/^£/, '');
    if (!/^\d+(?:k)?$/.test(t)) continue;
    const n = t.endsWith('k') ? Number(t.slice(0, -1)) * 1000 : Number(t);
    if (/^(?:19|20)\d\d$/.test(t) || CONTACT_NUMBERS.has(n) || before.has(tokens[i - 1] ?? '')) continue;
    // Nor a digit typed for a word before a place ("stats 4 herts"): a number checked is of a place, not before its name.
    if (after.has(tokens[i + 1] ?? '') || tokens[i + 1] === PLACE_TOKEN) continue;
    return n;
  }
  return undefined;
}

/**
 * Whether the words ask for a sum. Beside the region named ("essex, kent and the eastern region total"),
 * "total" and "overall" are the region's own figure, not the counties added up.
 */
export function asksSum(tokens: readonly string[], regionNamed: boolean, words: Pick<Words, 'sum' | 'region_total' | 'region_itself' | 'stopwords'>): boolean {
  const hits = phrasesIn(words.sum).all(tokens);
  if (!regionNamed) return hits.length > 0;
  const regionTotal = wordSetOf(words.region_total);
  const region = wordSetOf(words.region_itself, words.region_total);
  // "plus the regional total", "+ overall arrests": the word joins the region to the list, it adds nothing up.
  const filler = wordSetOf(words.stopwords);
  const joinsRegion = (at: number) => {
    while (filler.has(tokens[at] ?? '')) at++;
    return region.has(tokens[at] ?? '');
  };
  return hits.some((h) => !regionTotal.has(h.phrase) && !joinsRegion(h.at + h.length));
}

/**
 * The operation step: what to do with the figures. Places counted are the counties or weeks the
 * answer is about; two or more with a comparing word is "versus", with "together" a sum.
 */
export function operationStep(tokens: readonly string[], counted: number, weeks: number, shape: { metrics?: number; except?: boolean; regionNamed?: boolean }, words: OperationWords): Decision<FrameOperation> {
  const number = numberAsked(tokens, words);
  const metrics = shape.metrics ?? 0;
  if (shape.except && counted === 1) return { value: { kind: 'except' }, rule: 'operation-except' };
  if (counted === 2 && phrasesIn(words.ratio).has(tokens)) return { value: { kind: 'ratio' }, rule: 'operation-ratio' };
  // One figure as a rate of another: "arrests per deal line", "how many times more arrests than deal lines".
  if (counted < 2 && metrics === 2 && phrasesIn(words.ratio, words.per_figure).has(tokens)) return { value: { kind: 'ratio' }, rule: 'operation-metric-ratio' };
  if ((counted === 2 || (counted < 2 && metrics === 2)) && phrasesIn(words.difference).has(tokens)) return { value: { kind: 'difference' }, rule: 'operation-difference' };
  const share = phrasesIn(words.share).first(tokens);
  if (share) {
    const threshold = phrasesIn(words.share_half).has(tokens) ? 50 : wordSetOf(words.share_third).has(share.phrase) ? 100 / 3 : wordSetOf(words.share_quarter).has(share.phrase) ? 25 : undefined;
    return { value: { kind: 'share', ...(threshold ? { threshold } : {}) }, rule: 'operation-share' };
  }
  if (phrasesIn(words.per_day).has(tokens)) return { value: { kind: 'per_day' }, rule: 'operation-per-day' };
  // Several figures of one place added up only with a word that adds ('together', 'add up'): 'total cash, drugs and phones' is the region's totals.
  // A sign joins figures into a list ('arrests+cash+lines'), but adds places up ('cambs deal lines + herts deal lines').
  const addsFigures = asksSum(tokens.filter((t) => WORD.test(t)), true, words);
  if (asksSum(tokens, shape.regionNamed ?? false, words) && (counted >= 2 || (counted < 2 && metrics >= 2 && addsFigures) || (counted === 0 && phrasesIn(words.county_set).has(tokens)))) return { value: { kind: 'sum' }, rule: 'operation-sum' };
  if (counted === 0 && metrics === 1 && number === undefined && phrasesIn(words.add).has(tokens)) return { value: { kind: 'sum' }, rule: 'operation-add-counties' };
  if (number !== undefined) return { value: { kind: 'confirm', number }, rule: 'operation-confirm' };
  if (counted >= 2 && phrasesIn(words.versus, words.most, words.fewest).has(tokens)) return { value: { kind: 'versus' }, rule: 'operation-versus' };
  if (weeks >= 2) return { value: { kind: 'versus' }, rule: 'operation-versus-weeks' };
  if (phrasesIn(words.fewest).has(tokens)) return { value: { kind: 'fewest' }, rule: 'operation-fewest' };
  if (phrasesIn(words.most).has(tokens)) return { value: { kind: 'most' }, rule: 'operation-most' };
  return { value: { kind: 'value' }, rule: 'operation-value' };
}
