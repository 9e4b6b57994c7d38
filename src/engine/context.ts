/** What the bot remembers about a conversation, to answer follow-ups. Never the message text. */
export interface ChatContext {
  /** The last intent that was about a figure or a county. */
  intent?: string;
  /** The counties the conversation is about. */
  places?: string[];
  /** When this was last updated (ms since epoch). */
  at: number;
}

/** How long a conversation's context lasts without a new question. */
export const CONTEXT_TTL_MS = 30 * 60 * 1000;

/** The context if it is still fresh at `now`, otherwise undefined. */
export function freshContext(context: ChatContext | undefined, now: number, ttl = CONTEXT_TTL_MS): ChatContext | undefined {
  return context && now - context.at >= 0 && now - context.at < ttl ? context : undefined;
}
