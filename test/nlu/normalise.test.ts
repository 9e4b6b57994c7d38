import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { MAX_MATCH_CHARS, normalise } from '../../src/nlu/normalise.js';
import { DANGER_FIRST_LINE } from '../../src/reply/compose.js';
import { realEngine } from '../helpers/fixtures.js';

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

const BREAKS: [string, string][] = [
  ['a line break', '\n'],
  ['CRLF', '\r\n'],
  ['a tab', '\t'],
  ['a vertical tab', '\v'],
  ['a form feed', '\f'],
  ['a NEL', '\u0085'],
];

describe('normalise', () => {
  // Regression: control characters were deleted, so "in⏎danger" read as "indanger".
  it.each(BREAKS)('should read %s as a space', (_name, br) => {
    expect(normalise(`my son is in${br}danger`)).toBe('my son is in danger');
    expect(normalise(`how many arrests in${br}essex`)).toBe('how many arrests in essex');
  });

  it('should keep "&" and "+" as words of their own, for the language file to read', () => {
    expect(normalise('kent+essex & herts')).toBe('kent + essex & herts');
    expect(normalise('arrests&knives')).toBe('arrests & knives');
  });

  it('should still join words split by invisible format characters', () => {
    expect(normalise('ar\u200brests in es\u00adsex')).toBe('arrests in essex');
  });
});

describe('emergency wording split across lines', () => {
  it.each(BREAKS)('should put 999 first when %s splits the wording', (_name, br) => {
    for (const text of [`my son is in${br}danger`, `someone is being${br}threatened with a knife`, `help${br}my son is in danger`]) {
      const reply = engine.answer(text);
      expect(reply.danger, text).toBe(true);
      expect(reply.text.startsWith(DANGER_FIRST_LINE), text).toBe(true);
    }
  });

  it.each(BREAKS)('should understand a question split by %s', (_name, br) => {
    expect(engine.answer(`how many arrests in${br}essex`).intent).toBe('arrests');
  });
});

describe('normalise, on text that is words already', () => {
  /** Every step taken, whatever the text: what normalise's shortcut for text with nothing to change must equal. */
  const everyStep = (text: string) =>
    text
      .slice(0, MAX_MATCH_CHARS)
      .normalize('NFKC')
      .replace(/<\/?[a-z][^>]*>/gi, ' ')
      .replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, ' ')
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g, '')
      .toLowerCase()
      .replace(/['’‘`´]/g, '')
      .replace(/%/g, ' percent ')
      .replace(/[^\p{L}\p{M}\p{N}&+]+/gu, ' ')
      .replace(/\s*([&+])\s*/g, ' $1 ')
      .trim();

  it('should give what every step gives, for every character of the Basic Multilingual Plane beside letters', () => {
    const differ: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCharCode(cp);
      for (const text of [c, `a${c}`, `${c}b`, `x ${c} y`]) if (normalise(text) !== everyStep(text)) differ.push(`U+${cp.toString(16)} in ${JSON.stringify(text)}`);
    }
    expect(differ).toEqual([]);
  });

  it('should still cut a message of plain words at the longest the matcher reads', () => {
    const long = Array.from({ length: 400 }, () => 'word').join(' ');
    expect(normalise(long)).toBe(everyStep(long));
    expect(normalise(long).length).toBeLessThanOrEqual(MAX_MATCH_CHARS);
  });
});
