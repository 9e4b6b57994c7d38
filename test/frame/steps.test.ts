import { beforeAll, describe, expect, it } from 'vitest';
import { actOfIntent } from '../../src/engine/act.js';
import { contactRule } from '../../src/frame/contact.js';
import { createFacetFinder } from '../../src/frame/facet.js';
import { exceptsCounty, numberAsked, operationStep } from '../../src/frame/operation.js';
import { answerCounties, placesStep } from '../../src/frame/places.js';
import { namedTimes, timeStep } from '../../src/frame/time.js';
import type { Engine } from '../../src/engine/engine.js';
import { latestOperation } from '../../src/knowledge/knowledge.js';
import { englishWords } from '../../src/knowledge/languages.js';
import { normalise, words } from '../../src/nlu/normalise.js';
import { fixtureEngine, on } from './fixture.js';

const w = (text: string) => words(normalise(text));
let engine: Engine;
/** The English words of the fixture data, a copy of data/lang/en.yaml's. */
const en = () => englishWords(engine.knowledge.languages);
beforeAll(async () => {
  engine = await fixtureEngine();
});

describe('contactRule', () => {
  it.each([
    ['number for essex police', true, true],
    ['how do i reach crimestoppers', false, true],
    ['whats the phone number for my local gp', false, false],
    ['how many phones were seized', false, false],
    ['phone number for herts', true, true],
  ])('should read "%s" (place named: %s) as a contact question: %s', (text, namesPlace, expected) => {
    expect(contactRule(w(text), namesPlace, en()).value).toBe(expected);
  });

  it('should note when the question names Crimestoppers', () => {
    expect(contactRule(w('how do i reach crimestoppers'), false, en()).crimestoppers).toBe(true);
    expect(contactRule(w('number for essex police'), true, en()).crimestoppers).toBeUndefined();
  });

  it('should take its phrases from the words it is given', () => {
    const invented = { contact: ['ring up'], contact_who: ['sheriff'], contact_after: ['hotline'], crimestoppers: ['grasswatch'], asks_count: ['how plenty'] };
    expect(contactRule(w('how do i ring up the sheriff'), false, invented).value).toBe(true);
    expect(contactRule(w('sheriff hotline?'), false, invented).value).toBe(true);
    expect(contactRule(w('hotline for the sheriff'), false, invented).value).toBe(false);
    expect(contactRule(w('the sheriff hotline and the number of arrests'), false, invented, true).value).toBe(false);
    expect(contactRule(w('how do i ring up grasswatch'), true, invented).crimestoppers).toBe(true);
    expect(contactRule(w('number for essex police'), false, invented).value).toBe(false);
    // A count asked for is a figure, never a phone number.
    expect(contactRule(w('how plenty people did the sheriff hotline'), false, invented).value).toBe(false);
  });
});

describe('placesStep', () => {
  const mention = (key: string, said: string, town = false) => ({ key, said, town });
  it('should give each place its kind against the week answered from', () => {
    const op = latestOperation(engine.knowledge);
    const places = placesStep(
      [mention('essex', 'essex'), mention('suffolk', 'suffolk'), mention('cambridgeshire', 'peterborough', true), mention('scotland', 'scotland')],
      true,
      engine.knowledge,
      op,
    );
    expect(places).toEqual([
      { kind: 'county_with_figures', key: 'essex', said: 'essex' },
      { kind: 'region_county_without_figures', key: 'suffolk', said: 'suffolk' },
      { kind: 'town', key: 'cambridgeshire', county: 'cambridgeshire', said: 'peterborough' },
      { kind: 'outside_region', key: 'scotland', said: 'scotland' },
      { kind: 'region', said: 'region' },
    ]);
  });

  it('should let a county named directly, or the region, win over a town mentioned in passing', () => {
    const town = { kind: 'town' as const, key: 'hertfordshire', county: 'hertfordshire', said: 'stevenage' };
    const kent = { kind: 'county_with_figures' as const, key: 'kent', said: 'kent' };
    expect(answerCounties([town, kent])).toEqual(['kent']);
    expect(answerCounties([town])).toEqual(['hertfordshire']);
    expect(answerCounties([town], true)).toEqual([]);
    expect(answerCounties([{ kind: 'outside_region', key: 'london', said: 'london' }])).toEqual([]);
  });
});

