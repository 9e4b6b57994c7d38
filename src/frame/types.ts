/** What a message asks for, part by part. Built by the named steps in this folder; the answer planner covers every part. */

/** The kind of thing asked for. */
export type Act = 'figure' | 'fact' | 'report' | 'greeting' | 'help' | 'emergency' | 'contact' | 'out_of_scope';

/** How a place relates to the published figures. */
export type PlaceKind =
  /** A region county that has at least one published figure in the week answered from. */
  | 'county_with_figures'
  /** A region county with no published figures (Suffolk). */
  | 'region_county_without_figures'
  /** A town or district inside a region county; `county` says which. */
  | 'town'
  /** Anywhere outside the region (London, Wales, other forces). */
  | 'outside_region'
  /** The region as a whole ("in total", "across the region"). */
  | 'region';

export interface FramePlace {
  kind: PlaceKind;
  /** The key in data/places.yaml; for a town, the county it is in. Absent for the region. */
  key?: string;
  /** For a town: its county's key. */
  county?: string;
  /** The words as typed. */
  said: string;
  /** For a town typed otherwise than data/places.yaml lists it ("colchster"): the name as listed ("colchester"). */
  name?: string;
}

/** Which time the message is about. */
export type TimeKind = 'none' | 'week' | 'month' | 'year' | 'latest' | 'previous' | 'present' | 'future' | 'past' | 'recurring' | 'trend';

export interface FrameTime {
  kind: TimeKind;
  /** The words as typed, e.g. "october", "2021", "last year". */
  said?: string;
  /** Ids of the weeks in data/operations/ that match, newest first; empty when none held matches. */
  operations: string[];
}

/** A breakdown the release may not give (ages, charges...): a key of data/facets.yaml. */
export interface FrameFacet {
  key: string;
  said: string;
}

export type OperationKind = 'value' | 'most' | 'fewest' | 'versus' | 'sum' | 'share' | 'per_day' | 'confirm' | 'difference' | 'ratio' | 'except';

export interface FrameOperation {
  kind: OperationKind;
  /** For confirm: the number asked about ("was it 28?"). */
  number?: number;
  /** For share: a share the question compares against, in percent ("more than half" → 50). */
  threshold?: number;
}

/** The question frame of one message. */
export interface Frame {
  act: Act;
  metrics: string[];
  places: FramePlace[];
  time: FrameTime;
  facet: FrameFacet | null;
  operation: FrameOperation;
  /** Words no step placed and the bot has never seen. */
  leftovers: string[];
  /** The rule that decided the reply. */
  rule: string;
}

/** A step's decision with the name of the rule that made it. */
export interface Decision<T> {
  value: T;
  rule: string;
}
