import { describe, expect, it } from 'vitest';
import { readLookAlikes } from '../../src/nlu/repeats.js';
import { createNameIndex, createSkeletonIndex, createSpeller, doubledOnce, editsAllowed, editsWithin, keySlip, lettersApart, misspelling, nearest, lettersLeftOut, singledSkeletonOf, skeletonOf, soundAlike, splitJoined } from '../../src/nlu/spelling.js';
import { editDistance } from '../../src/nlu/natural.js';
import { joinSplit } from '../../src/nlu/understand.js';
import { soundOf } from '../../src/nlu/natural.js';

// The words here are invented or everyday ones: the rules are tested, not the bot's vocabulary.

describe('Double Metaphone, as natural 8.1.1 gives it', () => {
  // The spelling rule relies on these codes: a new natural that changes them fails here first.
  it.each([
    ['knives', 'NFS'],
    ['nifes', 'NFS'],
    ['colchester', 'KLXSTR'],
    ['kolchester', 'KLXSTR'],
  ])('should code "%s" as %s', (word, code) => {
    expect(soundOf(word)).toContain(code);
  });
});

describe('the spelling rule', () => {
  it('should read a four-letter word past one letter that keeps its sound only for a word of the subject', () => {
    expect(misspelling('deel', 'deal', true)).toBe(1);
    expect(misspelling('deel', 'deal')).toBeUndefined();
    expect(misspelling('ward', 'word', true)).toBe(1);
    expect(misspelling('ward', 'word')).toBeUndefined();
    expect(misspelling('deaf', 'deal', true)).toBeUndefined();
    expect(misspelling('dale', 'deal', true)).toBeUndefined();
  });

  it('should read one letter typed with the key beside it: a short word only of the subject, a longer one even as its first letter', () => {
    expect(keySlip('kenr', 'kent')).toBe(true); // r is beside t
    expect(keySlip('wssex', 'essex')).toBe(true); // w is beside e
    expect(keySlip('casg', 'cash')).toBe(true); // g is beside h
    expect(keySlip('zash', 'cash')).toBe(false); // z is two keys from c
    expect(keySlip('kwnr', 'kent')).toBe(false); // two letters off
    expect(keySlip('kent', 'kent')).toBe(false);
    expect(misspelling('casg', 'cash', true)).toBe(1);
    expect(misspelling('casg', 'cash')).toBeUndefined();
    expect(misspelling('wssex', 'essex')).toBe(1);
    expect(misspelling('qssex', 'essex')).toBeUndefined();
    expect(createNameIndex(['essex', 'ember'])('wssex')).toContain('essex');
  });

  it('should allow one edit up to six letters and two from seven', () => {
    expect([editsAllowed(4), editsAllowed(5), editsAllowed(6), editsAllowed(7)]).toEqual([0, 1, 1, 2]);
  });

  it.each([
    ['arests', 'arrests'],
    ['esex', 'essex'],
    ['dael', 'deal'],
    ['lins', 'lines'],
    ['hertfordhsire', 'hertfordshire'],
    ['nifes', 'knives'],
    ['kolchester', 'colchester'],
  ])('should read "%s" as a misspelling of "%s"', (typed, known) => {
    expect(misspelling(typed, known)).toBeDefined();
  });

  it.each([
    ['went', 'kent'],
    ['hers', 'herts'],
    ['wessex', 'essex'],
    ['tall', 'tell'],
    ['lins', 'lint'],
  ])('should not read "%s" as "%s"', (typed, known) => {
    expect(misspelling(typed, known)).toBeUndefined();
  });

  it('should take a sound-alike one edit further than spelling alone allows', () => {
    // nifes → knives is two edits for five letters: only the shared sound lets it through.
    expect(soundAlike('nifes', 'knives')).toBe(true);
    expect(misspelling('nifes', 'knives')).toBe(2);
    expect(misspelling('nifez', 'knobes')).toBeUndefined();
  });

  it('should choose the nearest of several, the first listed on a tie', () => {
    expect(nearest('blorp', ['blorb', 'blarp', 'blorp'])).toBe('blorp');
    expect(nearest('blorq', ['blorb', 'blorz'])).toBe('blorb');
    expect(nearest('zzzzz', ['blorb'])).toBeUndefined();
  });

  it('should prefer, between two as near, the word the typed one only leaves letters out of', () => {
    expect(nearest('mony', ['many', 'money'], () => true)).toBe('money');
    expect(nearest('mony', ['money', 'many'], () => true)).toBe('money');
    expect(lettersLeftOut('mony', 'money')).toBe(true);
    expect(lettersLeftOut('mony', 'many')).toBe(false);
  });

  it('should look among names with the same first letter or the same sound', () => {
    const candidates = createNameIndex(['colchester', 'cambridge', 'norwich']);
    expect(candidates('kolchester')).toContain('colchester');
    expect(candidates('kolchester')).not.toContain('norwich');
  });

  it('should read a letter typed twice as one edit, whatever the length', () => {
    expect(misspelling('kentt', 'kent')).toBe(1);
    expect(misspelling('lutton', 'luton')).toBe(1);
    expect(misspelling('kenty', 'kent')).toBeUndefined();
  });

  it('should correct a misspelt word to the vocabulary, and leave known, short and numbered words alone', () => {
    const correct = createSpeller(['arrests', 'weapons', 'deal', 'lines', 'the', 'together', 'tether']);
    expect(correct('together')).toBe('together');
    expect(correct('arests')).toBe('arrests');
    expect(correct('wepons')).toBe('weapons');
    expect(correct('dael')).toBe('deal');
    expect(correct('teh')).toBe('teh');
    expect(correct('a14')).toBe('a14');
    expect(correct('zebra')).toBe('zebra');
  });
});

