import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { loadEngine } from '../../src/engine/load-engine.js';
import { copyWorkspace, logicFigure, type Workspace } from '../helpers/fixtures.js';

// The fixture figures with the project's language files: answers the planner can say in a language are said wholly in
// it, with no part left in English.
describe('what the planner says, in another language', () => {
  let ws: Workspace;
  let engine: Engine;
  beforeAll(async () => {
    ws = await copyWorkspace();
    engine = await loadEngine({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
  });
  afterAll(() => ws.remove());

  it('says a breakdown not given, then the nearest figure, in the language', () => {
    for (const [question, place] of [['how many were charged', undefined], ['how many people were charged in kent', 'kent']] as const) {
      const r = engine.answer(question, undefined, 0, { answerIn: 'pl' });
      expect(r.frame.rule).toMatch(/facet/);
      expect(r.answeredIn).toBe('pl');
      expect(r.englishParts).toBeUndefined();
      if (place) expect(r.text).toContain(String(logicFigure(place, 'arrests')));
    }
  });

  it('reads the police seizing cash as no danger in Urdu, and someone held by them as danger', () => {
    const seized = engine.answer('پولیس نے ٹوٹل کتنا کیش قبضے میں لیا؟', undefined, 0);
    expect(seized.danger).toBe(false);
    expect(seized.answeredIn).toBe('ur');
    expect(engine.answer('میرا بیٹا ان کے قبضے میں ہے', undefined, 0).danger).toBe(true);
  });
});
