import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { foldWord, stripPleasantries } from '../../src/nlu/pleasantries.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/pleasantries/pleasantries.yaml');
const PHRASES: readonly string[] = Object.values(parse(readFileSync(FIXTURE, 'utf8')) as Record<string, string[]>).flat();
const strip = (text: string) => stripPleasantries(text, PHRASES);

describe('stripPleasantries', () => {
  it.each([
    ['ok cool. phones in essex?', 'phones in essex?'],
    ['right, and what about knives in beds', 'and what about knives in beds'],
    ['hi, how many arrests in kent?', 'how many arrests in kent?'],
    ['hello how are you? what is county lines? thank you!', 'what is county lines?'],
    ['how many arrests in kent thanks', 'how many arrests in kent'],
    ['knives in kent mate', 'knives in kent'],
    ['what is county lines? ok. and arrests in kent?', 'what is county lines? and arrests in kent?'],
    ['sorry to bother you, how many phones were seized', 'how many phones were seized'],
    ['please how many arrests', 'how many arrests'],
    ['Hi\nhow many arrests in kent', 'how many arrests in kent'],
    ['ok how many knives', 'how many knives'],
    // A form of address straight after a greeting goes with it.
    ['hi mate, how many knives', 'how many knives'],
  ])('should keep the question of %j', (text, expected) => {
    expect(strip(text).text).toBe(expected);
  });

  it.each([
    ['Dzień dobry! how many arrests in Luton? Dziękuję', 'how many arrests in Luton?'],
    ['dzien dobry how many arrests in luton dziekuje', 'how many arrests in luton'],
    ['Bună ziua, how many knives in kent? Mulțumesc', 'how many knives in kent?'],
    ['buna ziua how many knives in kent multumesc', 'how many knives in kent'],
    ['Labas! arrests in essex, ačiū', 'arrests in essex'],
    ['Olá, tudo bem? how many phones in kent? obrigado', 'how many phones in kent?'],
    ['Assalam-o-Alaikum, how many arrests in Luton? shukriya', 'how many arrests in Luton?'],
    ['السلام علیکم، how many arrests in luton?', 'how many arrests in luton?'],
    // Typed on an Arabic keyboard: the Arabic yeh and kaf instead of the Urdu letters.
    ['السلام عليكم how many arrests in luton شكريه', 'how many arrests in luton'],
    ['আসসালামু আলাইকুম। how many arrests in luton?', 'how many arrests in luton?'],
    ['নমস্কার how many knives in kent ধন্যবাদ', 'how many knives in kent'],
    ['Nomoskar, what is county lines', 'what is county lines'],
  ])('should skip the greetings of another language in %j', (text, expected) => {
    expect(strip(text).text).toBe(expected);
  });

  it.each([
    ['آپ کا بہت بہت شکریہ how many arrests in luton', 'how many arrests in luton'],
    ['ভাই কেমন আছো? how many arrests', 'how many arrests'],
    ['how many arrests in luton میں', 'how many arrests in luton'],
    ['how many arrests? আমি জানতে চাই', 'how many arrests?'],
    ['السلام علیکم بھائی جان، how many arrests', 'how many arrests'],
  ])('should skip unlisted words of another script beside the English question in %j', (text, expected) => {
    expect(strip(text).text).toBe(expected);
  });

  it.each([
    // Wholly in another script: kept, so it is not mistaken for a greeting.
    'لوٹن میں کتنی گرفتاریاں ہوئیں؟',
    'লুটনে কতজন গ্রেফতার হয়েছে?',
    // Latin letters: Polish is read as words, not skipped as a script.
    'ile osób aresztowano? how many arrests',
    // Only at the edges of a sentence.
    'how many میں arrests',
    // Digits of any script may be read.
    '۱۲ arrests',
  ])('should keep %j', (text) => {
    expect(strip(text)).toEqual({ text, stripped: [] });
  });

  it('should keep the English-free rest of a greeting in another script', () => {
    expect(strip('السلام علیکم، لوٹن میں کتنی گرفتاریاں؟').text).toBe('لوٹن میں کتنی گرفتاریاں؟');
  });

  it.each(['hi', 'Thanks!!!', 'no thanks', 'ok cool.', 'hello. thank you', 'Dzień dobry', 'السلام علیکم', 'নমস্কার'])(
    'should leave nothing of %j, a message made only of pleasantries',
    (text) => {
      expect(strip(text).text).toBe('');
    },
  );

  it.each([
    // "ok …" opens a sentence only; "… mate" closes one only.
    'are the kids ok',
    'mate of mine got arrested',
    'is that right?',
    // Words that merely contain a greeting.
    'this is high',
    'whole county',
    'thanksgiving arrests',
    // A danger word is never a pleasantry.
    'help me',
    'how many arrests in kent',
    '',
    '???',
  ])('should leave %j as it is', (text) => {
    expect(strip(text)).toEqual({ text, stripped: [] });
  });

  it.each([
    ['hi hi hi', ''],
    ['hello? is anyone there?', 'is anyone there?'],
    ['THANKS', ''],
    ['cheers mate, how many arrests', 'how many arrests'],
    ['👍', '👍'],
    ['hi 👋 arrests?', 'arrests?'],
    ['  hi  ,  arrests  in   kent  ', 'arrests in kent'],
    ['hi\r\n\r\nthanks\r\n', ''],
  ])('should cope with awkward %j', (text, expected) => {
    expect(strip(text).text).toBe(expected);
  });

  it('should read a very long message of greetings to its question', () => {
    expect(strip(`${'hi '.repeat(2000)}arrests in kent ${'thanks '.repeat(2000)}`).text).toBe('arrests in kent');
    expect(strip(`${'hi. '.repeat(2000)}arrests in kent`).text).toBe('arrests in kent');
  });

  it('should ignore blank and punctuation-only phrases in the list', () => {
    expect(stripPleasantries('hi, arrests', ['', '  ', '...', '…', 'hi'])).toEqual({ text: 'arrests', stripped: ['hi'] });
  });

  it('should keep danger words after a greeting', () => {
    expect(strip('hi please help me').text).toBe('help me');
  });

  it('should report what it removed, as typed, in order', () => {
    expect(strip('Dzień dobry! how many arrests in Luton? Dziękuję').stripped).toEqual(['Dzień dobry', 'Dziękuję']);
    expect(strip('Hi, how are you? knives in kent, cheers mate').stripped).toEqual(['Hi, how are you', 'cheers mate']);
  });

  it('should take the longest phrase ("cheers mate", not "… mate" alone)', () => {
    expect(strip('knives in kent cheers mate')).toEqual({ text: 'knives in kent', stripped: ['cheers mate'] });
  });

  it('should keep a number with a decimal point whole', () => {
    expect(strip('was it 1.5 thanks').text).toBe('was it 1.5');
  });

  it('should work with no phrases at all', () => {
    expect(stripPleasantries(' hi there ', [])).toEqual({ text: 'hi there', stripped: [] });
  });

  it('should accept "..." as well as "…" in a listed phrase', () => {
    expect(stripPleasantries('right how many', ['right ...']).text).toBe('how many');
    expect(stripPleasantries('how many right', ['right ...']).text).toBe('how many right');
    expect(stripPleasantries('how many mate', ['... mate']).text).toBe('how many');
  });

  // Whatever is typed, the result is the message's own words, in order, with some left out.
  it('should only ever remove words, never add or reorder them', () => {
    const vocabulary = ['hi', 'ok', 'thanks', 'mate', 'arrests', 'kent', 'dziękuję', 'no', '.', ',', '?', '\n', ' ', 'كم'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string()), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        const words = (s: string) => s.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
        const kept = words(strip(text).text);
        const all = words(text);
        let i = 0;
        for (const w of kept) {
          while (i < all.length && all[i] !== w) i++;
          expect(i, `${JSON.stringify(text)} kept ${JSON.stringify(kept)}`).toBeLessThan(all.length);
          i++;
        }
      }),
    );
  });
});

describe('foldWord', () => {
  it.each([
    ['Dzień', 'dzien'],
    ['DZIĘKUJĘ', 'dziekuje'],
    ['Łódź', 'lodz'],
    ['mulțumesc', 'multumesc'],
    ['ačiū', 'aciu'],
    ['Olá', 'ola'],
    ["you're", 'youre'],
    ['you’re', 'youre'],
    ['عليكم', foldWord('علیکم')],
    ['شكريه', foldWord('شکریہ')],
    ['ধন্যবাদ', 'ধন্যবাদ'],
  ])('should fold %j to %j', (word, expected) => {
    expect(foldWord(word)).toBe(expected);
  });
});
