import type { FacetDef } from '../knowledge/schema.js';
import { createPhraseIndex } from '../nlu/phrases.js';
import type { FrameFacet } from './types.js';

export interface FacetFinder {
  /** The first breakdown asked for, from the message's words as typed and as read (slang translated). */
  find(typed: readonly string[], read: readonly string[]): FrameFacet | null;
}

/** The facet step: finds a breakdown from data/facets.yaml, longest phrase first ("remanded in custody" before "remanded"). */
export function createFacetFinder(facets: ReadonlyMap<string, FacetDef>): FacetFinder {
  const index = createPhraseIndex([...facets].flatMap(([key, f]) => f.words.map((w) => [w, key] as const)));
  return {
    find(typed, read) {
      const hit = index.first(typed) ?? index.first(read);
      return hit ? { key: hit.value, said: hit.phrase } : null;
    },
  };
}
