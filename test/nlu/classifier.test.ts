import { describe, expect, it } from 'vitest';
import { KIN_MIN, trainClassifier } from '../../src/nlu/classifier.js';
import { breakdownKin, groupsOfTopics } from '../../src/nlu/understand.js';

type Doc = { intent: string; features: string[]; groups?: string[] };
const docs = (intent: string, ...examples: string[]): Doc[] => examples.map((e) => ({ intent, features: e.split(' ') }));

const ARRESTS = docs('arrests', 'how mani arrest', 'how mani peopl arrest', 'number of arrest', 'arrest total', 'peopl nick', 'how mani nick', 'arrest in zplace', 'who got arrest');
const KNIVES = docs('knives', 'how mani knive', 'knive seiz', 'blade seiz', 'weapon found', 'how mani weapon');
const FALLBACK = docs('fallback', ...Array.from({ length: 40 }, (_, i) => `weather footbal pizza song${i} how`));
const order = (ranked: { intent: string }[], a: string, b: string) => ranked.findIndex((r) => r.intent === a) < ranked.findIndex((r) => r.intent === b);

describe('trainClassifier', () => {
  const base = trainClassifier([...ARRESTS, ...KNIVES, ...FALLBACK]);

  it('should rank the topic whose examples share the words first', () => {
    expect(base.rank(['how', 'mani', 'arrest'])[0]!.intent).toBe('arrests');
    expect(base.rank(['knive', 'seiz'])[0]!.intent).toBe('knives');
    expect(base.rank(['pizza', 'weather'])[0]!.intent).toBe('fallback');
  });

  it('should rank an empty or unknown message by topic size, the largest (the out-of-scope topic) first', () => {
    expect(base.rank([])[0]!.intent).toBe('fallback');
    expect(base.rank(['zzz'])[0]!.intent).toBe('fallback');
  });

  // Textbook naive Bayes charges a word a topic never saw by the topic's size, so long messages drift to the
  // smallest topic: a new topic of a few examples sharing no word with a message still took it.
  it('should not let a new topic that shares no word with a message take it, however small', () => {
    const withTiny = trainClassifier([...ARRESTS, ...KNIVES, ...FALLBACK, ...docs('tiny', 'aardvark', 'zebra')]);
    const long = ['my', 'neighbour', 'said', 'loads', 'got', 'arrest', 'in', 'zplace', 'that', 'week', 'is', 'it', 'true'];
    expect(withTiny.rank(long)[0]!.intent).toBe(base.rank(long)[0]!.intent);
    expect(withTiny.rank(long).at(-1)!.intent).toBe('tiny');
  });

  it('should keep the order of two topics whatever topic is added', () => {
    const added = trainClassifier([...ARRESTS, ...KNIVES, ...FALLBACK, ...docs('court', 'charg court', 'how mani charg', 'sentenc prison', 'bail court', 'still custodi', 'court case when', 'jail how long', 'convict')]);
    for (const message of [['how', 'mani', 'arrest'], ['knive', 'how', 'mani'], ['peopl', 'weapon', 'found', 'pizza'], ['how', 'mani', 'charg', 'arrest'], ['blade', 'nick', 'court']]) {
      expect(order(added.rank(message), 'arrests', 'knives'), message.join(' ')).toBe(order(base.rank(message), 'arrests', 'knives'));
      expect(order(added.rank(message), 'arrests', 'fallback'), message.join(' ')).toBe(order(base.rank(message), 'arrests', 'fallback'));
    }
  });

  it('should count a word most examples use for little: a small topic is not lost for lacking "how"', () => {
    const withTalks = trainClassifier([...ARRESTS, ...KNIVES, ...FALLBACK, ...docs('talks', 'school talk', 'book school talk', 'talk in school', 'assembl talk')]);
    // "how" is in every out-of-scope example; "talk" only in the new topic's.
    expect(withTalks.rank(['how', 'talk'])[0]!.intent).toBe('talks');
    expect(withTalks.rank(['how', 'can', 'we', 'get', 'a', 'talk'])[0]!.intent).toBe('talks');
  });

  // A topic written about sentences ("prison", "court") should take "jailed", a word its examples never use but a
  // breakdown's word list puts beside theirs. Words its examples use are read as before.
  describe('kin: words of one group, as data/facets.yaml lists them', () => {
    const kin = new Map([['jail', 'convictions'], ['prison', 'convictions'], ['sentenc', 'convictions'], ['kid', 'children']]);
    const grouped = (intent: string, group: string, ...examples: string[]) => docs(intent, ...examples).map((d) => ({ ...d, groups: d.features.some((f) => kin.get(f) === group) ? [group] : [] }));
    const COURT = grouped('court', 'convictions', 'sentenc they got', 'gone to prison', 'prison sentenc they got', 'charg or convict', 'court case when', 'releas on bail');
    const TROUBLE = grouped('trouble', 'convictions', 'will i get jail', 'am i in troubl', 'help me out', 'they made me do it', 'what happen to me', 'did i do wrong', 'can i get help', 'scare to tell');
    const ONCE = grouped('once', 'convictions', 'prison visit', 'visit time', 'book visit', 'visit famili');

    it('should bring a topic whose examples name the group near a word of it they never use, behind a topic that uses the word', () => {
      const without = trainClassifier([...ARRESTS, ...KNIVES, ...FALLBACK, ...COURT, ...TROUBLE]);
      const withKin = trainClassifier([...ARRESTS, ...KNIVES, ...FALLBACK, ...COURT, ...TROUBLE], {}, kin);
      const at = (ranked: { intent: string }[], intent: string) => ranked.findIndex((r) => r.intent === intent);
      expect(at(without.rank(['jail']), 'court')).toBeGreaterThan(1);
      expect(withKin.rank(['jail']).map((r) => r.intent).slice(0, 2)).toEqual(['trouble', 'court']);
      // With a word both use besides, the topic about sentences takes it.
      expect(without.rank(['they', 'jail'])[0]!.intent).toBe('trouble');
      expect(withKin.rank(['they', 'jail'])[0]!.intent).toBe('court');
    });

    it('should read the words a topic uses as before', () => {
      const without = trainClassifier([...ARRESTS, ...KNIVES, ...FALLBACK, ...COURT, ...TROUBLE]);
      const withKin = trainClassifier([...ARRESTS, ...KNIVES, ...FALLBACK, ...COURT, ...TROUBLE], {}, kin);
      for (const message of [['will', 'i', 'get', 'jail'], ['sentenc', 'they', 'got'], ['how', 'mani', 'arrest']]) {
        expect(withKin.rank(message)[0]!.intent, message.join(' ')).toBe(without.rank(message)[0]!.intent);
      }
    });

    it(`should not count a group named by fewer than ${KIN_MIN} of a topic's examples`, () => {
      const withKin = trainClassifier([...ARRESTS, ...KNIVES, ...FALLBACK, ...ONCE], {}, kin);
      const without = trainClassifier([...ARRESTS, ...KNIVES, ...FALLBACK, ...ONCE]);
      const intents = (ranked: { intent: string }[]) => ranked.map((r) => r.intent);
      expect(intents(withKin.rank(['jail', 'sentenc']))).toEqual(intents(without.rank(['jail', 'sentenc'])));
      expect(intents(withKin.rank(['jail', 'sentenc'])).indexOf('once')).toBeGreaterThan(0);
    });
  });

  it('should rank topics that score the same in the order they were trained, whatever came before', () => {
    const twins = trainClassifier([...docs('b', 'knive seiz'), ...docs('a', 'knive seiz'), ...docs('c', 'arrest total')]);
    expect(twins.rank(['arrest', 'total']).map((r) => r.intent)).toEqual(['c', 'b', 'a']);
    expect(twins.rank(['knive']).map((r) => r.intent)).toEqual(['b', 'a', 'c']);
    expect(twins.rank(['knive', 'knive', 'seiz']).map((r) => r.intent)).toEqual(['b', 'a', 'c']);
  });

  it('should count a feature a message repeats once, message after message', () => {
    const c = trainClassifier([...ARRESTS, ...KNIVES, ...FALLBACK]);
    const once = c.rank(['knive', 'seiz']);
    for (let i = 0; i < 3; i++) expect(c.rank(['knive', 'knive', 'seiz', 'seiz'])).toEqual(once);
  });

  it('should say how many features it has seen', () => {
    expect(base.known(['arrest', 'zzz', 'knive'])).toBe(2);
  });
});

describe('the groups of kin a topic stands for', () => {
  it(`should count a group only when ${KIN_MIN} or more of a topic's examples name it`, () => {
    const groups = groupsOfTopics([
      { intent: 'court', groups: ['convictions'] },
      { intent: 'court', groups: ['convictions', 'bail'] },
      { intent: 'anonymity', groups: ['names'] },
    ]);
    expect([...groups.get('court')!]).toEqual(['convictions']);
    expect([...groups.get('anonymity')!]).toEqual([]);
  });

  it('should make kin of single words only, by stem', () => {
    const kin = breakdownKin(new Map([['convictions', { words: ['jailed', 'prison', 'went to jail'] }], ['names', { words: ['who was arrested', 'names'] }]]), new Set(['to']));
    expect(Object.fromEntries(kin)).toEqual({ jail: 'convictions', prison: 'convictions', name: 'names' });
  });
});
