import type { FacetDef, Figure, MetricDef, OperationFile, Place } from './schema.js';

/** One week of action, exactly as its data file describes it. */
export type Operation = OperationFile & { file: string };

/** Everything the bot knows, validated and cross-checked. Read-only once built. */
export interface Knowledge {
  metrics: ReadonlyMap<string, MetricDef>;
  places: ReadonlyMap<string, Place>;
  /** Newest first (by end date); the first is the one answers describe by default. */
  operations: readonly Operation[];
  /** Greetings, thanks and polite phrases of every language in `data/pleasantries.yaml` (none if it is absent). */
  pleasantries: readonly string[];
  /** Typed form → plain word, from `data/words.yaml`. */
  words: ReadonlyMap<string, string>;
  /** Breakdowns a release may not give, from `data/facets.yaml` (empty when the file is absent). */
  facets: ReadonlyMap<string, FacetDef>;
}

/** The operation answers describe unless the user asks for another. */
export function latestOperation(knowledge: Knowledge): Operation {
  const op = knowledge.operations[0];
  if (!op) throw new Error('No operation is loaded: add a file to data/operations/');
  return op;
}

/** A county's published figure, or undefined when none was published. */
export function countyFigure(op: Operation, place: string, metric: string): Figure | undefined {
  return op.counties[place]?.[metric];
}
