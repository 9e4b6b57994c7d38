import { describe, expect, it } from 'vitest';
import { timeWords } from '../../src/nlu/time-words.js';
import { fixtureWords } from '../helpers/fixtures.js';

describe('timeWords', () => {
  it('should give the month names and the other time words of the words it is given', () => {
    const months = ['frostmonth', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12'];
    const words = timeWords({ months, time_words: ['fortnight', 'Yore'] });
    expect(words.has('frostmonth')).toBe(true);
    expect(words.has('fortnight')).toBe(true);
    // Listed words are read as messages are: lower case.
    expect(words.has('yore')).toBe(true);
    expect(words.has('january')).toBe(false);
  });

  it('should leave "fall" out of English\'s, since it is an everyday word', async () => {
    const en = timeWords(await fixtureWords());
    expect(en.has('october')).toBe(true);
    expect(en.has('autumn')).toBe(true);
    expect(en.has('fall')).toBe(false);
  });
});
