import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseYaml, validate } from '../files/yaml-file.js';
import { InvalidFilesError } from '../files/problem.js';
import { FALLBACK_INTENT, type Intent } from '../intents/load.js';
import type { EvalCase } from './evaluate.js';

const evalFileSchema = z.array(
  z.strictObject({
    text: z.string(),
    intent: z.string(),
    expect: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  }),
);

/** Every intent's held-out test phrases. The fallback's are expected to get no intent. */
export function heldOutCases(intents: readonly Intent[]): EvalCase[] {
  return intents.flatMap((i) => i.tests.map((text) => ({ text, expected: i.id === FALLBACK_INTENT ? null : i.id, expect: [], from: i.file })));
}

/** Reads an evaluation set: a YAML list of {text, intent, expect}. `fallback` means the bot should not answer. */
export async function readEvalSet(path: string, shownAs = path): Promise<EvalCase[]> {
  const { doc, problems } = parseYaml(await readFile(path, 'utf8'), shownAs);
  if (!doc) throw new InvalidFilesError(problems);
  const { value, problems: invalid } = validate(doc, evalFileSchema);
  if (!value) throw new InvalidFilesError(invalid);
  return value.map((c) => ({ text: c.text, expected: c.intent === FALLBACK_INTENT ? null : c.intent, expect: c.expect, from: shownAs }));
}
