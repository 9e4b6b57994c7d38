import type { Knowledge, Operation } from '../knowledge/knowledge.js';
import type { PlaceMention } from '../nlu/places.js';
import type { FramePlace, PlaceKind } from './types.js';
import type { Words } from '../knowledge/language-words.js';
import { phrasesIn } from '../nlu/phrases.js';

/** Whether a place is one of the region's counties (`in_region: true` in data/places.yaml). */
export function inRegion(knowledge: Knowledge, key: string): boolean {
  return knowledge.places.get(key)?.in_region === true;
}

/** The kind of one county or force: with figures in this week, in the region without, or outside the region. */
export function countyKind(knowledge: Knowledge, op: Operation, key: string): PlaceKind {
  if (!inRegion(knowledge, key)) return op.counties[key] ? 'county_with_figures' : 'outside_region';
  return op.counties[key] && Object.keys(op.counties[key]).length > 0 ? 'county_with_figures' : 'region_county_without_figures';
}

/**
 * The places step: each place named, with its kind. A town keeps its own name and says which
 * county it is in. "In total" or "across the region" adds the region as a whole.
 */
export function placesStep(mentions: readonly PlaceMention[], regionWide: boolean, knowledge: Knowledge, op: Operation): FramePlace[] {
  const out: FramePlace[] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    const id = `${m.town ? 'town:' : ''}${m.town ? m.said : m.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(m.town ? { kind: 'town', key: m.key, county: m.key, said: m.said, ...(m.name && m.name !== m.said && { name: m.name }) } : { kind: countyKind(knowledge, op, m.key), key: m.key, said: m.said });
  }
  if (regionWide) out.push({ kind: 'region', said: 'region' });
  return out;
}

/**
 * The counties a figure answer is about: counties named directly win; towns stand for their county
 * only when neither a county nor the region is named ("I live in Stevenage: arrests in Herts?" is
 * about Hertfordshire; "I'm in Chelmsford: arrests across the eastern region?" about the region).
 * In a message that tells no story of the person's own (`listed`), a town named beside counties is one of
 * the places asked: "bedford and norfolk arrests" is about Bedfordshire and Norfolk.
 */
export function answerCounties(places: readonly FramePlace[], regionNamed = false, listed = false): string[] {
  const direct = places.filter((p) => p.kind !== 'town' && p.kind !== 'region' && p.kind !== 'outside_region').map((p) => p.key!);
  const towns = places.filter((p) => p.kind === 'town').map((p) => p.county!);
  if (listed && direct.length > 0 && !regionNamed) return [...new Set(places.flatMap((p) => (p.kind === 'town' ? [p.county!] : direct.includes(p.key!) ? [p.key!] : [])))];
  return [...new Set(direct.length > 0 || regionNamed ? direct : towns)];
}

/** Whether the words name the region itself (`region_itself`: "the eastern region", "everywhere"), not just a total. */
export function namesRegion(tokens: readonly string[], words: Pick<Words, 'region_itself'>): boolean {
  return phrasesIn(words.region_itself).has(tokens);
}
