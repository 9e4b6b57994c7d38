import { z } from 'zod';
import { describe, strictObject, text, textList } from '../files/zod-helpers.js';

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'names use only lower-case letters, digits and _ (for example deal_lines)');

/** `data/metrics.yaml`: the figures the bot can talk about. */
export const metricSchema = strictObject({
  label: text('a short description, for example "arrests"'),
  unit: z.enum(['count', 'gbp'], { error: 'should be count or gbp' }),
  summary: text('a phrase containing {value}').refine((s) => s.includes('{value}'), 'should contain {value}, where the figure goes'),
  words: textList('words that point to this figure'),
  /** Figures this one is given for, where a place has none of its own (money seized, not said whether cash or drugs, for cash). */
  stands_in_for: textList('keys of the figures this one is given for when a place has none of its own', 0).optional(),
  /** Figures this one's words ask for too (money, for cash and drugs): asked for, any of them is the answer. */
  covers: textList('keys of the figures that a question for this one may be answered with', 0).optional(),
});
export const metricsFileSchema = z.record(key, metricSchema);

/**
 * `data/places.yaml`: counties and the names people use for them. The region's seven counties carry
 * `in_region: true` and may list their towns and districts; entries without it are places outside the region.
 */
export const placeSchema = strictObject({
  name: text('the county name as it should be shown'),
  aliases: textList('other names', 0).default([]),
  in_region: z.boolean({ error: (i) => `should be true or false (or left out), but it is ${describe(i.input)}` }).optional(),
  towns: textList('town and district names, in lower case', 0).optional(),
  /** Towns whose names are also everyday words or other places (march, deal): read as the town only with context. */
  ambiguous_towns: textList('town names that are also everyday words or other places, in lower case', 0).optional(),
}).refine((p) => !p.ambiguous_towns?.length || p.in_region === true, {
  message: 'ambiguous_towns are listed only for counties in the region: add "in_region: true" or move the towns to a region county',
  path: ['ambiguous_towns'],
}).refine((p) => !p.towns || p.towns.length === 0 || p.in_region === true, {
  message: 'towns are listed only for counties in the region: add "in_region: true" or move the towns to a region county',
  path: ['towns'],
});
export const placesFileSchema = z.record(key, placeSchema);

const isoDate = z.iso.date({ error: (i) => `should be a date written as YYYY-MM-DD, but it is ${describe(i.input)}` });
const dateField = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDate);

/** One published figure with the wording that qualifies it. */
export const figureSchema = strictObject({
  value: z.number({ error: (i) => `should be a number, but it is ${describe(i.input)}` }).nonnegative('cannot be negative'),
  qualifier: z.enum(['more_than', 'estimated'], { error: 'should be more_than or estimated (or left out)' }).optional(),
});

const figures = z.record(key, figureSchema);

