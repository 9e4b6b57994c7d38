import { beforeAll, describe, expect, it } from 'vitest';
import { classify, DEFAULT_MATCH, type EngineDeps } from '../../src/engine/choose.js';
import type { Understanding } from '../../src/nlu/understand.js';
import { fitted } from '../../src/engine/engine.js';
import {
  asksNearMe,
  asksPlaceFigures,
  asksSameCount,
  combinesAnswered,
  decide,
  followsUp,
  followUp,
  homeOf,
  livesIn,
  placesTakenBack,
  pointsBack,
  recallOf,
  splitParts,
  tellsOneStory,
  tellsOwnStory,
  type PartReading,
  type Recall,
} from '../../src/engine/parts.js';
import { regionBeside } from '../../src/engine/plan-parts.js';
import { inStead as standIn } from '../../src/engine/answers.js';
import { regionFigureNotGiven } from '../../src/engine/answers.js';
import { createDangerCheck } from '../../src/frame/danger.js';
import { createFacetFinder } from '../../src/frame/facet.js';
import { readFrame, type FrameReader } from '../../src/frame/build.js';
import { englishWords } from '../../src/knowledge/languages.js';
import type { Words } from '../../src/knowledge/language-words.js';
import { FALLBACK_INTENT } from '../../src/intents/load.js';
import { createUnderstanding } from '../../src/nlu/understand.js';
import type { Engine } from '../../src/engine/engine.js';
import { fixtureEngine, on } from '../frame/fixture.js';

// The rules that read a message part by part, each on its own, on the invented fixture data
// (test/fixtures/frame/data): counties Essex, Kent, Cambridgeshire, Hertfordshire, Bedfordshire (Luton, Bedford),
// Norfolk and Suffolk, and London outside the region.

let engine: Engine;
let deps: EngineDeps;
let words: Words;
let read: (text: string) => PartReading;
beforeAll(async () => {
  engine = await fixtureEngine();
  const { knowledge, intents } = engine;
  const byId = new Map(intents.map((i) => [i.id, i]));
  deps = {
    knowledge,
    byId,
    byMetric: new Map(intents.filter((i) => i.metric).map((i) => [i.metric!, i])),
    fallback: byId.get(FALLBACK_INTENT)!,
    comparison: intents.find((i) => i.answer.most),
    emergency: byId.get('emergency'),
    match: DEFAULT_MATCH,
  };
  words = englishWords(knowledge.languages);
  const understand = createUnderstanding(knowledge, intents, { outOfScope: FALLBACK_INTENT });
  const reader: FrameReader = { knowledge, facets: createFacetFinder(knowledge.facets), danger: createDangerCheck([], knowledge.languages.values()) };
  read = (text) => {
    const u = understand(text);
    return { text, u, frame: readFrame(u, reader, on('2022-06-01'), text), classified: classify(u, deps) };
  };
});

const nothingBefore = { answered: false, home: false };
const answeredBefore = { answered: true, home: false };

describe('splitting a message into parts', () => {
  it('should split at a second question joined on with "and", and keep "knives and arrests" whole', () => {
    expect(splitParts('what is county lines and how many were arrested in essex', words)).toEqual(['what is county lines', 'how many were arrested in essex']);
    expect(splitParts('knives and arrests for essex', words)).toEqual(['knives and arrests for essex']);
    expect(splitParts('arrests in kent. and deal lines?', words)).toEqual(['arrests in kent.', 'and deal lines?']);
  });
});

describe('a story told in several sentences', () => {
  const parts = (text: string) => splitParts(text, words).map(read);
  it('should read sentences that neither ask nor name a figure or place asked for as one story', () => {
    const story = parts('hes got a cut on his hand he wont explain, and his phone goes off all night. i feel like im losing him');
    expect(story).toHaveLength(2);
    expect(tellsOneStory(story, words)).toBe(true);
  });

  it('should keep the parts of a message that asks, or names figures or places, apart', () => {
    expect(tellsOneStory(parts('hes got a cut on his hand. what are the signs?'), words)).toBe(false);
    expect(tellsOneStory(parts('arrests in kent. knives in essex'), words)).toBe(false);
    expect(tellsOneStory(parts('hes got a cut on his hand. how many phones were seized'), words)).toBe(false);
  });
});

