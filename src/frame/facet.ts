import type { FacetDef } from '../knowledge/schema.js';
import { normalise } from '../nlu/normalise.js';
import type { FrameFacet } from './types.js';

export interface FacetFinder {
  /** The first breakdown asked for, from the message as typed and as read (slang translated). */
  find(typed: string, read: string): FrameFacet | null;
}

/** The facet step: finds a breakdown from data/facets.yaml, longest phrase first ("remanded in custody" before "custody"). */
export function createFacetFinder(facets: ReadonlyMap<string, FacetDef>): FacetFinder {
  const phrases = [...facets].flatMap(([key, f]) => f.words.map((w) => ({ key, phrase: normalise(w) })));
  phrases.sort((a, b) => b.phrase.length - a.phrase.length);
  return {
    find(typed, read) {
      const a = ` ${typed} `;
      const b = ` ${read} `;
      let best: { key: string; phrase: string; at: number } | undefined;
      for (const p of phrases) {
        const padded = ` ${p.phrase} `;
        const at = Math.min(...[a.indexOf(padded), b.indexOf(padded)].map((i) => (i < 0 ? Infinity : i)));
        if (at !== Infinity && (!best || at < best.at)) best = { ...p, at };
      }
      return best ? { key: best.key, said: best.phrase } : null;
    },
  };
}
