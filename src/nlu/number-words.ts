/** A lookup that, unlike a plain object, knows nothing of "constructor" or "toString". */
function table(entries: Record<string, number>): ReadonlyMap<string, number> {
  return new Map(Object.entries(entries));
}

const UNITS = table({ zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 });
const TEENS = table({
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS = table({
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
const HUNDRED = new Set(['hundred', 'hundreds']);
/** Words that multiply what comes before them; "k" and "grand" only ever follow a number. */
const SCALES = table({
  thousand: 1_000, thousands: 1_000, k: 1_000, grand: 1_000, million: 1_000_000, millions: 1_000_000, dozen: 12,
});

/** Words before a lone "one" that make it a count: "was it one", "only one", "more than one". */
const ONE_IS_A_COUNT_AFTER = new Set([
  'it', 'its', 'only', 'just', 'than', 'least', 'about', 'around', 'roughly', 'approximately', 'exactly', 'nearly', 'almost', 'over', 'under', 'be', 'was', 'were', 'is', 'are', 'or',
]);
/** Words after a lone "one" that make it a pronoun: "one of them". */
const ONE_IS_A_PRONOUN_BEFORE = new Set(['of', 'another', 'who', 'that', 'which', 'thing']);

const SHORTHAND = /^(£?)(\d+)(k|m)$/;

type State = 'start' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'and' | 'digits' | 'article';

const NUMBER_WORDS = new Set([...UNITS.keys(), ...TEENS.keys(), ...TENS.keys(), ...HUNDRED, 'thousand', 'million', 'dozen']);
/** Whether a token could start or be part of a number this module rewrites. */
const mayBeNumber = (t: string) => NUMBER_WORDS.has(t) || t === 'half' || /\d/.test(t) || (t.includes('-') && t.split('-').some((p) => NUMBER_WORDS.has(p)));

const isWordNumber = (t: string | undefined) => t !== undefined && (UNITS.has(t) || TEENS.has(t) || TENS.has(t));

/** Reads the number starting at tokens[i], if the words there make one. */
function readNumber(tokens: readonly string[], i: number): { value: number; next: number } | undefined {
  let total = 0;
  let current = 0;
  let lastScale = Infinity;
  let state: State = 'start';
  let words = 0; // number words read, as opposed to digits and "a"
  let j = i;
  for (; j < tokens.length; j++) {
    const t = tokens[j]!;
    const next = tokens[j + 1];
    const open = state === 'start' || state === 'hundred' || state === 'scale' || state === 'and';
    if (state === 'start' && (t === 'a' || t === 'an') && next !== undefined && (HUNDRED.has(next) || SCALES.has(next)) && next !== 'k' && next !== 'grand') {
      current = 1;
      state = 'article';
    } else if (state === 'start' && /^\d+$/.test(t) && next !== undefined && (HUNDRED.has(next) || SCALES.has(next))) {
      current = Number(t);
      state = 'digits';
    } else if (UNITS.has(t) && (open || (state === 'tens' && current % 10 === 0))) {
      current += UNITS.get(t)!;
      state = 'unit';
      words++;
    } else if (TEENS.has(t) && open) {
      current += TEENS.get(t)!;
      state = 'teen';
      words++;
    } else if (TENS.has(t) && open) {
      current += TENS.get(t)!;
      state = 'tens';
      words++;
    } else if (HUNDRED.has(t) && current > 0 && current < 100 && state !== 'start' && state !== 'hundred') {
      current *= 100;
      state = 'hundred';
      words++;
    } else if (SCALES.has(t) && current > 0 && SCALES.get(t)! < lastScale && state !== 'start') {
      total += current * SCALES.get(t)!;
      current = 0;
      lastScale = SCALES.get(t)!;
      state = 'scale';
      words++;
    } else if (t === 'and' && (state === 'hundred' || state === 'scale') && isWordNumber(next)) {
      state = 'and';
    } else {
      break;
    }
  }
  if (words === 0) return undefined;
  return { value: total + current, next: j };
}

/** A lone "one" is a count only in number talk: "was it one?", "only one"; not "which one", "no one", "one of them". */
function oneIsACount(tokens: readonly string[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  return before !== undefined && ONE_IS_A_COUNT_AFTER.has(before) && !(after !== undefined && ONE_IS_A_PRONOUN_BEFORE.has(after));
}

/**
 * Writes numbers typed as words in digits, so "was it twenty five in herts" can be checked against a
 * figure: ["was","it","twenty","five","in","herts"] → ["was","it","25","in","herts"]. Reads one to
 * nineteen, tens, hundreds ("a hundred and fifty one" → 151), thousands and millions, "48k" and
 * "£11k" (→ 48000, £11000), "11 grand", and digit groups split by a thousands comma ("11 000" → 11000).
 * A lone "one" is left as a word unless it is plainly a count (see {@link oneIsACount}).
 * Tokens are lower-case words, as {@link words} gives them; hyphenated forms (twenty-five) are read too.
 */
export function readNumberWords(tokens: readonly string[]): string[] {
  if (!tokens.some(mayBeNumber)) return [...tokens]; // the common case, checked cheaply
  const split = tokens.flatMap((t) => (t.includes('-') && /^[a-z]+(?:-[a-z]+)+$/.test(t) && t.split('-').every((p) => UNITS.has(p) || TENS.has(p)) ? t.split('-') : [t]));
  const out: string[] = [];
  for (let i = 0; i < split.length; ) {
    const t = split[i]!;
    const shorthand = SHORTHAND.exec(t);
    if (shorthand && (shorthand[3] === 'k' || shorthand[1] === '£')) {
      out.push(`${shorthand[1]}${Number(shorthand[2]) * (shorthand[3] === 'k' ? 1_000 : 1_000_000)}`);
      i++;
      continue;
    }
    // "11,000" arrives as "11 000" once punctuation is gone.
    if (/^\d{1,3}$/.test(t) && /^\d{3}$/.test(split[i + 1] ?? '')) {
      let joined = t;
      let j = i + 1;
      while (/^\d{3}$/.test(split[j] ?? '')) joined += split[j++];
      out.push(String(Number(joined)));
      i = j;
      continue;
    }
    const halved = t === 'half' && (split[i + 1] === 'a' || split[i + 1] === 'an') ? SCALES.get(split[i + 2] ?? '') : undefined;
    if (halved !== undefined && split[i + 2] !== 'k') {
      out.push(String(halved / 2)); // "half a million", "half a grand"
      i += 3;
      continue;
    }
    const digits = digitByDigit(split, i);
    if (digits) {
      out.push(digits.text);
      i = digits.next;
      continue;
    }
    const number = readNumber(split, i);
    if (!number || (t === 'one' && number.next === i + 1 && !oneIsACount(split, i))) {
      out.push(t);
      i++;
      continue;
    }
    const year = number.next === i + 1 && (t === 'nineteen' || t === 'twenty') ? readNumber(split, number.next) : undefined;
    if (year && year.value >= 10 && year.value <= 99) {
      // "twenty twenty two" is a year: 2022.
      out.push(String(number.value * 100 + year.value));
      i = year.next;
      continue;
    }
    out.push(String(number.value));
    i = number.next;
  }
  return out;
}

/** Numbers said one digit at a time, as phone numbers are: "nine nine nine" → 999, "one oh one" → 101. */
function digitByDigit(tokens: readonly string[], i: number): { text: string; next: number } | undefined {
  const digit = (t: string | undefined) => (t === undefined ? undefined : t === 'oh' || t === 'o' ? 0 : UNITS.get(t));
  if (digit(tokens[i]) === undefined || tokens[i] === 'oh' || tokens[i] === 'o') return undefined;
  let j = i;
  let text = '';
  while (digit(tokens[j]) !== undefined) text += digit(tokens[j++]);
  while (j > i && (tokens[j - 1] === 'oh' || tokens[j - 1] === 'o')) {
    j--;
    text = text.slice(0, -1);
  }
  return text.length >= 3 ? { text, next: j } : undefined;
}
