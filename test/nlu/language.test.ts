import { describe, expect, it } from 'vitest';
import { ENGLISH_SHARE, findLanguage, mostVoted, type Detect } from '../../src/nlu/language.js';

const known = new Set(['en', 'pl', 'ur', 'cy']);
const says = (code: string | undefined): Detect => () => code;
const evidence = (over: Partial<Parameters<typeof findLanguage>[0]> = {}) => ({ text: 'Pomocy, oni są pod drzwiami', englishShare: 0, votes: [], ...over });

describe('findLanguage: the text decides, the hint only breaks a tie', () => {
  it('reads a message with no letters as English', () => {
    expect(findLanguage(evidence({ text: '999 ???' }), says('pl'), known)).toEqual({ code: 'en', rule: 'no-letters' });
  });

  it('keeps a message of mostly English words in English, whatever the detector says', () => {
    expect(findLanguage(evidence({ englishShare: ENGLISH_SHARE }), says('pl'), known)).toEqual({ code: 'en', rule: 'english-words' });
  });

  it('takes the detector when it finds a language the bot has', () => {
    expect(findLanguage(evidence(), says('pl'), known)).toEqual({ code: 'pl', rule: 'detected' });
    expect(findLanguage(evidence(), says('en'), known)).toEqual({ code: 'en', rule: 'detected' });
  });

  it('falls back on the word lists\' vote when the detector finds nothing the bot has (Roman Urdu)', () => {
    expect(findLanguage(evidence({ text: 'bachao chaku wala bahar hai', votes: ['ur', 'ur', 'en'] }), says('hi'), known)).toEqual({ code: 'ur', rule: 'word-lists' });
  });

  it('uses the Telegram hint only when the text leaves it open, and reads pt-br as pt', () => {
    expect(findLanguage(evidence({ hint: 'cy' }), says(undefined), known)).toEqual({ code: 'cy', rule: 'hint' });
    expect(findLanguage(evidence({ hint: 'cy' }), says('pl'), known)).toEqual({ code: 'pl', rule: 'detected' });
    expect(findLanguage(evidence({ hint: 'PL-pl' }), undefined, known)).toEqual({ code: 'pl', rule: 'hint' });
  });

  it('answers in English when nothing points to a language the bot has', () => {
    expect(findLanguage(evidence(), says('fr'), known)).toEqual({ code: 'en', rule: 'default' });
  });
});

describe('mostVoted', () => {
  it('counts each word found once, leaves English out, and gives nothing on a tie', () => {
    expect(mostVoted(['pl', 'pl', 'ur', 'en', 'en', 'en'])).toBe('pl');
    expect(mostVoted(['pl', 'ur'])).toBeUndefined();
    expect(mostVoted(['en'])).toBeUndefined();
  });
});
