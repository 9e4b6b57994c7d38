import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseRepeats } from '../../src/nlu/repeats.js';

// A small fixture vocabulary standing in for the words the bot knows.
const KNOWN = new Set(['knives', 'beds', 'please', 'so', 'good', 'god', 'arrests', 'essex', 'cannabis', 'hello', 'kent', 'well', 'cool', 'yes', 'no', 'phones', 'see', 'arrested', 'zzz']);
const isKnown = (w: string) => KNOWN.has(w);

describe('collapseRepeats', () => {
  it.each([
    ['knivesss', 'knives'],
    ['bedsss', 'beds'],
    ['pleeease', 'please'],
    ['pleeeeeeeease', 'please'],
    ['soooo', 'so'],
    ['sooo', 'so'],
    ['hellooooo', 'hello'],
    ['helllloooo', 'hello'],
    ['essexxx', 'essex'],
    ['arrrrrested', 'arrested'],
    ['coooool', 'cool'],
    ['wellll', 'well'],
    ['seeee', 'see'],
    ['kennnttt', 'kent'],
    ['phonesss', 'phones'],
  ])('should read %j as %j', (word, expected) => {
    expect(collapseRepeats(word, isKnown)).toBe(expected);
  });

  it('should keep as many letters as it can when both readings are known', () => {
    expect(collapseRepeats('gooood', isKnown)).toBe('good');
  });

  it.each(['arrests', 'essex', 'cannabis', 'kent', 'beds', 'too', 'been', 'zzz', 'xxx', 'www', '1000', '100000', 'a', ''])(
    'should leave %j alone',
    (word) => {
      expect(collapseRepeats(word, isKnown)).toBe(word);
    },
  );

  it('should cut every run to one letter when no reading is known', () => {
    expect(collapseRepeats('luuuuton', () => false)).toBe('luton');
    expect(collapseRepeats('noooooo', () => false)).toBe('no');
  });

  it('should leave digits inside a word alone', () => {
    expect(collapseRepeats('£1000kkk', () => false)).toBe('£1000k');
  });

  it('should handle a word with many stretched runs without trying every reading', () => {
    let calls = 0;
    const counting = (w: string) => (calls++, KNOWN.has(w));
    expect(collapseRepeats('aaabbbcccdddeeefffggg', counting)).toBe('abcdefg');
    expect(calls).toBeLessThan(3);
  });

  it('should never leave three of a letter in a row, nor lengthen a word', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{0,12}$/), (word) => {
        const out = collapseRepeats(word, isKnown);
        expect(out.length).toBeLessThanOrEqual(word.length);
        if (!/^(.)\1*$/.test(word) && !KNOWN.has(word)) expect(out).not.toMatch(/(.)\1\1/);
      }),
    );
  });
});
