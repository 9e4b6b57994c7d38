import { describe, expect, it } from 'vitest';
import { metricCheckedBy } from '../../src/engine/answers.js';
import type { Operation } from '../../src/knowledge/knowledge.js';

// Invented figures: only the shape of an operation matters here.
const op = {
  region: { arrests: { value: 300 }, phones: { value: 60 } },
  counties: { kent: { arrests: { value: 29 }, deal_lines: { value: 9 } } },
} as unknown as Operation;

describe('metricCheckedBy', () => {
  it.each([
    ['kent', 29, 'arrests'],
    ['kent', 9, 'deal_lines'],
    // A figure remembered a little wrong, or corrected since: still a check of that figure.
    ['kent', 28, 'arrests'],
    ['kent', 8, 'deal_lines'],
    [undefined, 280, 'arrests'],
    // Nowhere near any figure: no figure is guessed.
    ['kent', 90, undefined],
    ['kent', 19, undefined],
    ['essex', 29, undefined],
  ] as const)('should read %s, %d as a check of %s', (county, n, metric) => {
    expect(metricCheckedBy(op, county, n)).toBe(metric);
  });
});
