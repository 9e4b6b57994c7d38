import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { realEngine } from '../helpers/fixtures.js';

// A breakdown marked figures_only (data/facets.yaml) is said before figures, never before a text answer: "i think my
// teenager is being groomed" is a parent's worry, not a question of ages.
describe('a breakdown asked only of figures', () => {
  let plain: Engine;
  let figuresOnly: Engine;
  beforeAll(async () => {
    plain = await realEngine();
    const facets = new Map(plain.knowledge.facets);
    facets.set('age', { ...facets.get('age')!, figures_only: true });
    figuresOnly = createEngine({ ...plain.knowledge, facets }, plain.intents);
  });

  it('is said before a text answer while the breakdown is not marked figures_only', () => {
    const r = plain.answer('i think my teenager is being groomed');
    expect(r.frame.facet?.key).toBe('age');
    expect(r.text).toMatch(/doesn't give the ages/);
  });

  it('is not said before the text answer once marked, and still before figures', () => {
    const text = figuresOnly.answer('i think my teenager is being groomed');
    expect(text.intent).toBe(plain.answer('i think my teenager is being groomed').intent);
    expect(text.text).not.toMatch(/doesn't give the ages/);
    expect(figuresOnly.answer('how many teenagers were arrested in kent').text).toMatch(/doesn't give the ages/);
  });
});
