/**
 * What the bot remembers about a conversation, to answer follow-ups: the frame of the last figures answered,
 * as keys of data/ (figures, counties), and the county the person said they live in. Never the message text.
 */
export interface ChatContext {
  /** The last topic answered about a figure (kept from older contexts, which named only that). */
  intent?: string;
  /** The counties of the last figures answered (keys of data/places.yaml). */
  places?: string[];
  /** The figures last answered (keys of data/metrics.yaml). */
  metrics?: string[];
  /** The last figures answered were the whole region's. */
  region?: boolean;
  /** The counties answered before those, for "which one had more?". */
  earlier?: string[];
  /** The figures answered before those, for the same place, for "and kent for both?". */
  earlierMetrics?: string[];
  /** The county the person said they live in, for "near me" (a key, never the words they used). */
  home?: string;
  /** The topic last answered in words (an intent's id), for "who said that?" and "who else". */
  topic?: string;
  /** The conversation's language, when not English (a code of data/lang/), so a short follow-up is read in it. */
  language?: string;
  /** The language the person chose with /language (a code of data/lang/): answers are written in it. */
  chosen?: string;
  /** When this was last updated (ms since epoch). */
  at: number;
}

/** How long a conversation's context lasts without a new question. */
export const CONTEXT_TTL_MS = 30 * 60 * 1000;

/** The context if it is still fresh at `now`, otherwise undefined. */
export function freshContext(context: ChatContext | undefined, now: number, ttl = CONTEXT_TTL_MS): ChatContext | undefined {
  return context && now - context.at >= 0 && now - context.at < ttl ? context : undefined;
}
