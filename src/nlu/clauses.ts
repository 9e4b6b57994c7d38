/**
 * Finds the question in a message with chatter around it: "ok cool. phones in essex?" or a long story
 * that ends "how many were arrested in Bedfordshire?". Works on the text as typed, since punctuation
 * marks where sentences end. The words that start and join questions come from data/lang/en.yaml's `words:`.
 */
import type { Words } from '../knowledge/language-words.js';
import { alternativesOf, wordSetOf } from './phrases.js';

/** The lists of data/lang/en.yaml's `words:` that splitting and picking clauses read. */
export type ClauseWords = Pick<Words, 'question_starts' | 'strong_question_starts' | 'joiners' | 'bare_joiners' | 'abbreviations'>;

/** The longest text splitClauses reads; the rest of a very long message is one last clause. */
const MAX_CHARS = 4000;

const firstWords = (clause: string, n: number) =>
  clause
    .slice(0, 20 * n)
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, n);

/**
 * Where sentences end: after . ? ! ; … (and the Urdu, Arabic and Bengali stops), but not after one of
 * `abbreviations`. A line break is read as a space, like everywhere else in reading: people on phones
 * break lines mid-sentence.
 */
function sentenceEnds(text: string, abbreviations: ReadonlySet<string>): number[] {
  const ends: number[] = [];
  const END = /[?!;…۔؟।॥]+|\.+/g;
  for (const m of text.matchAll(END)) {
    const at = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1) {
      const before = text.slice(0, m.index);
      const after = text.slice(at);
      // A full stop inside a number (1.5), a web address (ersou.police.uk) or after an abbreviation (St.) ends nothing.
      if (/^\S/.test(after) && !/^["'”’)\]]/.test(after)) continue;
      if (abbreviations.has((/(\p{L}+)$/u.exec(before)?.[1] ?? '').toLowerCase()) && /^\s*[\p{L}\p{N}]/u.test(after)) continue;
    }
    ends.push(at);
  }
  return ends;
}

const mayJoinCache = new WeakMap<readonly string[], RegExp>();

/** A comma or a bare joiner ("but", "so"): without one, a sentence is one clause. */
function mayJoin(bareJoiners: readonly string[]): RegExp {
  let re = mayJoinCache.get(bareJoiners);
  if (!re) {
    re = new RegExp(`,|\\b(?:${alternativesOf(bareJoiners)})\\b`, 'i');
    mayJoinCache.set(bareJoiners, re);
  }
  return re;
}

/** Where a sentence splits into clauses: before a joiner or question word that opens a new question. */
function clauseStarts(sentence: string, words: ClauseWords): number[] {
  const starts: number[] = [];
  if (!mayJoin(words.bare_joiners).test(sentence)) return starts; // the common case, checked cheaply
  const questionStarts = wordSetOf(words.question_starts);
  const strong = wordSetOf(words.strong_question_starts);
  const joiners = wordSetOf(words.joiners);
  const bare = wordSetOf(words.bare_joiners);
  // ", and what ..." / " but how ..." / " so which ..." / ", how many ..."
  const JOIN = /(,\s*|\s+)(\p{L}+)(?=\s+(\p{L}+))|(,\s*)(\p{L}+)/gu;
  for (const m of sentence.matchAll(JOIN)) {
    if (m[2] !== undefined) {
      const word = m[2].toLowerCase();
      const nextWord = m[3]!.toLowerCase().replace(/['’]/g, '');
      const comma = m[1]!.startsWith(',');
      const joins = ((comma && joiners.has(word)) || bare.has(word)) && questionStarts.has(nextWord);
      const asks = comma && strong.has(word.replace(/['’]/g, ''));
      if (joins || asks) starts.push(m.index + m[1]!.length);
    } else if (strong.has(m[5]!.toLowerCase())) {
      starts.push(m.index + m[4]!.length);
    }
  }
  return starts.filter((s) => s > 0);
}

/**
 * Splits a message into sentences and clauses, in order, each trimmed and keeping its own punctuation:
 * "ok cool. phones in essex?" → ["ok cool.", "phones in essex?"]. Sentences end at . ? ! ; … and line
 * breaks (not inside 1.5, a web address or after St.); a sentence splits again where a joiner opens a
 * new question (", and what about kent", "but how many", "so which") or a question word follows a comma
 * (", how many"). Joining the clauses with spaces gives back the message's words.
 */
export function splitClauses(text: string, words: ClauseWords): string[] {
  const head = text.slice(0, MAX_CHARS);
  const clauses: string[] = [];
  let start = 0;
  for (const end of [...sentenceEnds(head, wordSetOf(words.abbreviations)), head.length]) {
    if (end <= start) continue;
    const sentence = head.slice(start, end);
    let from = 0;
    for (const cut of [...clauseStarts(sentence, words), sentence.length]) {
      clauses.push(sentence.slice(from, cut));
      from = cut;
    }
    start = end;
  }
  if (text.length > MAX_CHARS) clauses.push(text.slice(MAX_CHARS));
  return clauses.map((c) => c.trim()).filter((c) => /[\p{L}\p{N}]/u.test(c));
}

/** Whether a clause asks something: it ends with a question mark or opens with a question word ("and how many"). */
export function isQuestion(clause: string, words: Pick<Words, 'question_starts' | 'joiners'>): boolean {
  if (/[?؟][?!؟\s"'”’)]*$/.test(clause)) return true;
  const [first, second] = firstWords(clause, 2);
  if (first === undefined) return false;
  const questionStarts = wordSetOf(words.question_starts);
  return questionStarts.has(first) || (wordSetOf(words.joiners).has(first) && second !== undefined && questionStarts.has(second));
}

/** Short clauses just before the question that it leans on: "kent." in "kent. how many arrests?". */
const CONTEXT_WORDS = 4;

/**
 * The part of a message that carries its question, given clauses from {@link splitClauses} and a
 * scorer saying how much a clause is about what the bot covers (0: nothing).
 * - Questions about the bot's subject win: from the first to the last of them ("ok cool. phones in
 *   essex?" → "phones in essex?"; "arrests in kent? and knives?" keeps both), with a short clause on
 *   the subject just before them ("kent. how many arrests?").
 * - With no such question, the clauses on the subject, first to last.
 * - Otherwise, or when a question is asked but none is on the subject ("how do I know? he has two
 *   phones"), the whole message: it is safer to read it all.
 * A clause for which `asksFigures` holds asks, question word or not: "Hertfordshire: number of people arrested,
 * and how many deal lines?" asks twice.
 * Callers may read both this and the whole message.
 */
export function questionClause(
  clauses: readonly string[],
  isAboutUs: (clause: string) => number,
  words: Pick<Words, 'question_starts' | 'joiners'>,
  asksFigures: (clause: string) => boolean = () => false,
): string {
  if (clauses.length <= 1) return clauses[0] ?? '';
  const about = clauses.map((c) => isAboutUs(c) > 0);
  const asks = clauses.map((c) => isQuestion(c, words) || asksFigures(c));
  const askedAbout = clauses.map((_, i) => about[i]! && asks[i]!);
  const whole = clauses.join(' ');

  let picked: boolean[];
  if (askedAbout.some(Boolean)) picked = askedAbout;
  else if (asks.some(Boolean)) return whole;
  else if (about.some(Boolean)) picked = about;
  else return whole;

  let first = picked.indexOf(true);
  const last = picked.lastIndexOf(true);
  const before = clauses[first - 1];
  if (before !== undefined && about[first - 1] && !asks[first - 1] && firstWords(before, CONTEXT_WORDS + 1).length <= CONTEXT_WORDS) first -= 1;
  return clauses.slice(first, last + 1).join(' ');
}
