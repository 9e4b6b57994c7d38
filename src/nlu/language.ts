/**
 * Which language a message is written in. The text decides: a language-detection package reads it,
 * the bot's own word lists vote for the languages they hold (Roman Urdu, which no package knows), and
 * Telegram's `language_code` is only a hint for a message the text leaves open.
 */

/** A language-detection package's guess: an ISO 639-1 code, and whether the package trusts it. */
export interface Guess {
  code: string;
  reliable: boolean;
}

/** A language-detection package, wrapped: its guess for a text, or undefined when it has none. */
export type Detect = (text: string) => Guess | undefined;

/** What the rule weighs for one message. */
export interface LanguageEvidence {
  /** The message as typed. */
  text: string;
  /** Share of the message's words that the bot knows in English (0 to 1); 1 for a message with no words. */
  englishShare: number;
  /** Languages whose danger words were found in the message, one entry per word found. */
  votes: readonly string[];
  /** Languages whose markers (everyday words few other languages use) were found, one entry per word. */
  markers?: readonly string[];
  /** Languages whose lexicon words no other language and no English shares were found, one entry per word. */
  lexicon?: readonly string[];
  /**
   * How many of the message's words each language's lexicon reads, shared and short words too ("co", "to", "sa"):
   * the last sign before Telegram's hint, when nothing else points to a language.
   */
  reads?: ReadonlyMap<string, number>;
  /** The conversation's language so far, when not English: a short follow-up ("a Kent?") says little of its own. */
  conversation?: string;
  /** How many words the message has. */
  wordCount?: number;
  /** The language code Telegram gave for the user (en, pl, pt-br), if any. */
  hint?: string;
}

/** The language chosen, with the rule that chose it (for logs, `ask --json` and tests). */
export interface LanguageReading {
  code: string;
  rule: 'no-letters' | 'english-words' | 'detected' | 'word-lists' | 'hint' | 'default';
}

export const ENGLISH_CODE = 'en';
/** With this share of words known in English, a message is English whatever a detector says of it. */
export const ENGLISH_SHARE = 0.6;

const LETTER = /\p{L}/u;

/** Votes from a language's own words that outweigh a message's English-looking words ("ile osób w Kent"). */
export const OWN_WORDS_OVER_ENGLISH = 2;
/** A message of at most this many words is a follow-up that says little of its own: the conversation's language weighs double. */
export const SHORT_FOLLOW_UP = 4;

/** `pt-br` → `pt`. */
const baseCode = (code: string | undefined) => code?.toLowerCase().split(/[-_]/)[0];

/** How much the detector's guess weighs against the word lists' votes (one per word found). */
export const GUESS_WEIGHT = { reliable: 1.5, unreliable: 0.5 } as const;

/**
 * The language rule: a message with no letters, or mostly English words, is English, unless its markers, lexicon
 * words and the conversation give another language two votes or more. Otherwise the evidence is added up: one vote
 * per danger word, marker and lexicon word of one language found, the conversation's language (two for a short
 * follow-up), and the detector's guess, worth 1.5 votes when it trusts it and 0.5 when not: the detector often
 * misreads romanised and unaccented text ("suffolk cate linii au fost inchise" as Welsh), the bot's own words do
 * not. A language that shares another's words gets its votes too, once its markers are found ({@link withSharedWords}).
 * The most votes win, a tie going to the guess; with no evidence, the language whose lexicon reads most of the
 * message's words, shared ones too; then Telegram's hint; else English. `known` are the languages the bot has a
 * file for; `sharesWith` maps a language to the one whose words it shares (pa → ur).
 */
