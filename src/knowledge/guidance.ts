import { z } from 'zod';
import type { Problem } from '../files/problem.js';
import { readYaml, validate } from '../files/yaml-file.js';
import { describe, strictObject, text } from '../files/zod-helpers.js';

const isoDate = z.iso.date({ error: (i) => `should be the date the page was last read, written as YYYY-MM-DD, but it is ${describe(i.input)}` });
const checkedDate = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDate);

/** Where a guidance item comes from: every item needs all four parts, so anyone can check it. */
export const guidanceSourceSchema = strictObject({
  publisher: text('who wrote the page, for example Home Office'),
  title: text("the page's title"),
  url: z.url({ error: (i) => `should be the page's web address (https://...), but it is ${describe(i.input)}` }),
  checked: checkedDate,
});

/** One piece of guidance from a public body or charity: never part of a police release. */
export const guidanceItemSchema = strictObject({
  about: text('one line saying what this item is for'),
  text: text('what the bot says, in plain words').refine((s) => !/\d/.test(s), {
    message: 'has a number in it. Phone numbers live in data/contacts.yaml; write the words only.',
  }),
  source: guidanceSourceSchema,
});

/** `data/guidance.yaml`: guidance items keyed by id. */
export const guidanceFileSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9_]*$/, 'names use only lower-case letters, digits and _ (for example signs_child)'),
  guidanceItemSchema,
);

export type GuidanceItem = z.infer<typeof guidanceItemSchema>;

/**
 * Guidance items the danger reading's next steps say by themselves (src/engine/engine.ts, nextStep): after
 * 999 for a missing child, and for someone thinking of confronting the people. No template needs to name them.
 */
export const NEXT_STEP_GUIDANCE = { missing_child: 'missing_child', confront: 'dont_confront' } as const;

/** The guidance file's name inside data/. */
export const GUIDANCE_FILE = 'guidance.yaml';

/** Reads and checks `data/guidance.yaml`; an item without a full source is an error naming the file and field. */
export async function loadGuidance(path: string, shownAs: string): Promise<{ guidance?: Map<string, GuidanceItem>; problems: Problem[] }> {
  const { doc, problems } = await readYaml(path, shownAs);
  if (!doc) return { problems };
  const { value, problems: invalid } = validate(doc, guidanceFileSchema);
  if (!value) return { problems: [...problems, ...invalid] };
  return { guidance: new Map(Object.entries(value)), problems };
}

/** Fields a template may name for one guidance item: the text, who wrote it, and the page. */
export function guidanceFields(id: string): string[] {
  return [`guidance.${id}`, `guidance.${id}.by`, `guidance.${id}.title`, `guidance.${id}.url`];
}

/** Looks up `{guidance.ID}`, `{guidance.ID.by}`, `{guidance.ID.title}` and `{guidance.ID.url}`. */
export function guidanceLookup(guidance: ReadonlyMap<string, GuidanceItem>, field: string): string | undefined {
  const [head, id = '', part] = field.split('.');
  if (head !== 'guidance') return undefined;
  const item = guidance.get(id);
  if (!item) return undefined;
  switch (part) {
    case undefined: return item.text;
    case 'by': return item.source.publisher;
    case 'title': return item.source.title;
    case 'url': return item.source.url;
    default: return undefined;
  }
}
