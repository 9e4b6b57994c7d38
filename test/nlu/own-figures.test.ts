import { beforeAll, describe, expect, it } from 'vitest';
import { askerDoes, ownedMetrics } from '../../src/nlu/understand.js';
import { englishWords } from '../../src/knowledge/languages.js';
import type { Words } from '../../src/knowledge/language-words.js';
import { words as split } from '../../src/nlu/normalise.js';
import { fixtureEngine } from '../frame/fixture.js';

// Figures named as the asker's own doing or things, on the fixture language file's word lists.

let words: Words;
beforeAll(async () => {
  words = englishWords((await fixtureEngine()).knowledge.languages);
});

/** Finds an invented figure per word: "speak" is talking to people, "arrested" arrests, "cash" cash. */
const find = (tokens: readonly string[]) => [...new Set(tokens.flatMap((t) => (t === 'speak' || t === 'spoke' ? ['engaged'] : t === 'arrested' ? ['arrests'] : t === 'cash' ? ['cash'] : [])))];
const own = (text: string) => ownedMetrics(split(text), find, words);

describe('the asker as the one doing it', () => {
  it('should read a figure word right after "i" or "we", or with "can", "was"... between, as the asker\'s doing', () => {
    const asker = new Set(['i', 'we']);
    const between = new Set(['can', 'was', 'be']);
    expect(askerDoes(split('who can i speak to'), 3, asker, between)).toBe(true);
    expect(askerDoes(split('can i be arrested'), 3, asker, between)).toBe(true);
    expect(askerDoes(split('did they speak to kids'), 2, asker, between)).toBe(false);
    // "need" is no word between: "i need arrests for kent" asks for the figure.
    expect(askerDoes(split('i need arrests for kent'), 2, asker, between)).toBe(false);
  });

  it('should leave out of the figures asked what the asker does, and keep what others did', () => {
    expect(own('who can i speak to')).toEqual(['engaged']);
    expect(own('i was arrested')).toEqual(['arrests']);
    expect(own('how many people did they speak to')).toEqual([]);
    expect(own('i need to know how many were arrested')).toEqual([]);
    expect(own('can i keep my cash')).toEqual(['cash']);
  });
});
