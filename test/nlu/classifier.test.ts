import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { trainClassifier } from '../../src/nlu/classifier.js';

// trainClassifier reads natural's trained counts directly (features, classFeatures, classTotals) and
// replaces its textToFeatures, so natural is pinned to one exact version and these scores are known.
// A new natural that changes its internals fails here instead of changing answers silently.
describe('trainClassifier on natural', () => {
  it('should use the exact version of natural these scores were worked out with', () => {
    const pkg = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'node_modules/natural/package.json'), 'utf8')) as { version: string };
    expect(pkg.dependencies.natural).toBe('8.1.1');
    expect(installed.version).toBe('8.1.1');
  });

  const classifier = trainClassifier([
    { intent: 'arrests', features: ['arrest', 'how', 'mani'] },
    { intent: 'arrests', features: ['nick', 'how', 'mani'] },
    { intent: 'knives', features: ['knive', 'seiz'] },
    { intent: 'knives', features: ['blade', 'how', 'mani'] },
    { intent: 'greeting', features: ['hello'] },
  ]);
  it.each([
    [['arrest'], [['arrests', 0.846154], ['knives', 0.076923], ['greeting', 0.076923]]],
    [['how', 'mani', 'blade'], [['knives', 0.750176], ['arrests', 0.248556], ['greeting', 0.001268]]],
    [['hello', 'arrest'], [['greeting', 0.578947], ['arrests', 0.385965], ['knives', 0.035088]]],
    [['unknown'], [['arrests', 0.375], ['knives', 0.375], ['greeting', 0.25]]],
  ])('should score %j exactly as known', (features, expected) => {
    const got = classifier.rank(features).map((s) => [s.intent, Number(s.score.toFixed(6))]);
    expect(got).toEqual(expected);
  });
});
