import { beforeAll, describe, expect, it } from 'vitest';
import { ArithmeticError, evaluateArithmetic } from '../../src/evaluation/arithmetic.js';
import { noExpectations } from '../../src/evaluation/cases.js';
import {
  appearsAsNumber,
  containsFact,
  figuresIn,
  judgeReply,
  NOT_PUBLISHED_PHRASES,
  saysNotPublished,
  type Expectations,
} from '../../src/evaluation/judge.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { composeReply, DANGER_FIRST_LINE } from '../../src/reply/compose.js';
import { EVAL_FIXTURE } from '../helpers/eval-fixture.js';


let knowledge: Knowledge;
beforeAll(async () => {
  const loaded = await loadKnowledge(EVAL_FIXTURE);
  expect(loaded.problems).toEqual([]);
  knowledge = loaded.knowledge!;
});

const judge = (reply: string, expect: Partial<Expectations>, more: { scope?: 'in' | 'out'; forbid?: string[] } = {}) =>
  judgeReply(composeReply(reply), { scope: more.scope ?? 'in', expect: { ...noExpectations(), ...expect }, forbid: { fields: more.forbid ?? [] } }, knowledge);

describe('a number in a reply', () => {
  it.each([
    ['44 arrests', 44, true],
    ['In Essex, 44.', 44, true],
    ['144 arrests', 44, false],
    ['440 arrests', 44, false],
    ['£44,000', 44, false],
    ['4.44', 44, false],
    ['44.5', 44, false],
    ['more than £120,000 in cash', 120000, true],
    ['more than £120000', 120000, true],
    ['£1,120,000', 120000, false],
    ['0800 555 111', 555, true],
  ])('should find %j as %d: %s', (text, value, found) => {
    expect(appearsAsNumber(text, value)).toBe(found);
  });

  it('should not count contact numbers as figures', () => {
    // 555 phones is a fixture figure; Crimestoppers' 0800 555 111 in the footer must not count as it.
    expect(figuresIn(composeReply('Call Crimestoppers on 0800 555 111.'), knowledge)).toEqual([]);
    expect(figuresIn(composeReply('They seized 555 phones.'), knowledge)).toEqual(['region.phones']);
  });

  it('should not count dates as figures', () => {
    // Bedfordshire's 6 arrests and "Monday 6 May to Friday 10 May 2030".
    expect(figuresIn(composeReply('The week ran from Monday 6 May to Friday 10 May 2030, or 6th May 2030.'), knowledge)).toEqual([]);
    expect(figuresIn(composeReply('In May 2030, 6 people were arrested.'), knowledge)).toEqual(['bedfordshire.arrests', 'norfolk.arrests']);
  });
});

