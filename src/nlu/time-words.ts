/** Words for times: month names, and relative times ("last year", "next time"). Read by the frame's time step. */

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Seasons, each the months it spans (northern hemisphere, as people in the region mean them). */
export const SEASONS: Readonly<Record<string, readonly number[]>> = {
  spring: [3, 4, 5],
  summer: [6, 7, 8],
  autumn: [9, 10, 11],
  fall: [9, 10, 11],
  winter: [12, 1, 2],
};

/** Words before a month name that show it is a time ("in may", not "may i ask"). */
export const MONTH_CUES = new Set(['in', 'during', 'of', 'from', 'since', 'until', 'till', 'the', 'last', 'this', 'that', 'next', 'early', 'late', 'mid', 'before', 'after', 'about', 'for', 'back']);
/** Words after a month name that show it is a time ("the october week"). */
export const MONTH_AFTER = new Set(['week', 'one', 'operation', 'crackdown', 'results', 'figures']);

/** Relative times, longest first within each kind. Checked in this order. */
export const RELATIVE_TIMES: readonly { kind: 'latest' | 'previous' | 'present' | 'future' | 'past' | 'recurring' | 'trend'; phrases: readonly string[] }[] = [
  { kind: 'previous', phrases: ['previous one', 'previous week', 'previous operation', 'the previous', 'one before', 'week before that', 'before that', 'earlier one', 'the one before'] },
  { kind: 'latest', phrases: ['last time', 'latest', 'most recent', 'last operation', 'last week of action', 'last crackdown', 'last one', 'recent one'] },
  { kind: 'future', phrases: ['next time', 'next year', 'next week', 'next month', 'next one', 'upcoming', 'future', 'planned', 'next'] },
  { kind: 'past', phrases: ['last year', 'last years', 'last yr', 'last yrs', 'last month', 'last week', 'yesterday', 'years ago', 'year ago'] },
  { kind: 'present', phrases: ['this year', 'this month', 'this week', 'today', 'tonight', 'these days', 'nowadays', 'at the moment', 'currently', 'right now', 'at present', 'going on now', 'still going on'] },
  { kind: 'trend', phrases: ['going up', 'going down', 'on the rise', 'getting worse', 'getting better', 'increasing', 'decreasing', 'rising', 'falling', 'trend', 'trends', 'over time', 'over the years'] },
  { kind: 'recurring', phrases: ['every year', 'each year', 'per year', 'a year', 'annually', 'every month', 'per month', 'a month'] },
];

/** Words after "next" that make it a place, not a time: "next to norfolk", "next door". */
export const NEXT_AS_PLACE = new Set(['to', 'door']);

/**
 * Words that only ever say when: the matcher treats them as neither on nor off topic and leaves them
 * out of what the classifier sees, because the frame's time step reads them.
 */
export const TIME_WORDS: ReadonlySet<string> = new Set([
  ...MONTHS, 'spring', 'summer', 'autumn', 'winter', 'year', 'years', 'yr', 'yrs', 'month', 'months', 'last', 'next', 'previous', 'yesterday', 'today', 'tonight',
  'nowadays', 'currently', 'annually', 'upcoming', 'future', 'planned', 'ago', 'recent', 'latest', 'earlier', 'lasts',
]);
