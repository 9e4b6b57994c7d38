/**
 * Words that show the shape of a question: which time, which calculation, a contact request.
 * They are read from the message's plain lower-case words, padded with spaces (" was it 28 ").
 */

/** Phrases asking how to reach someone, not for figures. */
export const CONTACT_PHRASES = [
  'phone number', 'contact number', 'telephone number', 'number for', 'number to call', 'number do i call', 'number should i call',
  'contact details', 'how do i contact', 'how can i contact', 'how to contact', 'how do you contact', 'contact them', 'get in touch',
  'get hold of', 'how do i reach', 'how can i reach', 'how to reach', 'email address', 'their website', 'what number',
];

/** Phrases asking to add figures together. */
export const SUM_PHRASES = ['together', 'combined', 'between them', 'add up', 'added up', 'added together', 'plus', 'sum of', 'in total', 'total', 'altogether', 'put together'];

/** Words that ask for arithmetic outright: with no county named they add up the county figures ("add up all the deal lines"). */
export const ADD_WORDS = ['add', 'adding', 'added up', 'sum of', 'total up', 'tot up'];

/** Phrases asking how far apart two figures are. */
export const DIFFERENCE_PHRASES = ['how many more', 'how much more', 'how many fewer', 'how many less', 'how much less', 'difference between', 'the difference', 'what difference'];

/** Words right before a county that leave it out of the region's figure: "arrests outside essex". */
export const EXCEPT_WORDS = ['outside', 'except', 'excluding', 'apart from', 'other than', 'not counting', 'not including', 'besides'];

/** Words asking about the counties as a set: "add up the county figures". */
export const COUNTY_SET_WORDS = ['county', 'counties', 'each county', 'every county', 'all the counties', 'the forces', 'each force'];

/** Phrases asking for a share of a total. */
export const SHARE_PHRASES = ['share', 'percentage', 'percent', 'per cent', 'proportion', 'fraction', 'out of the', 'what part', 'half', 'a third', 'a quarter', 'majority'];

/** Phrases asking for a daily rate. */
export const PER_DAY_PHRASES = ['a day', 'per day', 'each day', 'every day', 'daily', 'a night', 'per night'];

/** Phrases asking for the biggest or smallest. */
export const MOST_WORDS = ['most', 'highest', 'top', 'biggest', 'best', 'busiest', 'largest', 'greatest'];
export const FEWEST_WORDS = ['fewest', 'least', 'lowest', 'smallest', 'bottom', 'quietest', 'fewer', 'less', 'worst', 'minimum', 'min'];

/** Words that set two things against each other. */
export const VERSUS_WORDS = ['vs', 'versus', 'v', 'than', 'compare', 'compared', 'comparison', 'against', 'more', 'less', 'fewer', 'better', 'worse', 'or'];

/** Words before a number that make it something other than a figure being checked ("under 18", "top 3"). */
export const NOT_CONFIRM_BEFORE = new Set(['under', 'over', 'aged', 'age', 'top', 'last', 'first', 'past', 'next', 'every', 'for']);

/** Numbers that are contact numbers, never figures. */
export const CONTACT_NUMBERS = new Set([999, 101, 111, 116, 123, 555, 800]);

export { MONTHS, MONTH_CUES, MONTH_AFTER, NEXT_AS_PLACE, RELATIVE_TIMES, SEASONS } from '../nlu/time-words.js';
