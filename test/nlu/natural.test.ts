import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { editDistance, soundOf, stem } from '../../src/nlu/natural.js';

// src/nlu/natural.ts imports natural's stemmer, edit distance and Double Metaphone by their file paths (its index
// loads database drivers), so natural is pinned to one exact version, and the behaviour relied on is checked here.
describe('the parts of natural the bot relies on', () => {
  it('should be the exact version they were checked with', () => {
    const pkg = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'node_modules/natural/package.json'), 'utf8')) as { version: string };
    expect(pkg.dependencies.natural).toBe('8.1.1');
    expect(installed.version).toBe('8.1.1');
  });

  it('should stem, measure edits (a swap is one) and say how words sound', () => {
    expect(['arrested', 'arrests', 'seized', 'knives'].map(stem)).toEqual(['arrest', 'arrest', 'seiz', 'knive']);
    expect(editDistance('esxes', 'essex')).toBe(2);
    expect(editDistance('esesx', 'essex')).toBe(1);
    expect(soundOf('knives')).toEqual(soundOf('nifes'));
  });

  it('should give a number as its own stem, as the Porter stemmer does', () => {
    for (const n of ['2022', '14', '0800', '999']) expect(stem(n)).toBe(n);
    expect(stem('14yo')).toBe('14yo');
  });
});
