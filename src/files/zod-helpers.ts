import { z } from 'zod';

/** An object that rejects misspelt fields, naming the ones it does know. */
export function strictObject<S extends z.core.$ZodLooseShape>(shape: S) {
  const names = Object.keys(shape);
  const known = names.join(', ');
  const hint = (keys: string[]) => {
    const lower = keys.find((k) => names.includes(k.toLowerCase()));
    return lower ? ` Names are written in lower case: type ${lower.toLowerCase()}: instead.` : ' Check the spelling.';
  };
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} (known: ${known}).${hint(issue.keys)}`
        : issue.code === 'invalid_type'
          ? `should be a set of fields (name: value), not ${describe(issue.input)}`
          : undefined,
  });
}

/** Plain words for a value's kind, for error messages read by staff. */
export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 30 ? value.slice(0, 30) + '…' : value}"`;
  return `a ${typeof value}`;
}

/** A non-empty line of text. */
export const text = (what = 'some text') =>
  z.string({ error: (i) => `should be ${what}, but it is ${describe(i.input)}` }).trim().min(1, `should be ${what}, but it is empty`);

/** A list of text lines. */
export const textList = (what: string, min = 1) =>
  z
    .array(text(what), { error: (i) => `should be a list of ${what} (each line starting "- "), but it is ${describe(i.input)}` })
    .min(min, `needs at least ${min} ${what}`);
