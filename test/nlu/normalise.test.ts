import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { normalise } from '../../src/nlu/normalise.js';
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
