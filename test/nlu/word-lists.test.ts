import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/nlu/normalise.js';
import { asciiDigits, createWordLists, fold } from '../../src/nlu/word-lists.js';

/** Folding with every step taken, whatever the text: what fold's shortcuts for text with nothing to fold must equal. */
function foldEveryStep(text: string): string {
  const folded: Record<string, string> = { ł: 'l', ı: 'i', đ: 'd', ø: 'o', ß: 'ss', ي: 'ی', ك: 'ک', ى: 'ی', 'ۀ': 'ه' };
  return normalise(asciiDigits(text))
    .normalize('NFD')
    .replace(/(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])[\u0300-\u036f]+/gu, '')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .normalize('NFC')
    .replace(/[łıđøßيكىۀ]/g, (c) => folded[c]!);
}

describe('fold', () => {
  it.each([
    ['Osób', 'osob'],
    ['zadzwoń', 'zadzwon'],
    ['Łódź', 'lodz'],
    ['straße', 'strasse'],
    ['١٤ گرفتار', '14 گرفتار'],
    ['১৪ জন', '14 জন'],
    ['كم عدد', 'کم عدد'],
    ['  Ile   osób?! ', 'ile osob'],
    ['how many arrests', 'how many arrests'],
    ['পুলিশ', 'পুলিশ'],
  ])('should fold %j to %j', (text, expected) => {
    expect(fold(text)).toBe(expected);
  });

  it('should fold every character of the Basic Multilingual Plane as every step would, beside a letter and alone', () => {
    const differ: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCharCode(cp);
      for (const text of [c, `a${c}`, `${c}b`, `x ${c} y`]) if (fold(text) !== foldEveryStep(text)) differ.push(`U+${cp.toString(16)} in ${JSON.stringify(text)}`);
    }
    expect(differ).toEqual([]);
  });
});

describe('createWordLists', () => {
  it('should find a listed phrase, and a stem, in words folded as messages are', () => {
    const lists = createWordLists([
      ['ile osób', 'pl'],
      ['stab*', 'harm'],
    ]);
    expect(lists.all(fold('Ile osob zostalo stabbed').split(' ')).map((h) => [h.phrase, h.value])).toEqual([
      ['ile osób', 'pl'],
      ['stab*', 'harm'],
    ]);
  });
});