describe('the quick bound on the distance', () => {
  it.each([
    ['arests', 'arrests'],
    ['esxes', 'essex'],
    ['colchester', 'kolchester'],
    ['norwich', 'ipswich'],
    ['abcdef', 'fedcba'],
    ['aaab', 'abbb'],
  ])('should never be more than the edit distance: %s, %s', (a, b) => {
    expect(lettersApart(a, b)).toBeLessThanOrEqual(editDistance(a, b));
  });

  it('should count the letters one word lacks, repeats included', () => {
    expect(lettersApart('essex', 'esex')).toBe(1);
    expect(lettersApart('kent', 'luton')).toBe(3);
  });
});

describe('the distance within a bound', () => {
  // Words of the subject, their misspellings, and words far from them: every pair, every bound up to three.
  const WORDS = ['essex', 'esxes', 'esex', 'essexx', 'sussex', 'kent', 'knet', 'arrests', 'arests', 'arrest', 'rests', 'colchester', 'kolchester', 'colchster', 'norwich', 'ipswich', 'abcdef', 'fedcba', 'ab', 'ba', 'a', '', 'ca', 'abc', 'acb', 'bca', 'aaab', 'abbb', 'hertfordshire', 'hertfordshir', 'herfordshire', 'dael', 'deal', 'zadzwoń', 'zadzwon'];

  it("should give natural's restricted Damerau-Levenshtein distance whenever it is within the bound, and one more than the bound otherwise", () => {
    for (const a of WORDS) {
      for (const b of WORDS) {
        const d = editDistance(a, b);
        for (const max of [0, 1, 2, 3]) expect(editsWithin(a, b, max), `${a}, ${b}, within ${max}`).toBe(Math.min(d, max + 1));
      }
    }
  });

  it('should count a swap of two neighbouring letters as one edit, and a swap further apart as two', () => {
    expect(editsWithin('esesx', 'essex', 2)).toBe(1);
    expect(editsWithin('ca', 'abc', 3)).toBe(3);
    expect(editsWithin('abcdef', 'fbcdea', 3)).toBe(2);
  });
});

describe('a letter typed twice', () => {
  /** The reading as first written: some letter, the same as the one before it, left out gives the known word. */
  const reference = (typed: string, known: string) => typed.length === known.length + 1 && [...typed].some((c, i) => c === typed[i - 1] && typed.slice(0, i) + typed.slice(i + 1) === known);
  const WORDS = ['kent', 'kentt', 'kkent', 'keent', 'lutton', 'luton', 'essex', 'essexx', 'esssex', 'eessex', 'aab', 'ab', 'aaab', 'abb', 'abbb', 'ba', 'bba', 'a', 'aa', '', 'abab', 'aabab', 'ababb', 'hitchin', 'hitchinn', 'hittchin'];

  it('should find, for every pair of a word set, the same as leaving out each doubled letter in turn', () => {
    for (const typed of WORDS) for (const known of WORDS) expect(doubledOnce(typed, known), `${typed}, ${known}`).toBe(reference(typed, known));
  });

  it('should find a doubled letter anywhere in a run, and no other extra letter', () => {
    expect(doubledOnce('esssex', 'essex')).toBe(true);
    expect(doubledOnce('kentt', 'kent')).toBe(true);
    expect(doubledOnce('kentz', 'kent')).toBe(false);
    expect(doubledOnce('ekent', 'kent')).toBe(false);
  });
});

describe('letters left out, the sound kept', () => {
  it('should read a word typed with vowels and silent letters left out as the known word that sounds the same', () => {
    expect(misspelling('nikd', 'nicked')).toBe(2);
    expect(createSpeller(['nicked', 'naked'])('nikd')).toBe('nicked');
  });

  it('should not read letters left out as the word when the sound changes, or the first letter does', () => {
    expect(misspelling('nied', 'nicked')).toBeUndefined();
    expect(misspelling('ikd', 'nicked')).toBeUndefined();
  });
});

