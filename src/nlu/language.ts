/**
 * Which language a message is written in. The text decides: a language-detection package reads it,
 * the bot's own word lists vote for the languages they hold (Roman Urdu, which no package knows), and
 * Telegram's `language_code` is only a hint for a message the text leaves open.
 */

/** A language-detection package, wrapped: an ISO 639-1 code for a text, or undefined when it can't tell. */
export type Detect = (text: string) => string | undefined;

/** What the rule weighs for one message. */
export interface LanguageEvidence {
  /** The message as typed. */
  text: string;
  /** Share of the message's words that the bot knows in English (0 to 1); 1 for a message with no words. */
  englishShare: number;
  /** Languages whose danger words were found in the message, one entry per word found. */
  votes: readonly string[];
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

/** The language most voted for, other than English; undefined on no votes or a tie. */
export function mostVoted(votes: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of votes) if (v !== ENGLISH_CODE) counts.set(v, (counts.get(v) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return undefined;
  return ranked[0]![0];
}

/** `pt-br` → `pt`. */
const baseCode = (code: string | undefined) => code?.toLowerCase().split(/[-_]/)[0];

/**
 * The language rule, in order: a message with no letters is English; mostly English words is English;
 * then what the detector finds, if the bot has that language, unless two or more of the word lists'
 * words point to another language and none to it; then the word lists' vote; then the hint.
 * `known` are the languages the bot has a file for; others are answered in English.
 */
export function findLanguage(e: LanguageEvidence, detect: Detect | undefined, known: ReadonlySet<string>): LanguageReading {
  if (!LETTER.test(e.text)) return { code: ENGLISH_CODE, rule: 'no-letters' };
  if (e.englishShare >= ENGLISH_SHARE) return { code: ENGLISH_CODE, rule: 'english-words' };
  const detected = baseCode(detect?.(e.text));
  const voted = mostVoted(e.votes);
  // The word lists overrule a detector whose language none of their words point to (Roman Urdu read as Turkish).
  const outvoted = voted !== undefined && detected !== voted && !e.votes.includes(detected ?? '') && e.votes.filter((v) => v === voted).length >= 2;
  if (detected === ENGLISH_CODE && !outvoted) return { code: ENGLISH_CODE, rule: 'detected' };
  if (detected && known.has(detected) && !outvoted) return { code: detected, rule: 'detected' };
  if (voted && known.has(voted)) return { code: voted, rule: 'word-lists' };
  const hint = baseCode(e.hint);
  if (hint && known.has(hint)) return { code: hint, rule: 'hint' };
  return { code: ENGLISH_CODE, rule: 'default' };
}
