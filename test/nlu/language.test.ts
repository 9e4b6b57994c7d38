import { describe, expect, it } from 'vitest';
import { ENGLISH_SHARE, findLanguage, type Detect } from '../../src/nlu/language.js';
import { loadDetector, readGuess } from '../../src/nlu/detect-cld3.js';

const known = new Set(['en', 'pl', 'ur', 'cy', 'ro']);
const says = (code: string | undefined, reliable = true): Detect => () => (code ? { code, reliable } : undefined);
const evidence = (over: Partial<Parameters<typeof findLanguage>[0]> = {}) => ({ text: 'Pomocy, oni są pod drzwiami', englishShare: 0, votes: [], ...over });

describe('findLanguage: the text decides, the hint only breaks a tie', () => {
  it('reads a message with no letters as English', () => {
    expect(findLanguage(evidence({ text: '999 ???' }), says('pl'), known)).toEqual({ code: 'en', rule: 'no-letters' });
  });

  it('keeps a message of mostly English words in English, whatever the detector says', () => {
    expect(findLanguage(evidence({ englishShare: ENGLISH_SHARE }), says('pl'), known)).toEqual({ code: 'en', rule: 'english-words' });
  });

  it('takes a guess the detector trusts, for a language the bot has', () => {
    expect(findLanguage(evidence(), says('pl'), known)).toEqual({ code: 'pl', rule: 'detected' });
    expect(findLanguage(evidence({ votes: ['pl'] }), says('pl'), known)).toEqual({ code: 'pl', rule: 'detected' });
    expect(findLanguage(evidence(), says('en'), known)).toEqual({ code: 'en', rule: 'detected' });
  });

  it('adds up the evidence: two words of a language outvote a trusted guess (Roman Urdu read as Welsh); one does not', () => {
    expect(findLanguage(evidence({ text: 'bachao chaku wala bahar hai', votes: ['ur', 'ur', 'en'] }), says('cy'), known)).toEqual({ code: 'ur', rule: 'word-lists' });
    expect(findLanguage(evidence({ votes: ['ur'] }), says('cy'), known)).toEqual({ code: 'cy', rule: 'detected' });
  });

  it('lets the detector\'s guess, trusted or not, tip a vote', () => {
    expect(findLanguage(evidence({ votes: ['pl', 'ro'] }), says('ro', false), known)).toEqual({ code: 'ro', rule: 'detected' });
  });

  it('weighs an untrusted guess at half a word', () => {
    expect(findLanguage(evidence(), says('cy', false), known)).toEqual({ code: 'cy', rule: 'detected' });
    expect(findLanguage(evidence({ votes: ['ro'] }), says('cy', false), known)).toEqual({ code: 'ro', rule: 'word-lists' });
  });

  it('uses the Telegram hint only when the text leaves it open, and reads PL-pl as pl', () => {
    expect(findLanguage(evidence({ hint: 'cy' }), says(undefined), known)).toEqual({ code: 'cy', rule: 'hint' });
    expect(findLanguage(evidence({ hint: 'cy' }), says('pl'), known)).toEqual({ code: 'pl', rule: 'detected' });
    expect(findLanguage(evidence({ hint: 'PL-pl' }), undefined, known)).toEqual({ code: 'pl', rule: 'hint' });
  });

  it('lets two words of a language\'s own (markers, lexicon) outvote English-looking words, and one not', () => {
    const english = { text: 'co to jest county lines', englishShare: 0.8 };
    expect(findLanguage(evidence({ ...english, markers: ['pl'] }), says('en'), known)).toEqual({ code: 'en', rule: 'english-words' });
    expect(findLanguage(evidence({ ...english, markers: ['pl'], lexicon: ['pl'] }), says('en', false), known)).toEqual({ code: 'pl', rule: 'word-lists' });
    // Danger words alone never do: an English message may share one with another language's list.
    expect(findLanguage(evidence({ ...english, votes: ['pl', 'pl'] }), says('en'), known)).toEqual({ code: 'en', rule: 'english-words' });
  });

  it('reads a short follow-up in the conversation\'s language ("a w Kent?"), a longer message by its own words', () => {
    const followUp = { text: 'a w Kent?', englishShare: 0.7, wordCount: 3, conversation: 'pl' };
    expect(findLanguage(evidence(followUp), says('en', false), known)).toEqual({ code: 'pl', rule: 'word-lists' });
    expect(findLanguage(evidence({ ...followUp, wordCount: 6 }), says('en', false), known)).toEqual({ code: 'en', rule: 'english-words' });
    expect(findLanguage(evidence({ ...followUp, conversation: 'en' }), says('en', false), known)).toEqual({ code: 'en', rule: 'english-words' });
  });

  it('counts each lexicon word one language alone lists as a vote: two outvote a trusted guess (romanised Bengali read as Portuguese)', () => {
    expect(findLanguage(evidence({ lexicon: ['ur', 'ur', 'ro'] }), says(undefined), known)).toEqual({ code: 'ur', rule: 'word-lists' });
    expect(findLanguage(evidence({ text: 'suffolk cate linii au fost inchise', lexicon: ['ro', 'ro'] }), says('cy', true), known)).toEqual({ code: 'ro', rule: 'word-lists' });
    expect(findLanguage(evidence({ lexicon: ['ro'] }), says('cy', true), known)).toEqual({ code: 'cy', rule: 'detected' });
  });

  it('breaks a tie with no guess by the languages\' own words, not danger words, which every language is read for', () => {
    expect(findLanguage(evidence({ text: 'ei operation ta ke chalaise?', votes: ['pl'], lexicon: ['ur'] }), says(undefined), known)).toEqual({ code: 'ur', rule: 'word-lists' });
    expect(findLanguage(evidence({ votes: ['pl', 'ro'] }), says(undefined), known)).toEqual({ code: 'en', rule: 'default' });
  });

  it('gives a language that shares another\'s words (Punjabi, Urdu) that language\'s votes but its markers, once its own markers are found', () => {
    const withPa = new Set([...known, 'pa']);
    const shares = new Map([['pa', 'ur']]);
    // Shared words and a detector that knows only Urdu say nothing against Punjabi once a Punjabi marker is found.
    expect(findLanguage(evidence({ lexicon: ['ur', 'ur', 'ur'], markers: ['pa'] }), says('ur'), withPa, shares)).toEqual({ code: 'pa', rule: 'word-lists' });
    // Without the sharing, the same evidence is Urdu's.
    expect(findLanguage(evidence({ lexicon: ['ur', 'ur', 'ur'], markers: ['pa'] }), says('ur'), withPa)).toEqual({ code: 'ur', rule: 'detected' });
    // Without a Punjabi marker, shared words go to the language that lists them.
    expect(findLanguage(evidence({ lexicon: ['ur', 'ur'], votes: ['pa'] }), says(undefined), withPa, shares)).toEqual({ code: 'ur', rule: 'word-lists' });
    // Urdu's own markers still tell it apart: one Punjabi-looking word among several Urdu markers stays Urdu.
    expect(findLanguage(evidence({ lexicon: ['ur', 'ur'], markers: ['ur', 'ur', 'ur', 'pa'] }), says('ur'), withPa, shares)).toEqual({ code: 'ur', rule: 'detected' });
  });

  it('with no other sign, takes the one language whose lexicon reads the most words, shared and short ones too, before the hint', () => {
    const reads = (entries: [string, number][]) => new Map(entries);
    expect(findLanguage(evidence({ text: 'co to w ogole sa te county lines?', reads: reads([['pl', 4], ['ro', 2]]), hint: 'ro' }), says(undefined), known)).toEqual({ code: 'pl', rule: 'word-lists' });
    // A tie, or a single word read, leaves it to the hint.
    expect(findLanguage(evidence({ reads: reads([['pl', 3], ['ro', 3]]), hint: 'ro' }), says(undefined), known)).toEqual({ code: 'ro', rule: 'hint' });
    expect(findLanguage(evidence({ reads: reads([['pl', 1]]) }), says(undefined), known)).toEqual({ code: 'en', rule: 'default' });
    // Any vote comes first.
    expect(findLanguage(evidence({ reads: reads([['pl', 4]]), votes: ['ro'] }), says(undefined), known)).toEqual({ code: 'ro', rule: 'word-lists' });
  });

  it('answers in English when nothing points to a language the bot has', () => {
    expect(findLanguage(evidence(), says('fr'), known)).toEqual({ code: 'en', rule: 'default' });
  });
});


describe('the detector\'s guess', () => {
  it('is no guess for a language written in another script (ru-Latn), nor for und', () => {
    expect(readGuess('ru-Latn', true)).toBeUndefined();
    expect(readGuess('und', false)).toBeUndefined();
    expect(readGuess('pl', true)).toEqual({ code: 'pl', reliable: true });
  });

  it('is no Russian for county names typed without their vowels, with CLD3 itself', async () => {
    const detect = await loadDetector();
    expect(detect('hrtfrdshr dl lns')).toBeUndefined();
    expect(detect('Ile osób zatrzymała policja w Norfolk?')?.code).toBe('pl');
  });
});