describe('words about the person and what came before', () => {
  it('should read where the person lives as a county key', () => {
    expect(homeOf(read('i live in luton').u, words)).toBe('bedfordshire');
    expect(homeOf(read('arrests in luton').u, words)).toBeUndefined();
    // The one place of a story of one's own that asks nothing: their area, though it is no question about it.
    expect(homeOf(read('I drive a cab in Luton').u, words)).toBe('bedfordshire');
    expect(livesIn(read('I drive a cab in Luton').u, words)).toBeUndefined();
    expect(homeOf(read('my son was arrested in luton').u, words)).toBeUndefined();
    expect(homeOf(read('can i report something in luton?').u, words)).toBeUndefined();
  });

  it('should read a place taken back', () => {
    expect([...placesTakenBack(read('I said Cambs not Beds').u, words)]).toEqual(['bedfordshire']);
    expect(placesTakenBack(read('cambs and beds').u, words).size).toBe(0);
  });

  it('should tell a question about the person\'s area, a pointer back and a story of their own', () => {
    expect(asksNearMe(read('how many arrests round here').u, words)).toBe(true);
    expect(asksNearMe(read('how many arrests in kent').u, words)).toBe(false);
    expect(pointsBack(read('how many of those were in kent').u, words)).toBe(true);
    expect(pointsBack(read('and kent?').u, words)).toBe(true);
    expect(pointsBack(read('how many people were arrested in kent last spring').u, words)).toBe(false);
    expect(tellsOwnStory(read('my son was arrested in luton').u, words)).toBe(true);
    expect(tellsOwnStory(read('can you give me the names of those arrested').u, words)).toBe(false);
  });

  it('should take a part as a follow-up only when something was answered before, or the home is known for "near me"', () => {
    expect(followsUp(read('and kent?'), nothingBefore, words)).toBe(false);
    expect(followsUp(read('and kent?'), answeredBefore, words)).toBe(true);
    expect(followsUp(read('any arrests near me'), { answered: false, home: true }, words)).toBe(true);
    expect(followsUp(read('what is county lines'), answeredBefore, words)).toBe(false);
  });
});