describe('timeStep', () => {
  it.each([
    ['how many arrests', 'none', ['fixture-2022-03'], 'time-none-latest'],
    ['arrests in october', 'month', ['fixture-2021-10'], 'time-named-month'],
    ['arrests in march 2022', 'month', ['fixture-2022-03'], 'time-named-month'],
    ['arrests in 2021', 'year', ['fixture-2021-10'], 'time-named-year'],
    ['compare 2021 and 2022', 'year', ['fixture-2022-03', 'fixture-2021-10'], 'time-named-year'],
    ['arrests in 2019', 'year', [], 'time-named-year'],
    ['arrests last time', 'latest', ['fixture-2022-03'], 'time-latest'],
    ['and the previous one', 'previous', ['fixture-2021-10'], 'time-previous'],
    ['arrests last year', 'past', ['fixture-2021-10'], 'time-relative-past'],
    ['how does it compare to last years', 'past', ['fixture-2021-10'], 'time-relative-past'],
    ['what did they get in the autumn', 'month', ['fixture-2021-10'], 'time-named-month'],
    ['arrests in the spring', 'month', ['fixture-2022-03'], 'time-named-month'],
    ['anything in summer 2022', 'month', [], 'time-named-month'],
    ['arrests next time', 'future', [], 'time-future'],
    ['arrests nowadays', 'present', [], 'time-present'],
    ['what happened this week of action', 'none', ['fixture-2022-03'], 'time-none-latest'],
    ['may i ask about arrests', 'none', ['fixture-2022-03'], 'time-none-latest'],
  ])('should read "%s" as %s, weeks %j (%s)', (text, kind, operations, rule) => {
    const { value, rule: fired } = timeStep(w(text), engine.knowledge, on('2022-06-01'));
    expect(value.kind).toBe(kind);
    expect(value.operations).toEqual(operations);
    expect(fired).toBe(rule);
  });

  it('should read a month as a time only with a cue, and take its year with it', () => {
    expect(namedTimes(w('the october week'), en())).toEqual([{ month: 10, said: 'october' }]);
    expect(namedTimes(w('march 2022'), en())).toEqual([{ month: 3, year: 2022, said: 'march 2022' }]);
    expect(namedTimes(w('may i ask'), en())).toEqual([]);
    expect(namedTimes(w('in the autumn'), en())).toEqual([{ months: [9, 10, 11], said: 'autumn' }]);
    expect(namedTimes(w('will the bot fall over'), en())).toEqual([]);
  });

  it('should read two months joined as times, each the other\'s cue: "essex arrests april vs october"', () => {
    expect(namedTimes(w('essex arrests april vs october'), en())).toEqual([{ month: 4, said: 'april' }, { month: 10, said: 'october' }]);
    expect(namedTimes(w('march or may'), en())).toEqual([{ month: 3, said: 'march' }, { month: 5, said: 'may' }]);
    expect(namedTimes(w('march or may i ask'), en())).toEqual([{ month: 3, said: 'march' }, { month: 5, said: 'may' }]);
  });

  it('should read the months and seasons of the words it is given', () => {
    const months = ['frostmonth', 'mudmonth', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11', 'm12'];
    const invented = { ...en(), months, seasons: { thaw: ['frostmonth', 'mudmonth'] }, month_cues: ['during'], cued_seasons: ['thaw'] };
    expect(namedTimes(w('arrests during mudmonth'), invented)).toEqual([{ month: 2, said: 'mudmonth' }]);
    expect(namedTimes(w('arrests during thaw'), invented)).toEqual([{ months: [1, 2], said: 'thaw' }]);
    expect(namedTimes(w('thaw it first'), invented)).toEqual([]);
    expect(namedTimes(w('arrests in march'), invented)).toEqual([]);
  });

  it('should read the relative times of the words it is given, saying any way of typing last year as the first', () => {
    const english = engine.knowledge.languages.get('en')!;
    const invented = { ...en(), times_last_year: ['yesteryear', 'yestryr'], not_times: ['yesteryear tales'] };
    const knowledge = { operations: engine.knowledge.operations, languages: new Map([['en', { ...english, words: invented }]]) };
    expect(timeStep(w('arrests yestryr'), knowledge, on('2022-06-01')).value).toEqual({ kind: 'past', said: 'yesteryear', operations: ['fixture-2021-10'] });
    expect(timeStep(w('yesteryear tales'), knowledge, on('2022-06-01')).value.kind).toBe('none');
    expect(timeStep(w('arrests last yr'), knowledge, on('2022-06-01')).value.kind).toBe('none');
  });
});

describe('facet finder', () => {
  it.each([
    ['how many teenagers were arrested', 'age'],
    ['how many were remanded in custody', 'bail_remand'],
    ['how much heroin', 'drug_types'],
    ['any cars seized', 'vehicles'],
    ['how many guns', 'firearms'],
    ['how many arrests in essex', null],
  ])('should find in "%s" the breakdown %s', (text, key) => {
    const find = createFacetFinder(engine.knowledge.facets);
    expect(find.find(w(text), w(text))?.key ?? null).toBe(key);
  });
});

describe('operationStep', () => {
  it.each([
    ['what share of arrests were in essex', 1, 0, { kind: 'share' }],
    ['did essex and kent together make more than half', 2, 0, { kind: 'share', threshold: 50 }],
    ['how many arrests a day', 0, 0, { kind: 'per_day' }],
    ['arrests in essex and kent combined', 2, 0, { kind: 'sum' }],
    ['was it 28 in kent', 1, 0, { kind: 'confirm', number: 28 }],
    ['essex vs kent', 2, 0, { kind: 'versus' }],
    ['which county had the fewest arrests', 0, 0, { kind: 'fewest' }],
    ['which county had the most arrests', 0, 0, { kind: 'most' }],
    ['arrests in 2021 and 2022', 0, 2, { kind: 'versus' }],
    ['how many arrests in kent', 1, 0, { kind: 'value' }],
    ['kent hertfordshire arrests difference', 2, 0, { kind: 'difference' }],
    ['how many times more arrests in essex than kent', 2, 0, { kind: 'ratio' }],
    ['how many times did they go to essex and kent', 2, 0, { kind: 'value' }],
  ])('should read "%s" as %j', (text, counted, weeks, expected) => {
    expect(operationStep(w(text), counted, weeks, {}, en()).value).toEqual(expected);
  });

  it('should read a sign that joins places as adding them up, and one that joins figures of a place as a list', () => {
    expect(operationStep(w('cambs deal lines + herts deal lines'), 2, 0, { metrics: 1 }, en()).value).toEqual({ kind: 'sum' });
    expect(operationStep(w('cambs arrests + cash + lines'), 1, 0, { metrics: 3 }, en()).value).toEqual({ kind: 'value' });
    expect(operationStep(w('cambs arrests and cash added together'), 1, 0, { metrics: 2 }, en()).value).toEqual({ kind: 'sum' });
  });

  it.each([
    ['cambridgeshire and essex arrests plus the regional total', { kind: 'value' }],
    ['essex arrest plus overall arrests', { kind: 'value' }],
    ['cambridgeshire plus essex arrests and the regional total', { kind: 'sum' }],
  ])('should read a word that joins the region to the list as no sum: "%s" is %j', (text, expected) => {
    expect(operationStep(w(text), 2, 0, { metrics: 1, regionNamed: true }, en()).value).toEqual(expected);
  });

  it.each([
    ['so how many werent in herts', true],
    ['arrests minus herts', true],
    ['herts arrests and how many in the rest of the region', true],
    ['arrests in herts and the region', false],
    ['herts and kent and the rest of the region', false],
  ])('should read "%s" as the region without the county: %s', (text, expected) => {
    const said = ['herts', 'kent'].filter((c) => w(text).includes(c)).map((c) => ({ said: c, town: false }));
    expect(exceptsCounty(w(text), said, en())).toBe(expected);
    if (expected) expect(operationStep(w(text), 1, 0, { metrics: 1, except: true }, en()).value).toEqual({ kind: 'except' });
  });

  it.each([
    ['add up all the deal lines for me', { kind: 'sum' }],
    ['can you add the deal lines', { kind: 'sum' }],
    ['how many deal lines altogether', { kind: 'value' }],
    ['add them up, was it 32', { kind: 'confirm', number: 32 }],
  ])('should read "%s", one figure and no county, as %j', (text, expected) => {
    expect(operationStep(w(text), 0, 0, { metrics: 1 }, en()).value).toEqual(expected);
  });

  it.each([
    ['was it 28', 28],
    ['how many under 18 were arrested', undefined],
    ['arrests in 2022', undefined],
    ['call 101', undefined],
    ['top 3 counties', undefined],
    ['was it 150k', 150000],
    ['total of those 3', undefined],
    ['stats 4 zplace', undefined],
    ['was it 28 in zplace', 28],
  ])('should take from "%s" the number checked: %s', (text, n) => {
    expect(numberAsked(w(text), en())).toBe(n);
  });

  it('should take its words from the words it is given', () => {
    const invented = { ...en(), fewest: ['teeniest'], before_other_numbers: ['beneath'], after_other_numbers: ['fortnights'], except: ['sans'] };
    expect(operationStep(w('which county had the teeniest arrests'), 0, 0, {}, invented).value).toEqual({ kind: 'fewest' });
    expect(operationStep(w('which county had the fewest arrests'), 0, 0, {}, invented).value).toEqual({ kind: 'value' });
    expect(numberAsked(w('arrests beneath 18'), invented)).toBeUndefined();
    expect(numberAsked(w('arrests under 18'), invented)).toBe(18);
    expect(numberAsked(w('3 fortnights'), invented)).toBeUndefined();
    const essex = [{ said: 'essex', town: false }];
    expect(exceptsCounty(w('arrests sans essex'), essex, invented)).toBe(true);
    expect(exceptsCounty(w('arrests outside essex'), essex, invented)).toBe(false);
  });
});

describe('actOfIntent', () => {
  it('should follow the intent file, then the shape of its answer', () => {
    const byId = new Map(engine.intents.map((i) => [i.id, i]));
    expect(actOfIntent(byId.get('arrests'))).toBe('figure');
    expect(actOfIntent(byId.get('comparison'))).toBe('figure');
    expect(actOfIntent(byId.get('emergency'))).toBe('emergency');
    expect(actOfIntent(byId.get('how_to_report'))).toBe('report');
    expect(actOfIntent(byId.get('greeting'))).toBe('greeting');
    expect(actOfIntent(byId.get('help'))).toBe('help');
    expect(actOfIntent(byId.get('what_is_county_lines'))).toBe('fact');
    expect(actOfIntent(byId.get('fallback'))).toBe('out_of_scope');
    expect(actOfIntent(undefined)).toBe('out_of_scope');
  });
});