describe('words run together', () => {
  const known = new Set(['how', 'many', 'arrests', 'in', 'kent', 'deal', 'lines', 'to', 'get', 'her', 'market', 'place']);
  const isKnown = (w: string) => known.has(w);
  const isTopic = (w: string) => ['arrests', 'kent', 'deal', 'lines'].includes(w);

  it('should split them into the fewest known words', () => {
    expect(splitJoined('howmanyarrestsinkent', isKnown, isTopic)).toEqual(['how', 'many', 'arrests', 'in', 'kent']);
    expect(splitJoined('deallines', isKnown, isTopic)).toEqual(['deal', 'lines']);
  });

  it('should read a letter that ends one word and starts the next typed once ("dealines")', () => {
    expect(splitJoined('dealines', isKnown, isTopic)).toEqual(['deal', 'lines']);
    expect(splitJoined('howmanyarrestsinkent', isKnown, isTopic)).toEqual(['how', 'many', 'arrests', 'in', 'kent']);
    expect(splitJoined('getoget', isKnown, isTopic)).toBeUndefined();
  });

  it('should split only when a word of the subject is found: "together" is not "to get her"', () => {
    expect(splitJoined('together', isKnown, isTopic)).toBeUndefined();
    expect(splitJoined('marketplace', isKnown, isTopic)).toBeUndefined();
  });

  it('should split a short word on a place name, and leave very short words and words that cannot be split alone', () => {
    expect(splitJoined('inkent', isKnown, isTopic)).toEqual(['in', 'kent']);
    expect(splitJoined('toin', isKnown, isTopic)).toBeUndefined();
    expect(splitJoined('arrestsxyz', isKnown, isTopic)).toBeUndefined();
  });
});

describe('digits typed for letters', () => {
  const known = new Set(['knives', 'essex', 'arrests']);
  it.each([
    ['kniv3s', 'knives'],
    ['e55ex', 'essex'],
    ['4rrests', 'arrests'],
    ['m11', 'm11'],
    ['150k', '150k'],
    ['7th', '7th'],
    ['b3ds', 'b3ds'],
  ])('should read "%s" as "%s"', (typed, read) => {
    expect(readLookAlikes(typed, (w) => known.has(w))).toBe(read);
  });
});

describe('words typed apart', () => {
  const topic = (w: string) => ['safeguarded', 'arrests'].includes(w);
  it('should join two words that make one word of the subject, when neither is one', () => {
    expect(joinSplit(['safe', 'guarded', 'how', 'many'], topic)).toEqual(['safeguarded', 'how', 'many']);
    expect(joinSplit(['arrests', 'safe'], topic)).toEqual(['arrests', 'safe']);
    expect(joinSplit(['any', 'one'], topic)).toEqual(['any', 'one']);
  });

  it('should join two words that make a misspelt word of the subject only when one of them is no word at all', () => {
    const known = new Set(['safe', 'guard', 'how', 'many', 'arrest', 'sets']);
    const misspelt = { isKnown: (w: string) => known.has(w), meant: (w: string) => ({ safegaurded: 'safeguarded', arrestsets: 'arrests' })[w] ?? w };
    expect(joinSplit(['safe', 'gaurded'], topic, misspelt)).toEqual(['safegaurded']);
    expect(joinSplit(['safe', 'gaurded'], topic)).toEqual(['safe', 'gaurded']);
    // Two words, each a word: left apart however near their joining is to a word of the subject.
    expect(joinSplit(['arrest', 'sets'], topic, misspelt)).toEqual(['arrest', 'sets']);
  });
});

describe('words typed without their vowels', () => {
  it('should keep the first letter and drop the other vowels', () => {
    expect(skeletonOf('county')).toBe('cnty');
    expect(skeletonOf('arrests')).toBe('arrsts');
  });

  it('should read a word with no vowel after its first letter as the one known word of that skeleton', () => {
    const correct = createSpeller(['county', 'much', 'number', 'people', 'arrests']);
    expect(correct('cnty')).toBe('county');
    expect(correct('mch')).toBe('much');
    expect(correct('nmbr')).toBe('number');
    expect(correct('ppl')).toBe('people');
    expect(correct('arrsts')).toBe('arrests');
  });

  it('should read a skeleton with its double letters typed once ("arsts", "esx")', () => {
    expect(singledSkeletonOf('arrests')).toBe('arsts');
    expect(singledSkeletonOf('essex')).toBe('esx');
    const correct = createSpeller(['arrests', 'people']);
    expect(correct('arsts')).toBe('arrests');
    expect(correct('arrsts')).toBe('arrests');
    expect(correct('ppl')).toBe('people');
  });

  it('should leave a skeleton two known words share, unless only one is a word of the subject', () => {
    expect(createSpeller(['what', 'white'])('wht')).toBe('wht');
    expect(createSpeller(['what', 'white'], (w) => w === 'white')('wht')).toBe('white');
    expect(createSkeletonIndex(['what', 'white']).has('wht')).toBe(false);
  });

  it('should not read two letters, or a word with vowels, by its skeleton', () => {
    const correct = createSpeller(['how', 'week', 'county']);
    expect(correct('hw')).toBe('hw');
    expect(correct('wk')).toBe('wk');
    expect(createSkeletonIndex(['county']).get('conty')).toBeUndefined();
  });
});
