import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine, PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { heldOutCases } from '../../src/evaluation/cases.js';
import { loadIntents } from '../../src/intents/load.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

// Read the cases before the tests run, so each held-out phrase is its own test.
const { knowledge } = await loadKnowledge(resolve(PROJECT_ROOT, 'data'));
const { intents } = await loadIntents(resolve(PROJECT_ROOT, 'intents'), knowledge);
const cases = heldOutCases(intents);
const engine = await loadEngine();

describe("every intent's held-out test phrases", () => {
  it('should exist for every intent', () => {
    for (const intent of intents) expect(intent.tests.length, intent.file).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.text, c.expected ?? 'fallback', c.from] as const))('should match "%s" to %s (%s)', (text, expected) => {
    expect(engine.answer(text, undefined, 0).intent ?? 'fallback').toBe(expected);
  });
});
