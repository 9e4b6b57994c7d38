import { z } from 'zod';
import { describe, strictObject, text } from '../files/zod-helpers.js';

/**
 * The lists of a language file's `words:`: the words people type that show what a question asks, each
 * with what it is for (said in error messages). English must give every list; data/lang/en.yaml says more
 * about each. The readers take them as a parameter: src/frame/contact.ts, operation.ts and time.ts,
 * src/nlu/clauses.ts and speaker.ts.
 */
export const WORD_LISTS = {
  // A request for a phone number (src/frame/contact.ts).
  contact: 'phrases asking how to reach someone',
  contact_who: 'words for the police or Crimestoppers, whom a contact question must be about',
  contact_after: 'words right after one of contact_who that ask how to reach them: "crimestoppers number"',
  crimestoppers: 'names of Crimestoppers',
  // What to do with the figures (src/frame/operation.ts).
  sum: 'phrases asking to add figures together',
  add: 'words asking to add up the county figures',
  difference: 'phrases asking how far apart two figures are',
  ratio: 'phrases asking how many times one figure is another',
  per_figure: 'words between two figures that ask for one as a rate of the other ("arrests per deal line")',
  except: 'words before a county that leave it out of the region',
  rest_of_region: 'phrases for the region without the one county named',
  answered_places: 'words that stand for the places just answered',
  answered_figures: 'words that stand for the figures answered in the last messages, when one place was',
  county_set: 'words for the counties as a set',
  share: 'phrases asking for a share of a total',
  share_half: 'share words asking about half',
  share_third: 'share words asking about a third',
  share_quarter: 'share words asking about a quarter',
  per_day: 'phrases asking for a daily rate',
  most: 'words asking for the biggest',
  fewest: 'words asking for the smallest',
  versus: 'words setting two things against each other',
  before_other_numbers: 'words before a number that make it something other than a figure being checked',
  after_other_numbers: 'words after a number that make it a time or a length',
  // Which time (src/frame/time.ts; time_words also src/nlu/understand.ts).
  months: 'the twelve month names, January first',
  cued_seasons: 'season names that are everyday words too',
  month_cues: 'words before a month name that show it is a time',
  month_after: 'words after a month name that show it is a time',
  month_joins: 'words that join a second time to the first',
  times_previous: 'phrases for the week of action before the latest',
  times_latest: 'phrases for the latest week of action',
  times_future: 'phrases for a time to come',
  times_last_year: 'ways of typing "last year"',
  times_years_ago: 'phrases for years ago',
  times_last_month: 'phrases for last month',
  times_last_week: 'phrases for last week',
  times_present: 'phrases for now',
  times_trend: 'phrases asking whether it is going up or down',
  times_recurring: 'phrases asking how often',
  not_times: 'phrases that hold a time word but name no time',
  time_words: 'words that only ever say when, besides the month names',
  // Where the question is (src/nlu/clauses.ts).
  question_starts: 'words that start a question',
  strong_question_starts: 'question words that start a new question after a comma',
  joiners: 'words that join a new question on after a comma',
  bare_joiners: 'words that join a new question on without a comma',
  abbreviations: 'short words whose full stop does not end a sentence',
  // Who is asking (src/nlu/speaker.ts).
  young_ages: 'ages of a young person',
  young_strong: 'phrases only a young person is likely to write',
  young_weak: 'phrases a young person often writes, but adults do too',
  parent: 'phrases of an adult asking about their own child',
  parent_weak: 'phrases that point to a parent or carer',
  neighbour: 'phrases of a worried neighbour',
  professional: 'phrases of someone asking in their work',
  jobs: 'jobs after "im a"',
  jobs_here: 'jobs before "here"',
  // Reading a message (src/nlu/understand.ts).
  stopwords: 'words too common to tell the classifier anything',
  follow_up_filler: 'words that add nothing to a place on its own',
  comparing: 'words that set counties against each other',
  owners: "words that make a thing someone's own",
  relatives: 'people close to someone, after "my" or "our": what happens to them is their own story',
  personal: 'phrases that ask what one person may do',
  asker: 'words for the asker as the one doing something ("i", "we")',
  asker_between: 'words that may stand between the asker and what they do ("can", "was")',
  people: 'words for people',
  arrest_verbs: 'arrest verbs',
  joins: 'words that join two things named',
  time_features: 'time words the classifier still reads',
  // Follow-ups and parts of a message (src/engine/parts.ts, plan-parts.ts).
  asks_figures: 'phrases that ask for figures',
  asks_count: 'phrases that ask for a count, with or without a figure named',
  second_question: 'words that join a second question on after a first, with no comma',
  second_question_starts: 'question words that start a second question after one of second_question',
  points_back: 'phrases that point back to what was just answered',
  follow_up_openers: 'words that open a follow-up',
  near_me: "phrases for the person's own area",
  lives_in: 'phrases right before a place that say the person lives there',
  taken_back: 'words right before a place that take it back',
  own_story: 'words of someone telling their own story',
  region_itself: 'words that name the region itself',
  region_total: 'words that ask for the region when set beside a county',
  beside: 'words that set the region beside a county',
} as const;

export type WordListName = keyof typeof WORD_LISTS;

/** `seasons:` is the one list of lists: each season's name, with the month names it spans. */
const SEASONS = 'the month names each season spans';

/** A list of words; a number typed in it ("15", or 15 unquoted) is read as a word. */
const wordList = (what: string) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v.map((w) => (typeof w === 'number' ? String(w) : w)) : v),
    z.array(text('a word or phrase').refine((w) => !w.includes('*'), 'has a *: stems work in danger: only. Write each word out in full.'), {
      error: (i) =>
        i.input === undefined
          ? `is missing: English needs this list (${what}). Restore it from git, or write [] to list none.`
          : `should be a list of ${what} in [ ], but it is ${describe(i.input)}`,
    }),
  );

const shape = {
  ...(Object.fromEntries(Object.entries(WORD_LISTS).map(([name, what]) => [name, wordList(what)])) as Record<WordListName, ReturnType<typeof wordList>>),
  seasons: z.record(z.string(), wordList(SEASONS), { error: (i) => `should be each season's name with the months it spans (spring: [march, april, may]), not ${describe(i.input)}` }),
};

/** Month names are counted from January, so there must be twelve; a season spans months of that list. */
function checkMonths(words: { months?: readonly string[]; seasons?: Readonly<Record<string, readonly string[]>> }, ctx: z.RefinementCtx): void {
  const { months, seasons } = words;
  if (months && months.length !== 12) {
    ctx.addIssue({ code: 'custom', path: ['months'], message: `needs the twelve month names, January first (it has ${months.length}): the order gives each month its number.` });
  }
  for (const [season, spans] of Object.entries(seasons ?? {})) {
    spans.forEach((month, i) => {
      if (months && !months.includes(month)) ctx.addIssue({ code: 'custom', path: ['seasons', season, i], message: `"${month}" is not one of the month names in words.months. Check the spelling.` });
    });
  }
}

/** English's `words:`: every list must be there. */
export const wordsSchema = strictObject(shape).superRefine(checkMonths);

/** Another language's `words:`: any of the lists, since the readers take theirs from English for now. */
export const someWordsSchema = strictObject(shape).partial().superRefine(checkMonths);

/** The word lists of a language, by name, and its seasons. */
export type Words = z.infer<typeof wordsSchema>;
