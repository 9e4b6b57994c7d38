import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { DANGER_FIRST_LINE } from '../../src/reply/compose.js';
import { realEngine } from '../helpers/fixtures.js';

// What comes after 999, or on its own, for each kind of danger (issue: danger first, in any words).
// The engine runs on the logic fixture; guidance and contacts are copies of data/'s, so the wording is checked
// by what it must contain, not word for word.
let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

const ask = (text: string) => engine.answer(text, undefined, 0);
const opensWith999 = (text: string) => text.trimStart().startsWith(DANGER_FIRST_LINE);

describe('next steps after 999', () => {
  it('a missing child at risk: 999 first, then no waiting to report, and SafeCall', () => {
    const r = ask('my 14 year old hasnt come home for two days and i think the gang he hangs around with have taken him to london');
    expect(opensWith999(r.text)).toBe(true);
    expect(r.text).toMatch(/don't have to wait/i);
    expect(r.text).toContain('116 000');
    expect(r.frame.rule).toContain('emergency-missing_child');
  });

  it('a missing child with no sign of risk: no 999 first, but report straight away, no waiting, and SafeCall', () => {
    const r = ask('my daughter hasnt come home from school yet');
    expect(opensWith999(r.text)).toBe(false);
    expect(r.text).toMatch(/don't have to wait/i);
    expect(r.text).toContain('116 000');
    expect(r.frame.rule).toContain('next-missing_child');
  });

  it('a home taken over now: 999 first, then what cuckooing is', () => {
    const r = ask('a load of lads have taken over my nans flat and theyre still in there now, shes too scared to go back');
    expect(opensWith999(r.text)).toBe(true);
    expect(r.text).toMatch(/cuckooing/i);
  });

  it('someone thinking of confronting them: don\'t, and how to report, with Crimestoppers for anonymity; no 999 first', () => {
    const r = ask('should i go round and sort them out myself');
    expect(opensWith999(r.text)).toBe(false);
    expect(r.text).toMatch(/don't go round/i);
    expect(r.text).toMatch(/Crimestoppers on 0800 555 111/);
  });

  it('someone about to confront them right now: 999 first, then don\'t', () => {
    const r = ask('im going round there right now with my brothers to sort them out, they just put a brick through the window');
    expect(opensWith999(r.text)).toBe(true);
    expect(r.text).toMatch(/don't go round/i);
  });

  it('a young person in a line who is scared now: 999 first, then the young person\'s help', () => {
    const r = ask('im 15 and the lads i run for are outside my house right now saying i owe them');
    expect(opensWith999(r.text)).toBe(true);
    expect(r.tone).toBe('young');
    expect(r.text).toContain('Childline');
  });

  it('a message in another language in danger: 999 in English first, then in that language (the fixture\'s invented one)', () => {
    const r = ask('hulpa messa bij deura');
    expect(r.text.split('\n')[0]).toBe(DANGER_FIRST_LINE);
    expect(r.text.split('\n')[1]).toContain('Zork 999 nu');
    expect(r.language.code).toBe('xx');
  });
});