describe('what a part asks for', () => {
  it.each([
    ['how many arrests in kent', 'figures'],
    ['kent?', 'figures'],
    ['i live in luton', 'figures'],
    ['what is county lines', 'text'],
    ['what is the phone number for kent police', 'contact'],
    ['how much is a knife block at argos', 'none'],
    ['how to make money fast', 'none'],
    ['can i get my cash back that police took off me', 'none'],
    ['whats the weather in chelmsford', 'none'],
    ['was there one in 2019', 'figures'],
  ])('should read "%s" as asking for %s', (text, kind) => {
    expect(decide(read(text), deps, nothingBefore).kind).toBe(kind);
  });

  it('should read a text topic naming a figure for a place as asking for the figure, but not in a story of one\'s own', () => {
    expect(decide(read('how many arrests in kent for my school project'), deps, nothingBefore).kind).toBe('figures');
    expect(decide(read('my son was arrested in luton what do i do'), deps, nothingBefore).kind).not.toBe('figures');
  });

  it('should read a figure named in a sentence of one\'s own story that asks nothing as part of the story', () => {
    // The classifier unsure: the frame decides.
    const unsure = (text: string) => ({ ...read(text), classified: undefined });
    expect(decide(unsure('my son has been arrested in kent for carrying drugs.'), deps, nothingBefore)).toMatchObject({ kind: 'none', rule: 'own-story' });
    expect(decide(unsure('how many were arrested in kent for carrying drugs'), deps, nothingBefore).kind).toBe('figures');
    expect(decide(unsure('my son asked how many drugs were seized in kent'), deps, nothingBefore).kind).toBe('figures');
  });

  it('should read a breakdown named in a story of one\'s own as no question about it, but one asked for as figures', () => {
    expect(decide(read('saw a teenager get into a car, i think hes being used'), deps, nothingBefore).rule).not.toBe('breakdown-or-time');
    expect(decide(read('how many of them were kids'), deps, nothingBefore).kind).toBe('figures');
  });

  it('should read a part that only points back as a follow-up, even when the classifier chose a topic in words', () => {
    const chosen = (text: string) => ({ ...read(text), classified: { intent: deps.byId.get('young_worried')!, confidence: 0.42, rule: 'classifier' } });
    expect(decide(chosen('and them?'), deps, answeredBefore)).toMatchObject({ kind: 'figures', rule: 'follow-up' });
    expect(decide(chosen('what about those'), deps, answeredBefore)).toMatchObject({ kind: 'figures', rule: 'follow-up' });
    expect(decide(chosen('and them? are they ok'), deps, answeredBefore).kind).toBe('text');
  });

  it('should give a danger topic chosen for a part its own answer, never figures instead, whatever figures and places it names', () => {
    const part = read('how many arrests in essex');
    const chosen = (id: string) => ({ ...part, classified: { intent: deps.byId.get(id)!, confidence: 0.9, rule: 'classifier' } });
    expect(deps.byId.get('young_worried')!.danger).toBe(true);
    expect(decide(chosen('young_worried'), deps, nothingBefore)).toMatchObject({ kind: 'text', choice: { intent: { id: 'young_worried' } } });
    expect(decide(chosen('how_to_report'), deps, nothingBefore)).toMatchObject({ kind: 'figures', rule: 'figures-asked' });
  });

  it('should answer a question fully on the subject with the topic it leans to, when the classifier is not sure enough', () => {
    const leaning = (text: string, over: { coverage?: number; top?: string } = {}) => {
      const p = read(text);
      const ranked = [{ intent: over.top ?? 'how_to_report', score: 0.32 }, { intent: 'exploitation_signs', score: 0.26 }];
      return { ...p, u: { ...p.u, ranked, coverage: over.coverage ?? 1 }, classified: undefined };
    };
    expect(decide(leaning('and how would i report one'), deps, nothingBefore)).toMatchObject({ kind: 'text', rule: 'question-leans' });
    expect(decide(leaning('report stuff'), deps, nothingBefore).kind).toBe('none');
    expect(decide(leaning('how to report?'), deps, nothingBefore).kind).toBe('none');
    expect(decide(leaning('and how would i report one', { coverage: 0.8 }), deps, nothingBefore).kind).toBe('none');
    expect(decide(leaning('and how would i report one', { top: 'emergency' }), deps, nothingBefore).kind).toBe('none');
    expect(decide(leaning('and how would i report one', { top: FALLBACK_INTENT }), deps, nothingBefore).kind).toBe('none');
  });

  it('should choose a topic by its trigger phrase or an example word for word, and the fallback\'s example as out of scope', () => {
    const u = read('something quite unlike any example').u;
    expect(classify({ ...u, triggered: 'how_to_report' } as Understanding, deps)).toMatchObject({ intent: { id: 'how_to_report' }, rule: 'trigger-phrase' });
    expect(classify({ ...u, exact: 'awareness' } as Understanding, deps)).toMatchObject({ intent: { id: 'awareness' }, rule: 'exact-example' });
    expect(classify({ ...u, exact: FALLBACK_INTENT } as Understanding, deps)).toBe('out');
  });

  it('should give the numbers for a contact question, unless the topic chosen is how to report', () => {
    const part = read('how do i contact crimestoppers');
    expect(part.frame.contact.value).toBe(true);
    const chosen = (id: string) => ({ ...part, classified: { intent: deps.byId.get(id)!, confidence: 0.95, rule: 'classifier' } });
    expect(decide(chosen('how_to_report'), deps, nothingBefore).kind).toBe('text');
    expect(decide(chosen('awareness'), deps, nothingBefore).kind).toBe('contact');
  });

  it('should work on what was answered for "whats the difference", unless the classifier is sure of a topic in words', () => {
    const part = read('whats the difference');
    const chosen = (confidence: number) => ({ ...part, classified: { intent: deps.byId.get('what_is_county_lines')!, confidence, rule: 'classifier' } });
    expect(decide(chosen(0.95), deps, answeredBefore).kind).toBe('text');
    expect(decide(chosen(0.5), deps, answeredBefore).kind).toBe('figures');
  });

  it('should not read a place as asking for its figures when the classifier leans out of scope', () => {
    const part = read('anything good on in chelmsford');
    const leaningOut = { ...part, u: { ...part.u, ranked: [{ intent: FALLBACK_INTENT, score: 0.6 }, { intent: 'arrests', score: 0.2 }] }, classified: undefined };
    expect(decide(leaningOut, deps, nothingBefore).kind).toBe('none');
  });

  it('should read a part of three words or fewer as pointing back', () => {
    expect(pointsBack(read('kent?').u, words)).toBe(true);
    expect(pointsBack(read('how many arrests were made in kent').u, words)).toBe(false);
  });

  it('should read a short question the classifier cannot place as about the topic just answered in words', () => {
    const awareness = deps.byId.get('awareness')!;
    const unsure = (text: string) => ({ ...read(text), classified: undefined });
    expect(decide(unsure('who else'), deps, { ...nothingBefore, topic: awareness })).toMatchObject({ kind: 'text', rule: 'follows-topic' });
    expect(decide(unsure('who said that?'), deps, { ...nothingBefore, topic: awareness })).toMatchObject({ kind: 'text', rule: 'follows-topic' });
    expect(decide(unsure('lol'), deps, { ...nothingBefore, topic: awareness }).kind).toBe('none');
    expect(decide(unsure('who else'), deps, nothingBefore).kind).toBe('none');
    expect(decide({ ...read('whats the weather like'), classified: 'out' }, deps, { ...nothingBefore, topic: awareness }).kind).toBe('none');
  });

  it('should read a follow-up from the frame, whatever the classifier guesses from so few words', () => {
    expect(decide(read('no, cambridgeshire'), deps, answeredBefore)).toMatchObject({ kind: 'figures', rule: 'follow-up' });
    expect(decide(read('add them together'), deps, answeredBefore)).toMatchObject({ kind: 'figures' });
    expect(decide(read('add them together'), deps, nothingBefore).kind).not.toBe('figures');
  });

  it('should answer what the frame understood whole, a figure and a place, however the classifier scores it', () => {
    expect(decide(read('Essex, Kent, Cambs - arrests for each'), deps, nothingBefore)).toMatchObject({ kind: 'figures', metrics: ['arrests'] });
  });
});

