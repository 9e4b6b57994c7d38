import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumberWords } from '../../src/nlu/number-words.js';

const read = (text: string) => readNumberWords(text.split(' ')).join(' ');

describe('readNumberWords', () => {
  it('should write a number typed as words in digits', () => {
    expect(readNumberWords(['was', 'it', 'twenty', 'five', 'in', 'herts'])).toEqual(['was', 'it', '25', 'in', 'herts']);
  });

  it.each([
    ['seven', '7'],
    ['zero', '0'],
    ['thirteen arrests', '13 arrests'],
    ['ninety nine', '99'],
    ['fourty four', '44'],
    ['twenty-eight', '28'],
    ['a hundred and fifty one', '151'],
    ['one hundred and fifty one', '151'],
    ['a hundred', '100'],
    ['one hundred fifty one', '151'],
    ['a hundred and fifty-one', '151'],
    ['two hundred', '200'],
    ['twelve hundred', '1200'],
    ['forty eight thousand', '48000'],
    ['forty-eight thousand pounds', '48000 pounds'],
    ['a thousand', '1000'],
    ['two thousand five hundred', '2500'],
    ['a hundred and fifty thousand', '150000'],
    ['one hundred thousand', '100000'],
    ['a million', '1000000'],
    ['two million', '2000000'],
    ['two thousand and twenty two', '2022'],
    ['a dozen knives', '12 knives'],
    ['150 thousand', '150000'],
    ['48 k', '48000'],
    ['11 grand', '11000'],
    ['eleven grand', '11000'],
  ])('should read %j as %j', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    ['48k', '48000'],
    ['£11k', '£11000'],
    ['£150k cash', '£150000 cash'],
    ['£2m', '£2000000'],
    // A comma in 11,000 becomes a space once punctuation is gone.
    ['11 000', '11000'],
    ['1 500 000', '1500000'],
    ['£11000', '£11000'],
  ])('should read the short form %j as %j', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    ['arrests in twenty twenty two', 'arrests in 2022'],
    ['nineteen ninety nine', '1999'],
    ['twenty twenty', '2020'],
  ])('should read the year %j as %j', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    ['nine nine nine', '999'],
    ['one oh one', '101'],
    ['call one zero one', 'call 101'],
    ['zero eight hundred', '0 800'],
  ])('should read digits said one at a time in %j', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    ['was it one', 'was it 1'],
    ['only one arrest in suffolk', 'only 1 arrest in suffolk'],
    ['more than one', 'more than 1'],
    ['at least one knife', 'at least 1 knife'],
    ['was it one or two', 'was it 1 or 2'],
  ])('should read the count in %j', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    'which one had the most',
    'no one was arrested',
    'anyone arrested',
    'one of them',
    'was it one of the counties',
    'the one in kent',
    'hundreds of arrests',
    'thousands of pounds',
    'k thanks',
    'a grand total',
    '5m away',
    'county lines',
    // Names a plain object would find on its prototype.
    'constructor toString valueOf __proto__ hasOwnProperty',
    'half a constructor',
    'an arrest',
    'and',
    'one',
    '',
  ])('should leave %j as it is', (text) => {
    expect(read(text)).toBe(text);
  });

  it.each([
    ['was it twenty eight or twenty nine', 'was it 28 or 29'],
    ['151 or one hundred and fifty', '151 or 150'],
    ['half a million', '500000'],
    ['half a thousand', '500'],
    ['half a dozen', '6'],
    ['half a grand', '500'],
    ['half a k', 'half a k'],
    ['half of them', 'half of them'],
    ['twenty twenty-two', '2022'],
    ['one day', 'one day'],
    ['in one week', 'in one week'],
    ['were there one hundred', 'were there 100'],
    ['two or three', '2 or 3'],
    ['twenty constructor', '20 constructor'],
    ['twenty five and thirty', '25 and 30'],
    ['five six', '5 6'],
    ['ten hundred thousand', '1000000'],
    ['hundred', 'hundred'],
    ['five and', '5 and'],
    ['fifty five five', '55 5'],
  ])('should read awkward %j as %j', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('should never lengthen the message or lose a word that is not a number', () => {
    const vocabulary = ['one', 'two', 'twenty', 'five', 'hundred', 'and', 'a', 'thousand', 'k', 'in', 'kent', 'which', '48k', '£11k', '000', '11', 'oh', 'grand', 'million'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 10 }), (tokens) => {
        const out = readNumberWords(tokens);
        expect(out.length).toBeLessThanOrEqual(tokens.length);
        for (const word of ['in', 'kent', 'which']) expect(out.filter((t) => t === word).length).toBe(tokens.filter((t) => t === word).length);
      }),
    );
  });
});
