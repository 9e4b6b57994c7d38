import { z } from 'zod';
import { describe, strictObject } from '../files/zod-helpers.js';

/**
 * The sentences the answer planner writes itself, by name, with what each is for (said in error messages).
 * The sentences are in data/lang/en.yaml under `wording:`; fields in {braces} are filled from the question
 * and from data/, and figures never appear in them. Intent files hold the rest of the wording.
 */
export const WORDING_SENTENCES = {
  next_missing_child: "After 999, or on its own: a child missing ({guidance} is data/guidance.yaml's missing_child)",
  next_confront: "someone thinking of confronting the people themselves",
  outside_region: "a place outside the region",
  town_in_county: "towns asked about: figures are by county",
  year_holds_week: "a year asked about that holds the week",
  other_time: "a time asked about that no week held matches",
  other_time_future: "a time to come asked about",
  other_time_present: "now asked about",
  other_time_previous: "an earlier week asked about, when none is held",
  other_time_trend: "whether it is going up or down",
  other_time_recurring: "how often, yearly or monthly figures",
  week_asked: "several weeks held, one asked for",
  sum: "a sum of county figures",
  share: "a share of the region's figure",
  difference: "the gap between two counties' figures",
  ratio: "how many times one county's figure is another's",
  except: "the region's figure without one county",
  county_sum: "all the county figures added up, and how that sits with the region's total",
  county_sum_differs: "the county figures added up are not the region total",
  county_sum_matches: "the county figures added up match the region total",
  metric_sum: "two figures of one place added up",
  metric_share: "one figure as a share of another",
  metric_difference: "one figure set against another of the same place",
  metric_ratio: "one figure as a rate of another of the same place",
  share_half: "more or less than half",
  per_day: "a figure per day",
  cannot_calculate: "a figure needed for a calculation was not published",
  confirm_yes: "confirming a number",
  confirm_yes_qualified: "yes to a figure the release gives as estimated or \"more than\"",
  confirm_no: "no to a number checked",
  confirm_other_place: "the number checked is another place's figure",
  confirm_other_metric: "the number checked is another figure of the place",
  confirm_none: "no figure of the place has the number checked",
  confirm_qualified: "a number checked against a figure given as \"more than\"",
  weeks_versus: "two weeks side by side",
  week_line: "one week in a list of weeks",
  week_line_dates: "one week in a list of weeks that share a name",
  weeks_more: "of two weeks side by side, the one with more",
  weeks_same: "two weeks side by side with the same figure",
  places_more: "of two counties side by side, the one with more",
  places_same: "two counties side by side with the same figure",
  not_published_short: "in a list, a figure that was not published",
  specific_no_answer: "something else asked, naming a place or a figure of the week: what the bot can say about those instead",
  facet_no_figure: "a breakdown the release does not give, and no figure for it",
  facet_nearest: "a breakdown not given, before the nearest figure",
  service_named: "a service the message names that the answer left out",
  service_named_plain: "a service named in the message, with no description",
  contact: "contact questions",
  contact_crimestoppers: "how to reach Crimestoppers",
  not_published_figure: "a figure not published for a place",
  figures_intro: "several figures or places asked at once: one line each, under this",
  figures_row: "one place's line in a list of figures",
  figure_not_published: "a figure asked that was not published, in a row of {@link figures_row}",
  region_row: "the region as a row of figures",
  from_last_question: "places taken from the last question",
} as const;

export type WordingKey = keyof typeof WORDING_SENTENCES;

/** A sentence of `wording:`: text with its {fields}; never a figure or a phone number typed in (checked by the loader). */
const sentence = (what: string) =>
  z.string({
    error: (i) => (i.input === undefined ? `is missing: English needs this sentence (${what}). Restore it from git.` : `should be a sentence (${what}) in quotes, but it is ${describe(i.input)}`),
  }).min(1, `should be a sentence (${what}), not empty`);

const shape = Object.fromEntries(Object.entries(WORDING_SENTENCES).map(([key, what]) => [key, sentence(what)])) as Record<WordingKey, ReturnType<typeof sentence>>;

/** English's `wording:`: every sentence must be there. */
export const wordingSchema = strictObject(shape);

/** Another language's `wording:`: any of the sentences (answers come in English for now). */
export const someWordingSchema = strictObject(shape).partial();

/** The sentences of a language, by name. */
export type Wording = z.infer<typeof wordingSchema>;
