import { randomBytes } from 'node:crypto';

/**
 * Where the insight counts live: memory for one process, Redis for several (src/store/insight-redis.ts).
 * Nothing here is text a person typed: counter names are keys of data/ and intents/, questions are keyed
 * hashes, and chats are keyed hashes that cannot be turned back into ids once their period's key is gone.
 */
export interface InsightStore {
  /** Adds one to each counter for the day (`2026-12-06`), kept until `expiresAt`. */
  count(day: string, counters: readonly string[], expiresAt: number): Promise<void>;
  /** The day's counters. */
  counts(day: string): Promise<Map<string, number>>;
  /** The period's hash key: made at random the first time it is asked for, shared by every instance, gone at `expiresAt`. */
  secret(period: string, expiresAt: number): Promise<string>;
  /** Notes one chat asking a question (both hashed) in the period; returns how many different chats have. */
  ask(period: string, question: string, chat: string, expiresAt: number): Promise<number>;
  /** Keeps a question's reduced text, once enough chats asked it. */
  show(period: string, question: string, text: string, expiresAt: number): Promise<void>;
  /** The period's questions whose text is kept, with how many chats asked each. */
  shown(period: string): Promise<{ text: string; chats: number }[]>;
}

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

/** The insight counts in this process's memory; what has expired is dropped as the clock passes it. */
export class MemoryInsightStore implements InsightStore {
  private readonly days = new Map<string, Expiring<Map<string, number>>>();
  private readonly secrets = new Map<string, Expiring<string>>();
  private readonly chats = new Map<string, Expiring<Set<string>>>();
  private readonly texts = new Map<string, Expiring<Map<string, string>>>();
  private prunedAt = -Infinity;

  constructor(private readonly clock: () => number = Date.now) {}

  async count(day: string, counters: readonly string[], expiresAt: number): Promise<void> {
    const counts = this.live(this.days, day, () => new Map<string, number>(), expiresAt);
    for (const c of counters) counts.set(c, (counts.get(c) ?? 0) + 1);
  }

  async counts(day: string): Promise<Map<string, number>> {
    return new Map(this.current(this.days, day) ?? []);
  }

  async secret(period: string, expiresAt: number): Promise<string> {
    return this.live(this.secrets, period, () => randomBytes(32).toString('hex'), expiresAt);
  }

  async ask(period: string, question: string, chat: string, expiresAt: number): Promise<number> {
    const chats = this.live(this.chats, `${period}:${question}`, () => new Set<string>(), expiresAt);
    chats.add(chat);
    return chats.size;
  }

  async show(period: string, question: string, text: string, expiresAt: number): Promise<void> {
    this.live(this.texts, period, () => new Map<string, string>(), expiresAt).set(question, text);
  }

  async shown(period: string): Promise<{ text: string; chats: number }[]> {
    const texts = this.current(this.texts, period) ?? new Map<string, string>();
    return [...texts].map(([question, text]) => ({ text, chats: this.current(this.chats, `${period}:${question}`)?.size ?? 0 }));
  }

  /** The entry under `key`, made if missing or expired; every call also drops whatever else has expired. */
  private live<T>(map: Map<string, Expiring<T>>, key: string, make: () => T, expiresAt: number): T {
    this.prune();
    let entry = map.get(key);
    if (entry && entry.expiresAt <= this.clock()) entry = undefined;
    if (!entry) map.set(key, (entry = { value: make(), expiresAt }));
    return entry.value;
  }

  private current<T>(map: Map<string, Expiring<T>>, key: string): T | undefined {
    const entry = map.get(key);
    return entry && entry.expiresAt > this.clock() ? entry.value : undefined;
  }

  /** Drops what has expired, at most once a minute: a busy bot writes many times a second. */
  private prune(): void {
    const now = this.clock();
    if (now - this.prunedAt < 60_000) return;
    this.prunedAt = now;
    for (const map of [this.days, this.secrets, this.chats, this.texts] as Map<string, Expiring<unknown>>[]) {
      for (const [key, entry] of map) if (entry.expiresAt <= now) map.delete(key);
    }
  }
}
