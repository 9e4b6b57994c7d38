import { z } from 'zod';

/** An object that rejects misspelt fields, naming the ones it does know. */
export function strictObject<S extends z.core.$ZodLooseShape>(shape: S) {
  const names = Object.keys(shape);
  // A long list of names helps no one: name the few nearest the one typed.
  const knownNear = (keys: string[]) => (names.length <= LISTED_NAMES ? names : nearestNames(keys[0] ?? '', names)).join(', ');
  const hint = (keys: string[]) => {
    const lower = keys.find((k) => names.includes(k.toLowerCase()));
    return lower ? ` Names are written in lower case: type ${lower.toLowerCase()}: instead.` : ' Check the spelling.';
  };
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (${names.length <= LISTED_NAMES ? 'known' : 'nearest known'}: ${knownNear(issue.keys)}).${hint(issue.keys)}`
        : issue.code === 'invalid_type'
          ? `should be a set of fields (name: value), not ${describe(issue.input)}`
          : undefined,
  });
}

/** How many field names an unknown-field message lists in full; beyond it, only the nearest. */
const LISTED_NAMES = 16;

/** The three names nearest a typed one, by edit distance (a swap of neighbours counts as one). */
export function nearestNames(typed: string, names: readonly string[], count = 3): string[] {
  return names
    .map((name) => ({ name, d: editsBetween(typed, name) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map(({ name }) => name);
}

/** Restricted Damerau-Levenshtein distance: insertions, deletions, changes and swaps of neighbours. */
function editsBetween(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Plain words for a value's kind, for error messages read by staff. */
export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 30 ? value.slice(0, 30) + '…' : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value} (yes or no)`;
  if (typeof value === 'object') return 'a set of fields (name: value)';
  return `a ${typeof value}`;
}

/** What a field should be, in plain words, by the kind zod expected. */
const EXPECTED: Readonly<Record<string, string>> = {
  boolean: 'true or false',
  number: 'a number',
  int: 'a whole number',
  string: 'some text',
  array: 'a list (each line starting "- ")',
  object: 'a set of fields (name: value)',
  record: 'a set of fields (name: value)',
  date: 'a date written as YYYY-MM-DD',
};

/**
 * Plain words for any schema problem a schema does not word itself, so that no staff member reads zod's
 * ("Invalid input: expected boolean, received string"). Set once for every schema (see below).
 */
export function plainIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `should be ${EXPECTED[issue.expected] ?? issue.expected}, but it is ${describe(issue.input)}`;
    case 'invalid_value':
      return `should be ${issue.values.length === 1 ? String(issue.values[0]) : `one of ${issue.values.map(String).join(', ')}`}, but it is ${describe(issue.input)}`;
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${String(issue.minimum)}` : issue.origin === 'string' ? 'should not be empty' : `should be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' ? `should have at most ${String(issue.maximum)}` : issue.origin === 'string' ? `should be at most ${String(issue.maximum)} characters long` : `should be at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return `is not written the expected way (${issue.format === 'date' ? 'YYYY-MM-DD' : issue.format}), but it is ${describe(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}. Check the spelling.`;
    case 'invalid_union':
      return `is not one of the forms this field takes, but it is ${describe(issue.input)}: see the comments at the top of the file`;
    default:
      return `is not right here, it is ${describe(issue.input)}: see the comments at the top of the file`;
  }
}

z.config({ customError: plainIssue });

/** A non-empty line of text. */
export const text = (what = 'some text') =>
  z.string({ error: (i) => `should be ${what}, but it is ${describe(i.input)}` }).trim().min(1, `should be ${what}, but it is empty`);

/** A list of text lines. */
export const textList = (what: string, min = 1) =>
  z
    .array(text(what), { error: (i) => `should be a list of ${what} (each line starting "- "), but it is ${describe(i.input)}` })
    .min(min, `needs at least ${min} ${what}`);
