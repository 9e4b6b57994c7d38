import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseYaml, validate } from '../files/yaml-file.js';
import { InvalidFilesError } from '../files/problem.js';
import { FALLBACK_INTENT, type Intent } from '../intents/load.js';
import { namesIn } from './arithmetic.js';
import type { Expectations, Forbidden } from './judge.js';

/** One question and what a right reply to it holds. */
export interface EvalCase {
  text: string;
  /** A free label for reporting by kind (town, slang, emergency...). */
  kind?: string;
  /** `out`: a right reply gives no published figure at all. `any`: only what `expect` says is judged (the danger sets). */
  scope: 'in' | 'out' | 'any';
  /** The intent it should match (null: the fallback); undefined when the case does not say. */
  expected?: string | null;
  expect: Expectations;
  forbid: Forbidden;
  /** Where the case comes from: an intent file's held-out tests, or an evaluation set. */
  from: string;
  /** Earlier messages of the same conversation, in order: `text` is the last turn, the one judged. */
  before?: string[];
}

const FIELD = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
const list = z.array(z.string()).default([]);
const fieldList = z.array(z.string().regex(FIELD, 'write a field as <county>.<figure> or region.<figure>, for example essex.arrests')).default([]);

const expectSchema = z.strictObject({
  fields: fieldList,
  computed: z
    .array(
      z.string().refine((s) => {
        try {
          return namesIn(s).every((n) => FIELD.test(n));
        } catch {
          return false;
        }
      }, 'use field names such as essex.arrests, numbers, + - * / and brackets'),
    )
    .default([]),
  says: list,
  facts: list,
  not_published: z.boolean().default(false),
  danger: z.boolean().default(false),
  services: list,
  young_tone: z.boolean().default(false),
});

const caseSchema = z.strictObject({
  text: z.string(),
  /** Earlier messages of the same conversation, in order; the reply to `text`, the last turn, is judged. */
  before: z.array(z.string()).min(1, 'list at least one earlier message, or leave before: out').optional(),
  kind: z.string().optional(),
  /** Who might ask it (parent, young...): read as the kind when no kind is given. */
  speaker: z.string().optional(),
  scope: z.enum(['in', 'out']).optional(),
  /** The danger sets: whether someone may be in danger now (999 first), or not (no 999 first). */
  danger: z.boolean().optional(),
  /** The message's language, as a code of data/lang/ (en, pl, ur...); English when left out. */
  lang: z.string().regex(/^[a-z]{2,3}$/, 'write the language as its code: en, pl, ro, ur...').optional(),
  /** What a message in another language says, in English, for readers of the set. */
  gloss: z.string().optional(),
  intent: z.string().optional(),
  // The first format listed phrases only; they are read as `says`.
  expect: z.union([expectSchema, z.array(z.union([z.string(), z.number()]).transform(String))]).default([]),
  forbid: z.strictObject({ fields: fieldList }).default({ fields: [] }),
});

const evalFileSchema = z.array(caseSchema);

/** Expectations with nothing required. */
export function noExpectations(): Expectations {
  return { fields: [], computed: [], says: [], facts: [], notPublished: false, danger: false, noDanger: false, services: [], youngTone: false };
}

function toCase(c: z.infer<typeof caseSchema>, from: string): EvalCase {
  const expected = c.intent === undefined ? undefined : c.intent === FALLBACK_INTENT ? null : c.intent;
  const e = Array.isArray(c.expect) ? { ...expectSchema.parse({}), says: c.expect } : expectSchema.parse(c.expect);
  return {
    text: c.text,
    ...((c.kind ?? c.speaker) !== undefined && { kind: (c.kind ?? c.speaker)! }),
    scope: c.scope ?? (c.danger !== undefined ? 'any' : expected === null ? 'out' : 'in'),
    expected,
    expect: {
      fields: e.fields,
      computed: e.computed,
      says: e.says,
      facts: e.facts,
      notPublished: e.not_published,
      danger: e.danger || c.danger === true,
      noDanger: c.danger === false,
      ...(c.lang && { language: c.lang }),
      services: e.services,
      youngTone: e.young_tone,
    },
    forbid: { fields: c.forbid.fields },
    from,
    ...(c.before && { before: c.before }),
  };
}

/** Every intent's held-out test phrases. The fallback's should get no intent; a danger intent's must open with 999. */
export function heldOutCases(intents: readonly Intent[]): EvalCase[] {
  return intents.flatMap((i) =>
    i.tests.map((text): EvalCase => {
      const out = i.id === FALLBACK_INTENT;
      return {
        text,
        scope: out ? 'out' : 'in',
        expected: out ? null : i.id,
        expect: { ...noExpectations(), danger: Boolean(i.danger) },
        forbid: { fields: [] },
        from: i.file,
      };
    }),
  );
}

/** Reads an evaluation set: a YAML list of cases (see docs/editing-intents.md). `intent: fallback` means the bot should not answer. */
export async function readEvalSet(path: string, shownAs = path): Promise<EvalCase[]> {
  const { doc, problems } = parseYaml(await readFile(path, 'utf8'), shownAs);
  if (!doc) throw new InvalidFilesError(problems);
  const { value, problems: invalid } = validate(doc, evalFileSchema);
  if (!value) throw new InvalidFilesError(invalid);
  return value.map((c) => toCase(c, shownAs));
}

/** How a case is known in reports and the accepted run: its text, after its earlier turns when it has any. */
export function caseKey(c: Pick<EvalCase, 'text' | 'before'>): string {
  return c.before ? [...c.before, c.text].join(' → ') : c.text;
}