describe('the judge of a reply', () => {
  it('should want the figure of each field, formatted as replies write it', () => {
    expect(judge('In Essex, 44 people were arrested.', { fields: ['essex.arrests'] })).toEqual([]);
    expect(judge('Across the region, 144 people were arrested.', { fields: ['essex.arrests'] })).toEqual(['lacks the Essex arrests (44)']);
    expect(judge('More than £120,000 in cash was seized.', { fields: ['region.cash'] })).toEqual([]);
    expect(judge('Nothing.', { fields: ['suffolk.arrests'] })[0]).toMatch(/suffolk\.arrests, which the data does not publish/);
  });

  it('should want "not published" for a figure another week has but the week answered does not', () => {
    const week = { ...knowledge.operations[0]!, id: 'later-week', counties: {} };
    const inWeek = (reply: string, expect: Partial<Expectations>) =>
      judgeReply(composeReply(reply), { scope: 'in', expect: { ...noExpectations(), ...expect }, forbid: { fields: [] } }, knowledge, week);
    expect(inWeek('An arrest figure for Essex was not published.', { fields: ['essex.arrests'] })).toEqual([]);
    expect(inWeek('Nothing.', { fields: ['essex.arrests'] })[0]).toMatch(/does not say plainly that Essex arrests .*was not published/);
    expect(inWeek('Nothing.', { computed: ['essex.arrests + kent.arrests'] })[0]).toMatch(/was not published/);
  });

  it('should work out computed values and accept a whole number or one decimal, with or without %', () => {
    // 100 * 44 / 144 = 30.555...
    expect(judge('Essex made 31% of the arrests.', { computed: ['100 * essex.arrests / region.arrests'] })).toEqual([]);
    expect(judge('Essex made 30.6 per cent of the arrests.', { computed: ['100 * essex.arrests / region.arrests'] })).toEqual([]);
    expect(judge('Essex made 14 more than Kent.', { computed: ['essex.arrests - kent.arrests'] })).toEqual([]);
    expect(judge('Essex made a third.', { computed: ['100 * essex.arrests / region.arrests'] })).toEqual(['lacks 100 * essex.arrests / region.arrests (30.6)']);
  });

  it('should take any one of the alternatives in says, ignoring case', () => {
    expect(judge('Cambs made 16 arrests.', { says: ['Cambridgeshire | cambs'] })).toEqual([]);
    expect(judge('16 arrests.', { says: ['Cambridgeshire | Cambs'] })).toEqual(['does not say "Cambridgeshire | Cambs"']);
  });

  it('should find a fact by its text or most of its key words, from the data', () => {
    expect(judge(knowledge.operations[0]!.facts.definition!, { facts: ['definition'] })).toEqual([]);
    expect(containsFact('gangs moving drugs between towns on a dedicated phone line, says Fixture Police', knowledge.operations[0]!.facts.definition!)).toBe(true);
    expect(judge('County lines is about drugs.', { facts: ['definition'] })).toEqual(['lacks the fact "definition"']);
  });

  it('should know the plain ways of saying a figure was not published', () => {
    for (const phrase of NOT_PUBLISHED_PHRASES) expect(saysNotPublished(`Suffolk's figure ${phrase}.`)).toBe(true);
    expect(saysNotPublished("Suffolk's figure wasn’t published.")).toBe(true);
    expect(judge('Suffolk made arrests.', { notPublished: true })).toEqual(['does not say plainly that the figure was not published']);
  });

  it('should want the 999 line first when someone is in danger', () => {
    expect(judge(`${DANGER_FIRST_LINE}\n\nStay safe.`, { danger: true })).toEqual([]);
    // The footer mentions 999 too, but not first.
    expect(judge('Stay safe.', { danger: true })).toEqual(['does not open with the 999 line']);
  });

  it('should find a service by its number or its name', () => {
    expect(judge('Talk to Childline.', { services: ['childline'] })).toEqual([]);
    expect(judge('Ring 0808 800 5000.', { services: ['safecall | nspcc'] })).toEqual([]);
    expect(judge('Ask someone.', { services: ['safecall | nspcc'] })).toEqual(['does not give safecall | nspcc']);
  });

  it('should refuse a forbidden figure only as a whole number', () => {
    expect(judge('In Essex, 44 people were arrested.', {}, { forbid: ['region.arrests'] })).toEqual([]);
    expect(judge('144 people were arrested.', {}, { forbid: ['region.arrests'] })).toEqual(['gives the region-wide arrests (144), which it should not']);
  });

  it('should want no published figure at all in reply to an out-of-scope question, contact numbers aside', () => {
    expect(judge('I can only help with the week of action. Call 101 or 0800 555 111.', {}, { scope: 'out' })).toEqual([]);
    expect(judge('I can only help with that week: 144 arrests.', {}, { scope: 'out' })).toEqual([
      'gives figures to a question it should turn down: region-wide arrests (144)',
    ]);
  });
});

describe('the arithmetic of computed values', () => {
  const values: Record<string, number> = { 'essex.arrests': 44, 'region.arrests': 144 };
  const lookup = (n: string) => values[n];

  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['-2 + 5', 3],
    ['100 * essex.arrests / region.arrests', (100 * 44) / 144],
    ['region.arrests - essex.arrests', 100],
  ])('should work out %s', (expression, value) => {
    expect(evaluateArithmetic(expression, lookup)).toBeCloseTo(value);
  });

  it.each([
    ['essex.arrests / 0', /divides by zero/],
    ['kent.arrests + 1', /kent\.arrests is not a published figure/],
    ['(1 + 2', /bracket is not closed/],
    ['process.exit()', /cannot read "\(\)"|is not a published figure/],
    ['1 ; 2', /cannot read/],
    ['1 2', /left over/],
  ])('should refuse %s with a message saying why', (expression, message) => {
    expect(() => evaluateArithmetic(expression, lookup)).toThrow(ArithmeticError);
    expect(() => evaluateArithmetic(expression, lookup)).toThrow(message);
  });
});
