import { createHmac } from 'node:crypto';
import type { Engine, EngineReply } from '../engine/engine.js';
import { reduceQuestion, type KeptWords } from './reduce.js';
import type { InsightStore } from './store.js';
import { tallyOf } from './tally.js';
import { englishDictionary, keptWords } from './vocabulary.js';

/** How much is kept, and for how long: INSIGHT_MIN_CHATS, INSIGHT_KEEP_DAYS and INSIGHT_KEY_DAYS (see .env.example). */
export interface InsightSettings {
  /** A question's text is kept only once at least this many different chats have sent it within one key period. */
  minChats: number;
  /** Days the daily counts are kept. */
  keepDays: number;
  /** Days the key that hashes chats and questions lasts; then a new one is made, and the old hashes cannot be matched again. */
  keyDays: number;
}

export const DEFAULT_INSIGHT: InsightSettings = { minChats: 5, keepDays: 30, keyDays: 30 };

const DAY_MS = 86_400_000;

/** The day a moment falls on, in UTC: `2026-12-06`. */
export const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/** The key period a moment falls in, and when it ends. */
export function periodOf(at: number, keyDays: number): { id: string; endsAt: number } {
  const length = keyDays * DAY_MS;
  const n = Math.floor(at / length);
  return { id: String(n), endsAt: (n + 1) * length };
}

/** A keyed hash: the same value gives the same hash for one key only. 128 bits, in hex. */
export const keyedHash = (secret: string, value: string) => createHmac('sha256', secret).update(value).digest('hex').slice(0, 32);

/** One message as the bot answered it: the reply, the words (reduced at once, never kept as typed) and the chat. */
export interface Asked {
  reply: EngineReply;
  text: string;
  chat: number | string;
  engine: Engine;
  now?: number;
}

/** What people asked over some days, from the counts alone. */
export interface InsightReport {
  from: string;
  to: string;
  minChats: number;
  /** Each counter's total over the days (`outcome:answered` → 40). */
  counts: Record<string, number>;
  /** Questions the bot could not answer that at least `minChats` chats sent this key period, most asked first. */
  unanswered: { text: string; chats: number }[];
}

/**
 * The private, aggregate insight for staff: per day, counts of what was asked and what became of it; and the
 * questions the bot could not answer, reduced to placeholders and known words, kept as text only once
 * `minChats` different chats have sent the same one. Chats are counted by keyed hash, never by id.
 */
export class Insight {
  private readonly kept = new WeakMap<Engine, KeptWords>();

  constructor(readonly store: InsightStore, readonly settings: InsightSettings = DEFAULT_INSIGHT) {}

  /** Reads the dictionary now (a third of a second), so the first message that falls back is not held up by it. */
  prepare(): void {
    englishDictionary();
  }

  /** Counts one reply, and notes its question if it fell back. */
  async note({ reply, text, chat, engine, now = Date.now() }: Asked): Promise<void> {
    const tally = tallyOf(reply, engine.knowledge);
    await this.store.count(dayOf(now), tally.counters, (Math.floor(now / DAY_MS) + this.settings.keepDays) * DAY_MS);
    if (tally.outcome !== 'fallback') return;
    const reduced = reduceQuestion(text, reply.language.code, this.keptWords(engine));
    if (!reduced) return;
    const period = periodOf(now, this.settings.keyDays);
    const secret = await this.store.secret(period.id, period.endsAt);
    const question = keyedHash(secret, `question:${reduced.key}`);
    const chats = await this.store.ask(period.id, question, keyedHash(secret, `chat:${chat}`), period.endsAt);
    if (chats >= this.settings.minChats) await this.store.show(period.id, question, reduced.shown, period.endsAt);
  }

  /** The last `days` days' counts (today included), and the unanswered questions that reached `minChats`. */
  async report(now = Date.now(), days = 7): Promise<InsightReport> {
    const dates = Array.from({ length: days }, (_, i) => dayOf(now - i * DAY_MS));
    const counts: Record<string, number> = {};
    for (const day of dates) for (const [name, n] of await this.store.counts(day)) counts[name] = (counts[name] ?? 0) + n;
    const shown = await this.store.shown(periodOf(now, this.settings.keyDays).id);
    const unanswered = shown.filter((q) => q.chats >= this.settings.minChats).sort((a, b) => b.chats - a.chats || a.text.localeCompare(b.text));
    return { from: dates.at(-1)!, to: dates[0]!, minChats: this.settings.minChats, counts, unanswered };
  }

  private keptWords(engine: Engine): KeptWords {
    let kept = this.kept.get(engine);
    if (!kept) this.kept.set(engine, (kept = keptWords(engine.knowledge, engine.intents)));
    return kept;
  }
}
