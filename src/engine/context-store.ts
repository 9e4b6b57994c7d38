import { CONTEXT_TTL_MS, type ChatContext } from './context.js';

/** Where conversation context lives between messages: memory for one process, a shared store for several. */
export interface ContextStore {
  get(key: string): Promise<ChatContext | undefined>;
  /** Stores the context, or forgets the conversation when given undefined. */
  set(key: string, context: ChatContext | undefined): Promise<void>;
}

/**
 * Context in this process's memory, forgotten after the TTL and capped in size so a flood of
 * new chats cannot grow it without bound (the oldest conversation is dropped first).
 */
export class MemoryContextStore implements ContextStore {
  private readonly entries = new Map<string, ChatContext>();

  constructor(
    private readonly ttlMs = CONTEXT_TTL_MS,
    private readonly maxEntries = 100_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(key: string): Promise<ChatContext | undefined> {
    const context = this.entries.get(key);
    if (!context) return undefined;
    if (this.clock() - context.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return context;
  }

  async set(key: string, context: ChatContext | undefined): Promise<void> {
    this.entries.delete(key);
    if (!context) return;
    this.entries.set(key, context);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