describe('following up', () => {
  const last: Recall = { metrics: ['arrests'], places: ['kent'], region: false, earlier: ['essex'] };
  const followed = (text: string, recall: Recall | undefined = last, home?: string) => {
    const part = read(text);
    const asked = decide(part, deps, { answered: recall !== undefined, home: home !== undefined });
    if (asked.kind !== 'figures') throw new Error(`"${text}" was read as ${asked.kind}`);
    return followUp(part, asked, recall, home, engine.knowledge);
  };

  it('should keep the figures for a new place, and the places for a new figure', () => {
    expect(followed('and cambs?')).toMatchObject({ metrics: ['arrests'], frame: { counties: ['cambridgeshire'] }, fromContext: false });
    expect(followed('and deal lines there?')).toMatchObject({ metrics: ['deal_lines'], frame: { counties: ['kent'] }, fromContext: true });
  });

  it('should take the places answered last and before for a comparison or a sum', () => {
    const f = followed('which one had more?');
    expect(f.frame.counties).toEqual(['essex', 'kent']);
    expect(f.frame.operation.kind).toBe('versus');
    expect(followed('add them together').frame.operation.kind).toBe('sum');
  });

  it('should ask for the same figure again when a count names only a place', () => {
    expect(followed('how many in cambs')).toMatchObject({ metrics: ['arrests'], frame: { counties: ['cambridgeshire'] } });
    expect(asksSameCount(read('how many in cambs'), words)).toBe(true);
    expect(asksSameCount(read('how many schools in cambs'), words)).toBe(false);
  });

  it('should drop a place taken back, and use the home county for "near me"', () => {
    expect(followed('I said Cambs not Beds').frame.counties).toEqual(['cambridgeshire']);
    expect(followed('how many arrests round here', undefined, 'bedfordshire').frame.counties).toEqual(['bedfordshire']);
  });

  it('should read a short working-out with nothing named as working on what was answered, and a longer one as naming its own', () => {
    expect(combinesAnswered(read("what's the difference"), words)).toBe(true);
    expect(combinesAnswered(read('add all three up'), words)).toBe(true);
    expect(combinesAnswered(read('arrests in kent'), words)).toBe(false);
    expect(combinesAnswered(read('whats the difference between cuckooing and county lines'), words)).toBe(false);
  });

  it('should remember what was answered, and the places before when they change', () => {
    const f = followed('and cambs?');
    expect(recallOf(f, last)).toEqual({ metrics: ['arrests'], places: ['cambridgeshire'], region: false, earlier: ['essex', 'kent'] });
    expect(recallOf(followed('what about the whole region?'), last)).toMatchObject({ places: [], region: true });
    // Every place answered before is kept, latest last, not only the one before.
    const third = recallOf(followed('and norfolk?'), recallOf(f, last));
    expect(third).toMatchObject({ places: ['norfolk'], earlier: ['essex', 'kent', 'cambridgeshire'] });
  });
});

