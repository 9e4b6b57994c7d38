import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine, EngineReply } from '../../src/engine/engine.js';
import { wordsInOtherSenses } from '../../src/nlu/understand.js';
import { body, fixtureEngine, on } from '../frame/fixture.js';

// Fixture figures (invented): spring 2022 week: region 200 arrests, Essex 60, Kent 40, Cambridgeshire 20,
// Bedfordshire 10; Essex 9 deal lines, Kent 7. Suffolk and Norfolk have no figures.
let engine: Engine;
beforeAll(async () => {
  engine = await fixtureEngine();
});
const ask = (text: string, now = on('2022-06-01')): EngineReply => engine.answer(text, undefined, now);

describe('towns read like their county', () => {
  it('should count a town named without "in" as a place when examples use it only as a place', () => {
    const common = wordsInOtherSenses(
      [
        { intent: 'fallback', text: 'is norwich a city' },
        { intent: 'arrests', text: 'arrests in luton' },
        { intent: 'deal_lines', text: 'how many deal lines' },
      ],
      { metrics: new Map() },
    );
    expect(common.has('norwich')).toBe(false);
    expect(common.has('luton')).toBe(false);
    expect(common.has('deal')).toBe(true);
  });

  it('should answer "town figure" with the county figure and the by-county note', () => {
    const r = ask('peterborough arrests');
    expect(r.intent).toBe('arrests');
    expect(body(r.text)).toMatch(/published by county, not by town\. Peterborough is in Cambridgeshire/);
    expect(body(r.text)).toContain('20');
    expect(body(ask('basildon deal lines').text)).toContain('9');
  });

  it('should read "itself" as a filler in a follow-up naming a place', () => {
    const r = ask('what about cambridge itself');
    expect(r.frame.places[0]?.county).toBe('cambridgeshire');
    expect(r.intent).not.toBeNull();
  });

  it('should say a figure was not published for a region county without one, even when it cannot answer', () => {
    const r = ask('i live in ipswich was anyone arrested round here');
    expect(body(r.text)).toMatch(/not published/);
    expect(body(r.text)).not.toContain('200');
  });
});
