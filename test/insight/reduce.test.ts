import { describe, expect, it } from 'vitest';
import { reduceQuestion, withPlaceholders, type KeptWords } from '../../src/insight/reduce.js';

// Invented word lists, so that no test depends on the intents or the dictionary package.
const VOCABULARY = new Set(['essex', 'kent', 'arrests', 'police', 'money', 'back']);
const DICTIONARY = new Set(['can', 'get', 'parking', 'ticket', 'refunded', 'name', 'call', 'mate', 'lives', 'council', 'fix', 'potholes', 'weather', 'tomorrow', 'avenue', 'see', 'email', 'closed', 'road']);
const STOPWORDS = new Set(['i', 'my', 'is', 'me', 'on', 'at', 'the', 'in', 'or', 'a']);
const KEPT: KeptWords = { vocabulary: (w) => VOCABULARY.has(w), dictionary: (w) => DICTIONARY.has(w), stopword: (w) => STOPWORDS.has(w) };

describe('withPlaceholders', () => {
  it.each([
    ['call me on 07700 900123', 'phone'],
    ['ring +44 (0)7700-900-123 now', 'phone'],
    ['mail bob.smith+x@example.co.uk please', 'email'],
    ['see https://example.org/a?b=1 for it', 'link'],
    ['see www.example.org', 'link'],
    ['look at example.com', 'link'],
    ['ask @bobby_99 about it', 'username'],
    ['he owes me 20 quid', 'number'],
    ['I live at CB1 2AB', 'number'],
    ['my mate Dave knows', 'name'],
  ])('should hide %j as a %s', (text, kind) => {
    expect(withPlaceholders(text, (w) => VOCABULARY.has(w))).toContain(`qq${kind}qq`);
  });

  it('should take capitalised words after a name as more of it, even words the bot knows', () => {
    expect(reduceQuestion('can the council fix it, I live at 3 Larkspur Police Road in Kent', 'en', KEPT)!.shown).toBe('can the council fix … i … at {number} {name} in kent');
  });

  it('should keep a capitalised word the bot knows, and one that starts a sentence', () => {
    const out = withPlaceholders('Arrests in Essex. Dave asked', (w) => VOCABULARY.has(w));
    expect(out).toBe('Arrests in Essex. Dave asked');
  });
});

describe('reduceQuestion', () => {
  it('should give the same key and text whoever is named and whatever the number', () => {
    const a = reduceQuestion('can I get my parking ticket refunded, my name is Dave Smith call me on 07700 900123', 'en', KEPT)!;
    const b = reduceQuestion('Can I get my parking ticket refunded? My name is Priya Patel, call me on +44 7911 123456', 'en', KEPT)!;
    expect(a.shown).toBe('can i get my parking ticket refunded my name is {name} call me on {phone}');
    expect(b.shown).toBe(a.shown);
    expect(b.key).toBe(a.key);
  });

  it('should show words neither the bot nor the dictionary knows as one "…" a run', () => {
    expect(reduceQuestion('can zorblax quuxington fix the road', 'en', KEPT)!.shown).toBe('can … fix the road');
  });

  it('should key the same question however its words are ordered, and in its language', () => {
    const a = reduceQuestion('is the road closed', 'en', KEPT)!;
    expect(reduceQuestion('road closed is the', 'en', KEPT)!.key).toBe(a.key);
    expect(reduceQuestion('is the road closed', 'pl', KEPT)!.key).not.toBe(a.key);
  });

  it('should keep nothing when only unknown words, placeholders and common words are left', () => {
    expect(reduceQuestion('zorblax is at 07700 900123', 'en', KEPT)).toBeUndefined();
  });
});