/** `data/operations/*.yaml`: one week of action and everything published about it. */
export const operationSchema = strictObject({
  id: key.or(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes')),
  name: text('the name of the operation'),
  ran_by: strictObject({ name: text('the unit name'), short: text('the short name') }),
  start: dateField,
  end: dateField,
  published: dateField,
  source: strictObject({
    publisher: text('who published the figures'),
    title: text('a title for the source'),
    file: text('the source file name'),
  }),
  region: figures,
  counties: z.record(key, figures),
  /** The week's own facts (what it did, what was said); facts that hold every week go in data/shared.yaml. */
  facts: z.record(key, text('a sentence or two')).default({}),
});

/** `data/shared.yaml`: facts that hold for every week (what county lines is, how to report), and where they come from. */
export const sharedSchema = strictObject({
  source: strictObject({
    publisher: text('who published these facts'),
    title: text('a title for the source'),
    file: text('the source file name'),
  }),
  facts: z.record(key, text('a sentence or two')),
});

/** `data/facets.yaml`: breakdowns people ask for that a release may not give (ages, charges, guns...). */
export const facetSchema = strictObject({
  says: text('the sentence the bot says when the release does not give this'),
  words: textList('words in a question that ask for this breakdown'),
  nearest: key.optional(),
  /** The question is about something else than the figures (knives handed in to amnesty bins): no figure is given. */
  no_figures: z.boolean().optional(),
  /** A place named is the breakdown's value, not where figures are asked ("came from London"). */
  place_is_value: z.boolean().optional(),
  /** Said only before figures, never before a text answer ("when did it start, on monday?" is not asking for daily figures). */
  figures_only: z.boolean().optional(),
});
export const facetsFileSchema = z.record(key, facetSchema);

export type MetricDef = z.infer<typeof metricSchema>;
export type FacetDef = z.infer<typeof facetSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type OperationFile = z.infer<typeof operationSchema>;

/**
 * A UK phone number written as it is dialled, digits in groups separated by single spaces:
 * 999, 101, 116 123, 85258 (a text short code), 0800 1111, 0800 555 111, 020 7946 0000.
 */
export function isUkNumber(number: string): boolean {
  if (!/^\d+( \d+)*$/.test(number)) return false;
  const digits = number.replace(/ /g, '');
  if (digits.startsWith('0')) return digits.length >= 8 && digits.length <= 11;
  return /^(?:\d{3}|116\d{3}|\d{5})$/.test(digits);
}

const ukNumber = z.preprocess(
  // YAML reads 999 and 101 as numbers; a number with a leading 0 typed without quotes loses its 0 and fails below.
  (v) => (typeof v === 'number' ? String(v) : v),
  z
    .string({ error: (i) => `should be a phone number such as 0800 555 111, but it is ${describe(i.input)}` })
    .trim()
    .refine(isUkNumber, {
      error: (i) =>
        `"${String(i.input)}" is not a UK phone number as it is dialled. Write the digits in groups with single spaces, such as 0800 555 111, 101 or 116 123 (no +44, dashes or brackets).`,
    }),
);

/** Where a contact's details were checked: a web page (url) or a saved copy of a release (file). */
export const contactSourceSchema = strictObject({
  publisher: text('who publishes this number'),
  title: text('the title of the page or release'),
  url: z.url({ error: 'should be the web address (https://...) of the page that gives this number' }).optional(),
  file: text('the saved copy of the release').optional(),
  checked: dateField,
}).refine((s) => s.url || s.file, 'needs url: (the page that gives this number) or file: (the saved release)');

/** One entry of `data/contacts.yaml`: a number or service the bot may give. */
export const contactSchema = strictObject({
  name: text('the name people know the service by'),
  number: ukNumber.optional(),
  text: ukNumber.nullish().transform((v) => v ?? undefined),
  web: z.url({ protocol: /^https?$/, error: 'should be a web address starting https://' }).optional(),
  about: text('a short plain-words description').optional(),
  source: contactSourceSchema,
}).refine((c) => c.number || c.text || c.web, 'needs a number:, a text: number or a web: address');

/** `data/contacts.yaml`: keyed by a lower-case id such as crimestoppers. */
export const contactsFileSchema = z.record(key, contactSchema);

export type Contact = z.infer<typeof contactSchema>;

/** `data/words.yaml`: plain word → the slang and misspellings people type for it. */
export const wordsFileSchema = z.record(
  z.string().regex(/^[a-z0-9 ]+$/, 'plain words use lower-case letters, digits and spaces'),
  textList('ways of writing this word'),
);

/** `data/pleasantries.yaml`: greetings, thanks and polite words by language, skipped around a question. */
export const pleasantriesFileSchema = z.record(
  key,
  z.array(
    text('a greeting, thanks or polite phrase').refine((s) => /[\p{L}\p{N}]/u.test(s), 'should contain a word, not only punctuation'),
    { error: (i) => `should be a list of phrases (each line starting "- "), but it is ${describe(i.input)}` },
  ),
);
