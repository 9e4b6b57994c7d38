/**
 * Skips greetings, thanks and polite words around a question, in any language listed in
 * `data/pleasantries.yaml`: "Dzień dobry! how many arrests in Luton? dziękuję" keeps only the question. Matching ignores capitals, accents and apostrophes; the text that is kept
 * is returned exactly as typed, punctuation included, so sentences can still be split afterwards.
 */

/** A phrase as listed, ready to match. */
interface Phrase {
  words: readonly string[];
  /** Listed as "ok …": skipped only when it opens a sentence. */
  openingOnly: boolean;
  /** Listed as "… mate": skipped only when it closes a sentence. */
  closingOnly: boolean;
}

interface PhraseIndex {
  byFirst: ReadonlyMap<string, readonly Phrase[]>;
  byLast: ReadonlyMap<string, readonly Phrase[]>;
}

interface Token {
  start: number;
  end: number;
  word: string;
  /** Written in Latin letters or digits, so the bot may be able to read it. */
  latin: boolean;
}

/** Letters with their accents, digits, and the joiners some scripts type inside words; apostrophes inside words. */
const WORD = /[\p{L}\p{M}\p{N}\u200c\u200d]+(?:['’‘`´][\p{L}\p{M}\p{N}\u200c\u200d]+)*/gu;
/** Punctuation that ends a sentence, including the Urdu full stop (۔), Arabic question mark (؟) and Bengali danda (।). */
const SENTENCE_END = /[.!?;\n\r…۔؟।॥]/;
const ELLIPSIS = /^(?:…|\.\.\.)\s*|\s*(?:…|\.\.\.)$/g;

/** Latin letters that carry no combining accent, so decomposing them does not strip it. */
const LATIN_FOLDS: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ħ: 'h' };
/** Arabic-keyboard letters typed for their Urdu forms, and alef variants. */
const ARABIC_FOLDS: Record<string, string> = { 'ي': 'ی', 'ى': 'ی', 'ك': 'ک', 'ه': 'ہ', 'ة': 'ہ', 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا' };

/**
 * One word as matching sees it: lower case, no apostrophes or joiners, Latin accents removed
 * (dzień → dzien, mulțumesc → multumesc), Arabic-script variants unified and vowel marks removed.
 * Marks of other scripts (Bengali vowel signs) are kept, since they are part of the letters.
 */
export function foldWord(word: string): string {
  if (PLAIN.test(word)) return word.includes("'") ? word.toLowerCase().replace(/'/g, '') : word.toLowerCase(); // the common case
  const cached = folded.get(word);
  if (cached !== undefined) return cached;
  if (folded.size > 5000) folded.clear();
  const result = foldOther(word);
  folded.set(word, result);
  return result;
}

const PLAIN = /^[A-Za-z0-9']*$/;
const LATIN_OR_DIGITS = /\p{Script=Latin}|^\p{N}+$/u;
const folded = new Map<string, string>();

function foldOther(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`´\u200c\u200d\u0640]/g, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .replace(/[łđøßæœıħ]/g, (c) => LATIN_FOLDS[c] ?? c)
    .replace(/[يىكهةأإآٱ]/g, (c) => ARABIC_FOLDS[c] ?? c)
    .normalize('NFC');
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const latin = PLAIN.test(m[0]) || LATIN_OR_DIGITS.test(m[0]);
    tokens.push({ start: m.index, end: m.index + m[0].length, word: foldWord(m[0]), latin });
  }
  return tokens;
}

const indexes = new WeakMap<readonly string[], PhraseIndex>();

/** Indexes the phrases by their first and last word, longest first; built once per list. */
function indexPhrases(phrases: readonly string[]): PhraseIndex {
  const cached = indexes.get(phrases);
  if (cached) return cached;
  const byFirst = new Map<string, Phrase[]>();
  const byLast = new Map<string, Phrase[]>();
  const seen = new Set<string>();
  for (const listed of phrases) {
    const trimmed = listed.trim();
    const openingOnly = /(?:…|\.\.\.)$/.test(trimmed);
    const closingOnly = /^(?:…|\.\.\.)/.test(trimmed);
    const words = tokenise(trimmed.replace(ELLIPSIS, '')).map((t) => t.word);
    const id = `${openingOnly ? '>' : ''}${closingOnly ? '<' : ''}${words.join(' ')}`;
    if (words.length === 0 || seen.has(id)) continue;
    seen.add(id);
    const phrase: Phrase = { words, openingOnly: openingOnly && !closingOnly, closingOnly: closingOnly && !openingOnly };
    for (const [map, key] of [[byFirst, words[0]!], [byLast, words.at(-1)!]] as const) {
      const list = map.get(key) ?? [];
      list.push(phrase);
      list.sort((a, b) => b.words.length - a.words.length);
      map.set(key, list);
    }
  }
  const index = { byFirst, byLast };
  indexes.set(phrases, index);
  return index;
}

/** Words in tokens[from, to) equal to the phrase's words, starting at `at`. */
function matches(tokens: readonly Token[], at: number, phrase: Phrase, from: number, to: number): boolean {
  if (at < from || at + phrase.words.length > to) return false;
  return phrase.words.every((w, k) => tokens[at + k]!.word === w);
}

/** Splits token positions into sentences: [start, end) pairs. */
function sentences(text: string, tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length) {
      if (start < i) out.push([start, i]);
      break;
    }
    // "1.5" splits too, harmlessly: a number is never a pleasantry.
    if (SENTENCE_END.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) {
      out.push([start, i]);
      start = i;
    }
  }
  return out;
}

/** Whether tokens[from, to) can be read wholly as pleasantries ("ok cool", "hi, thanks"). */
function allPleasantries(tokens: readonly Token[], from: number, to: number, index: PhraseIndex): boolean {
  const reachable = new Array<boolean>(to - from + 1).fill(false);
  reachable[to - from] = true;
  for (let i = to - 1; i >= from; i--) {
    reachable[i - from] = (index.byFirst.get(tokens[i]!.word) ?? []).some(
      (p) => matches(tokens, i, p, from, to) && reachable[i + p.words.length - from],
    );
  }
  return reachable[0]!;
}

/**
 * Removes greetings, thanks and polite words at the start or end of a message and of each sentence in
 * it, and sentences made only of them. Returns the rest exactly as typed (trimmed) and the phrases
 * removed, as typed. A message that is only pleasantries comes back as empty text.
 *
 * Words in a script other than Latin (Urdu, Bengali...) at the edge of a sentence, or whole sentences
 * of them, are removed too when the message also has words in Latin letters: an unlisted greeting
 * must not hide the English question after it. A message with no Latin words keeps them all.
 *
 * Check a message for danger on the whole text, before this: the removed words are gone from `text`.
 *
 * @param phrases as listed in `data/pleasantries.yaml`: "hello" (start or end), "ok …" (only opening
 *   a sentence), "… mate" (only closing one, or straight after another pleasantry: "hi mate").
 */
export function stripPleasantries(text: string, phrases: readonly string[]): { text: string; stripped: string[] } {
  const index = indexPhrases(phrases);
  const tokens = tokenise(text);
  // The common case, checked cheaply: no word could begin or end a pleasantry.
  if (!tokens.some((t) => index.byFirst.has(t.word) || index.byLast.has(t.word) || !t.latin)) return { text: text.trim(), stripped: [] };
  // Words in other scripts are skipped only beside words the bot may read, so a message wholly in
  // Urdu or Bengali is kept as it is rather than read as a greeting.
  const someLatin = tokens.some((t) => t.latin);
  const cuts: [number, number][] = [];
  const stripped: [number, string][] = [];
  const note = (from: number, to: number) => stripped.push([tokens[from]!.start, text.slice(tokens[from]!.start, tokens[to - 1]!.end)]);

  for (const [s, e] of sentences(text, tokens)) {
    if (allPleasantries(tokens, s, e, index)) {
      cuts.push([tokens[s]!.start, e < tokens.length ? tokens[e]!.start : text.length]);
      note(s, e);
      continue;
    }
    if (someLatin && !tokens.slice(s, e).some((t) => t.latin)) {
      // A sentence in another script, beside English ones: an unlisted greeting, most likely.
      cuts.push([tokens[s]!.start, e < tokens.length ? tokens[e]!.start : text.length]);
      note(s, e);
      continue;
    }
    let first = s;
    for (;;) {
      // After a greeting, a word that only closes sentences is a form of address: "hi mate", "aoa bhai".
      const phrase = (index.byFirst.get(tokens[first]!.word) ?? []).find((p) => (!p.closingOnly || first > s) && matches(tokens, first, p, first, e - 1));
      let to = phrase ? first + phrase.words.length : first;
      if (!phrase && someLatin) while (to < e && !tokens[to]!.latin) to++;
      if (to === first || to === e) break;
      note(first, to);
      first = to;
    }
    if (first > s) cuts.push([tokens[s]!.start, tokens[first]!.start]);
    let last = e;
    for (;;) {
      const at = (p: Phrase) => last - p.words.length;
      const phrase = (index.byLast.get(tokens[last - 1]!.word) ?? []).find((p) => !p.openingOnly && matches(tokens, at(p), p, first + 1, last));
      let from = phrase ? at(phrase) : last;
      if (!phrase && someLatin) while (from > first + 1 && !tokens[from - 1]!.latin) from--;
      if (from === last) break;
      note(from, last);
      last = from;
    }
    if (last < e) cuts.push([tokens[last - 1]!.end, tokens[e - 1]!.end]);
  }
  if (cuts.length === 0) return { text: text.trim(), stripped: [] };

  cuts.sort((a, b) => a[0] - b[0]);
  let kept = '';
  let at = 0;
  for (const [from, to] of cuts) {
    if (from > at) kept += text.slice(at, from);
    at = Math.max(at, to);
  }
  kept += text.slice(at);
  return {
    text: kept.replace(/[ \t]{2,}/g, ' ').replace(/^[\s,;:–—-]+/, '').trim(),
    stripped: stripped.sort((a, b) => a[0] - b[0]).map(([, s]) => s),
  };
}
