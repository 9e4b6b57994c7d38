import { describe, expect, it } from 'vitest';
import { trainClassifier } from '../../src/nlu/classifier.js';

type Doc = { intent: string; features: string[] };
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

  it('should say how many features it has seen', () => {
    expect(base.known(['arrest', 'zzz', 'knive'])).toBe(2);
  });
});
