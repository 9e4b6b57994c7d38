import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { tallyOf, unpublishedAsked } from '../../src/insight/tally.js';
import { realEngine } from '../helpers/fixtures.js';

// On the frozen fixture data: Suffolk published nothing, the region no deal lines, and no week gives ages.
describe('tallyOf', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await realEngine();
  });
  const tally = (text: string) => tallyOf(engine.answer(text), engine.knowledge);

  it('should count a figure answered by its act, figure, place, topic and outcome', () => {
    expect(tally('how many arrests in essex').counters.sort()).toEqual(['act:figure', 'language:en', 'metric:arrests', 'outcome:answered', 'place:essex', 'topic:arrests']);
  });

  it.each([
    ['how many arrests in suffolk', ['unpublished:arrests@suffolk']],
    ['how old were the people arrested in essex', ['unpublished:breakdown:age']],
  ])('should count %j as not published, naming what was not', (text, missing) => {
    const t = tally(text);
    expect(t.outcome).toBe('not_published');
    expect(t.counters).toEqual(expect.arrayContaining(missing));
  });

  it('should count each part of a message of several', () => {
    const t = tally('how many arrests in essex and what is cuckooing');
    expect(t.counters).toEqual(expect.arrayContaining(['act:figure', 'act:fact', 'place:essex']));
  });

  it('should count the fallback and danger first as outcomes', () => {
    expect(tally('what time does the tip open on sunday').outcome).toBe('fallback');
    expect(tally('someone has a knife and is threatening me right now').outcome).toBe('danger');
  });

  it('should name nothing typed: every counter is a key of the files', () => {
    const t = tally('my mate Dave Smith in Colchester says arrests are up, call 07700 900123');
    expect(t.counters.join(' ')).not.toMatch(/dave|smith|07700|colchester/i);
  });

  it('should take a town as its county, and a time no week covers as no figure asked', () => {
    expect(tally('arrests in colchester').counters).toContain('place:essex');
    const frame = { ...engine.answer('arrests in essex').frame, time: { kind: 'year' as const, said: '2019', operations: [] } };
    expect(unpublishedAsked(frame, engine.knowledge)).toEqual([]);
  });
});
