import type { GuidanceItem } from './guidance.js';
import type { Language } from './languages.js';
import type { Contact, FacetDef, Figure, MetricDef, OperationFile, Place } from './schema.js';

/**
 * One week of action as its data file describes it, except `facts`: the week's own facts over the
 * shared ones from `data/shared.yaml`, so `{facts.reporting}` is filled for every week.
 */
export type Operation = OperationFile & {
  file: string;
  /** Only the facts written in the week's own file. */
  ownFacts: Readonly<Record<string, string>>;
};

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
  /** Facts that hold for every week, from `data/shared.yaml`; a week's own facts win over these. */
  sharedFacts: Readonly<Record<string, string>>;
  /** Numbers and services by id, from `data/contacts.yaml`; always holds the {@link REQUIRED_CONTACTS}. */
  contacts: ReadonlyMap<string, Contact>;
  /** Sourced guidance from public bodies and charities (`data/guidance.yaml`); never part of a police release. */
  guidance: ReadonlyMap<string, GuidanceItem>;
  /** The languages of `data/lang/`, by code: the words that tell danger, and sentences in each. English is always there. */
  languages: ReadonlyMap<string, Language>;
}

/**
 * The contacts every reply's footer is built from, with the number each must have (undefined: any number).
 * `npm run check` refuses a contacts file without them.
 */
export const REQUIRED_CONTACTS = { emergency: '999', police: '101', crimestoppers: undefined } as const satisfies Record<string, string | undefined>;

export type RequiredContact = keyof typeof REQUIRED_CONTACTS;

/**
 * The knowledge as it stood when a week was the newest: that week and the ones before it. Unknown or already
 * newest: the knowledge as it is.
 */
export function knowledgeAsOf(knowledge: Knowledge, weekId: string): Knowledge {
  const at = knowledge.operations.findIndex((op) => op.id === weekId);
  return at <= 0 ? knowledge : { ...knowledge, operations: knowledge.operations.slice(at) };
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