describe('a figure standing in for another', () => {
  it('should give a place\'s figure that stands in for one it lacks, and its own where it has one', () => {
    const metrics = new Map([['cash', { words: [] }], ['money_seized', { words: [], stands_in_for: ['cash'] }]]);
    const op = { region: { cash: { value: 9 } }, counties: { cambs: { money_seized: { value: 1 } }, kent: { cash: { value: 2 } } } };
    const knowledge = { metrics } as unknown as Parameters<typeof standIn>[1];
    const week = op as unknown as Parameters<typeof standIn>[0];
    expect(standIn(week, knowledge, 'cambs', 'cash')).toBe('money_seized');
    expect(standIn(week, knowledge, 'kent', 'cash')).toBe('cash');
    expect(standIn(week, knowledge, 'essex', 'cash')).toBe('cash');
    expect(standIn(week, knowledge, undefined, 'cash')).toBe('cash');
  });

  it('should give a topic\'s figure for one asked of the region only when it stands in for it or the asked one covers it, never the other way', () => {
    const { knowledge } = engine;
    const metrics = new Map([
      ...knowledge.metrics,
      ['engaged', { ...knowledge.metrics.get('engaged')!, stands_in_for: ['safeguarded'] }],
      ['money_seized', { ...knowledge.metrics.get('money_seized')!, stands_in_for: ['cash'], covers: ['cash'] }],
    ]);
    const withRelations = { ...knowledge, metrics } as typeof knowledge;
    const op = { region: { safeguarded: { value: 50 }, cash: { value: 9 } }, counties: {} } as unknown as Parameters<typeof regionFigureNotGiven>[2];
    const asking = (metric: string) => ({ ...read('across the region'), frame: { ...read('across the region').frame, metrics: [metric], counties: [] } }).frame;
    const topic = (metric: string) => ({ ...deps.byId.get('arrests')!, metric });
    // Engaged with stands in for safeguarded, not the other way: a question for engaged is not given the safeguarded.
    expect(regionFigureNotGiven(asking('engaged'), topic('safeguarded'), op, withRelations)).toMatch(/vulnerable people engaged with .*was not published/);
    // Money covers cash: asked for money, the cash is the answer.
    expect(regionFigureNotGiven(asking('money_seized'), topic('cash'), op, withRelations)).toBeUndefined();
  });
});

describe('a count of nothing named', () => {
  it.each([
    ['how many in zplace', true],
    ['what were the numbers for zplace please', true],
    ['stop and search numbers for zplace', false],
    ['how many people were stabbed in zplace', false],
    ['how many in total', true],
    ['and how many across the whole region', true],
    ['how many', false],
    ['how many stabbings across the region', false],
  ])('"%s": %s', (text, expected) => {
    expect(asksPlaceFigures(text.split(' '), words)).toBe(expected);
  });
});

describe('the region beside a county', () => {
  it.each([
    ['essex arrests and the total', true],
    ['cash overall and in cambs', true],
    ['knives in beds plus cash overall', true],
    ['arrests in essex and the region', true],
    ['how many arrests in essex in total', false],
    ['arrests in essex', false],
    ['knives in zplace and knives in total', true],
    ['arrests in zplace in total', false],
    ['how many arrests in total in zplace', false],
    ['total knives and then just zplace knives', true],
    ['total arrests in zplace', false],
  ])('"%s": %s', (text, beside) => {
    expect(regionBeside(text.split(' '), words)).toBe(beside);
  });
});

describe('a reply of several parts', () => {
  it('should keep as many whole answers as fit, in order', () => {
    expect(fitted(['one', 'two', 'three'], 12)).toBe('one\n\ntwo');
    expect(fitted(['a long first answer'], 5)).toBe('a long first answer');
  });
});

describe('the words that work on figures', () => {
  it('should be mended by the speller and read by the frame, so none is left over', () => {
    const part = read('kent essex arrests diffrence');
    expect(part.frame.operation.kind).toBe('difference');
    expect(part.frame.leftovers).toEqual([]);
    expect(read('essex arrest figur').u.tokens).toContain('figure');
    expect(read('arrests overal').u.tokens).toContain('overall');
  });
});