export function findLanguage(e: LanguageEvidence, detect: Detect | undefined, known: ReadonlySet<string>, sharesWith: ReadonlyMap<string, string> = new Map()): LanguageReading {
  if (!LETTER.test(e.text)) return { code: ENGLISH_CODE, rule: 'no-letters' };
  const tally = (votes: readonly string[], into = new Map<string, number>()) => {
    for (const v of votes) if (v !== ENGLISH_CODE && known.has(v)) into.set(v, (into.get(v) ?? 0) + 1);
    return into;
  };
  const conversation = e.conversation && e.conversation !== ENGLISH_CODE && known.has(e.conversation) ? e.conversation : undefined;
  const conversationVotes = conversation ? Array<string>((e.wordCount ?? Infinity) <= SHORT_FOLLOW_UP ? 2 : 1).fill(conversation) : [];
  // A language's own words and the conversation can outvote English-looking words; danger words alone cannot.
  const own = tally([...(e.markers ?? []), ...(e.lexicon ?? []), ...conversationVotes]);
  if (e.englishShare >= ENGLISH_SHARE && Math.max(0, ...own.values()) < OWN_WORDS_OVER_ENGLISH) return { code: ENGLISH_CODE, rule: 'english-words' };
  const score = tally([...e.votes, ...(e.markers ?? []), ...(e.lexicon ?? []), ...conversationVotes]);
  const guess = detect?.(e.text);
  const guessed = baseCode(guess?.code);
  if (guessed && (guessed === ENGLISH_CODE || known.has(guessed))) {
    score.set(guessed, (score.get(guessed) ?? 0) + (guess!.reliable ? GUESS_WEIGHT.reliable : GUESS_WEIGHT.unreliable));
  }
  const chosen = leader(withSharedWords(score, tally(e.markers ?? []), sharesWith), guessed, own);
  if (chosen) return { code: chosen, rule: chosen === guessed ? 'detected' : 'word-lists' };
  const byReading = mostRead(e.reads, known);
  if (byReading) return { code: byReading, rule: 'word-lists' };
  const hint = baseCode(e.hint);
  if (hint && known.has(hint)) return { code: hint, rule: 'hint' };
  return { code: ENGLISH_CODE, rule: 'default' };
}

/**
 * A language that shares most of its words with another (Punjabi with Urdu) gets that language's votes too, but
 * its markers, once its own markers are found: the shared words, danger words among them, and a detector that knows
 * only the other say nothing against it; markers are what tell the two apart. Without its markers it gets none, so
 * shared words alone go to the language that lists them.
 */
export function withSharedWords(score: ReadonlyMap<string, number>, markers: ReadonlyMap<string, number>, sharesWith: ReadonlyMap<string, string>): Map<string, number> {
  const out = new Map(score);
  for (const [code, lender] of sharesWith) {
    const lent = (score.get(lender) ?? 0) - (markers.get(lender) ?? 0);
    if ((markers.get(code) ?? 0) > 0) out.set(code, (score.get(code) ?? 0) + lent);
  }
  return out;
}

/** The fewest words a lexicon must read for its language to be chosen by reading alone. */
export const MOST_READ_WORDS = 2;

/** The one language whose lexicon reads the most of a message's words, at least {@link MOST_READ_WORDS}; else none. */
function mostRead(reads: ReadonlyMap<string, number> | undefined, known: ReadonlySet<string>): string | undefined {
  if (!reads) return undefined;
  const counts = [...reads].filter(([code, n]) => code !== ENGLISH_CODE && known.has(code) && n >= MOST_READ_WORDS);
  const top = Math.max(0, ...counts.map(([, n]) => n));
  const leaders = counts.filter(([, n]) => n === top);
  return leaders.length === 1 ? leaders[0]![0] : undefined;
}

/**
 * The language with the most votes; a tie goes to the detector's guess, else to the one with more of its own words
 * (markers, lexicon words): danger words are read in every language at once, so they are the weaker sign. Else none.
 */
function leader(score: ReadonlyMap<string, number>, guessed: string | undefined, own: ReadonlyMap<string, number>): string | undefined {
  const top = Math.max(0, ...score.values());
  const leaders = [...score].filter(([, n]) => n === top && top > 0).map(([code]) => code);
  if (leaders.length === 1) return leaders[0];
  if (guessed && leaders.includes(guessed)) return guessed;
  const most = Math.max(0, ...leaders.map((c) => own.get(c) ?? 0));
  const byOwn = leaders.filter((c) => (own.get(c) ?? 0) === most && most > 0);
  return byOwn.length === 1 ? byOwn[0] : undefined;
}
