import { describe, expect, it } from 'vitest';
import { englishDictionary, SortedWords } from '../../src/insight/vocabulary.js';

describe('SortedWords', () => {
  it('should find every word of a list, and no other', () => {
    const words = Array.from({ length: 500 }, (_, i) => `w${(i * 7919) % 1000}x`);
    const list = SortedWords.of(words);
    for (const w of words) expect(list.has(w)).toBe(true);
    for (const w of ['', 'w', 'w1', 'w1000x', 'zzz', 'a']) expect(list.has(w)).toBe(false);
  });

  it('should still find a word listed out of order, and the words after it', () => {
    // The dictionary has two such lines: "manlily" before "manlihood".
    const list = new SortedWords('apple\nmanlily\nmanlihood\nmanliness\npear\n');
    for (const w of ['apple', 'manlily', 'manlihood', 'manliness', 'pear']) expect(list.has(w)).toBe(true);
    expect(list.has('orange')).toBe(false);
  });

  it('should read the word-list package: everyday words, and no names', () => {
    const dictionary = englishDictionary();
    for (const w of ['parking', 'ticket', 'refund', 'manlihood', 'sharrowed']) expect(dictionary.has(w), w).toBe(true);
    for (const w of ['dave', 'priya', 'essex']) expect(dictionary.has(w), w).toBe(false);
  });
});
