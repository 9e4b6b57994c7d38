import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { realEngine } from '../helpers/fixtures.js';
import { notSaidIn } from '../../src/engine/answers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});
const ask = (text: string) => engine.answer(text, undefined, 0);

describe('figures', () => {
  it.each([
    ['how many arrests were there', 'arrests', ['151']],
    ['how many got nicked in essex', 'arrests', ['In Essex, 44 people were arrested']],
    ['how much cash was seized', 'cash', ['More than £150,000']],
    ['how much were the drugs worth', 'drugs', ['an estimated £48,000']],
    ['how many knives were seized', 'weapons', ['34 dangerous weapons', '17 knives']],
    ['blades seized in beds', 'weapons', ['In Bedfordshire, 8 knives']],
    ['safeguarding in norfolk', 'safeguarding', ['43 vulnerable people were engaged with', 'not published']],
    ['money seized in cambs', 'cash', ['£11,000', 'does not say whether that was cash']],
    ['how many deal lines were seized', 'deal_lines', ['region-wide total of deal lines was not published', 'Essex 12']],
    ['which county had the most arrests', 'comparison', ['Essex had the most arrests: 44']],
    ['which county had the fewest arrests', 'comparison', ['Bedfordshire and Norfolk had the fewest arrests: 5']],
    ['essex vs kent arrests', 'comparison', ['Essex: 44', 'Kent: 28']],
  ])('should answer "%s" as %s with the published figures', (text, intent, expected) => {
    const reply = ask(text);
    expect(reply.intent).toBe(intent);
    for (const e of expected) expect(reply.text).toContain(e);
  });

  // A figure that was not published is said to be so: never guessed, never borrowed from elsewhere.
  it.each([
    ['how many arrests in suffolk', 'Suffolk'],
    ['deal lines in bedfordshire', 'Bedfordshire'],
    ['arrests in lincolnshire', 'Lincolnshire'],
  ])('should say plainly that "%s" was not published', (text, county) => {
    const reply = ask(text);
    expect(reply.text).toContain('not published');
    expect(reply.text).toContain(county);
    const body = reply.text.split('\n\nIf anyone is in immediate danger')[0]!;
    expect(body.replace(/\b(7|11|18|2022|101|999|0800 555 111)\b/g, '')).not.toMatch(/\d/);
  });

  // Regression: these once said 'ask "how many weapons in total"' instead of giving the region's total itself.
  it.each([
    ['knives in essex', 'Essex', ['34 dangerous weapons', '17 of them were knives']],
    ['phones seized in kent', 'Kent', ['34 phones']],
    ['drugs seized in norfolk', 'Norfolk', ['an estimated £48,000']],
  ])('should say "%s" was not published and give the whole region\'s figure itself', (text, county, regionFigures) => {
    const reply = ask(text);
    expect(reply.text).toContain(`${county} was not published`);
    expect(reply.text).toContain('In the whole region');
    for (const f of regionFigures) expect(reply.text).toContain(f);
    expect(reply.text).not.toMatch(/in total" for that/);
  });

  // Regression: "Police estimate that an estimated £48,000": the qualifier was written twice.
  it('should give the qualifier of an estimated figure once', () => {
    const reply = ask('how much were the drugs worth');
    expect(reply.text).toContain('an estimated £48,000');
    expect(reply.text).not.toMatch(/estimate\w* that an estimated/i);
  });

  it('should only ever state numbers that were published', () => {
    const op = engine.knowledge.operations[0]!;
    const published = new Set([...Object.values(op.region), ...Object.values(op.counties).flatMap((c) => Object.values(c))].map((f) => f.value.toLocaleString('en-GB')));
    // Contact numbers (data/contacts.yaml) are not figures: any of their digit groups may appear.
    const contactDigits = [...engine.knowledge.contacts.values()].flatMap((c) => [c.number, c.text].flatMap((n) => n?.split(' ') ?? []));
    const allowed = new Set([...published, '7', '11', '18', '2022', ...contactDigits]);
    const questions = engine.intents.flatMap((i) => [...i.examples, ...i.tests]);
    for (const county of engine.knowledge.places.keys()) for (const m of ['arrests', 'knives', 'deal lines', 'phones', 'cash', 'drugs', 'safeguarding']) questions.push(`${m} in ${county}`);
    // A gap between two counties' published figures, in a reply that says it is its own calculation.
    const gaps = new Set(Object.values(op.counties).flatMap((a) => Object.values(op.counties).flatMap((b) => Object.keys(a).flatMap((m) => (b[m] ? [Math.abs(a[m]!.value - b[m]!.value).toLocaleString('en-GB')] : [])))));
    for (const q of questions) {
      // A year the question names may be echoed ("I don't have figures for 2020"); nothing else may appear.
      const typed = new Set(q.match(/\b(?:19|20)\d\d\b/g) ?? []);
      const text = ask(q).text;
      const worked = text.includes('my own calculation') ? gaps : new Set<string>();
      for (const n of text.match(/\d[\d,]*/g) ?? []) if (!typed.has(n) && !worked.has(n.replace(/,$/, ''))) expect(allowed, `"${q}" gave ${n}`).toContain(n.replace(/,$/, ''));
    }
  });
});

describe('emergency', () => {
  it.each(['someone is being stabbed outside', 'theres a man with a knife outside my house rn', 'my son is in danger', 'help me please they are following me'])(
    'should put 999 first for "%s"',
    (text) => {
      const reply = ask(text);
      expect(reply.intent).toBe('emergency');
      expect(reply.text.startsWith('Call 999 now')).toBe(true);
    },
  );

  it('should let emergency wording win over a figure question', () => {
    expect(ask('how many knives were seized, someone has a knife right now').intent).toBe('emergency');
  });
});

describe('the fallback', () => {
  it.each([
    "what's the weather in Chelmsford",
    'tell me a joke',
    'who won the football last night',
    'what is the capital of france',
    'asdfghjkl',
    'whats the best pizza near me',
  ])('should not answer "%s" with a figure', (text) => {
    const reply = ask(text);
    expect(reply.intent).toBeNull();
    // The general fallback, or a specific one naming the place it understood ("Chelmsford (Essex)").
    expect(reply.text).toMatch(/Sorry, I can only (help with|answer questions about) the county-lines week of action/);
    expect(reply.text).not.toMatch(/\b(151|44|28|25|14)\b/);
  });

  it.each(['how many arrests were there in 2019', 'how many people did the met arrest last year'])('should say which week it has for "%s", with no figure', (text) => {
    const reply = ask(text);
    expect(reply.intent).toBeNull();
    expect(reply.text).toContain('I only have the published results of');
    expect(reply.text).toContain('7 March');
    expect(reply.text).not.toMatch(/\b(151|44|28|25|14)\b/);
  });

  it('should answer an empty message kindly', () => {
    const reply = ask('   🙂  ');
    expect(reply.intent).toBeNull();
    expect(reply.text).toContain("I didn't catch a question");
  });
});

describe('other times', () => {
  it.each(['how many arrests were there last year', 'when is the next county lines crackdown', 'what were the results in 2019'])('should not describe the week of action for "%s"', (text) => {
    expect(ask(text).intent).toBeNull();
  });

  it.each([
    ['how do i report dealing that happened last year', 'how_to_report'],
    ['when did this week of action happen', 'when'],
  ])('should still answer "%s"', (text, intent) => {
    expect(ask(text).intent).toBe(intent);
  });
});

describe('sentences', () => {
  // A template may open with a qualified figure ("{cash} in cash was seized" gives "more than £150,000 ...").
  it.each(['how much cash was seized', 'how much were the drugs worth'])('should start the reply to "%s" with a capital letter', (text) => {
    expect(ask(text).text).toMatch(/^[A-Z0-9£]/);
  });
});

describe('notes before an answer', () => {
  it('should keep only the sentences the answer does not already say', () => {
    expect(notSaidIn(['No number was given. Forces worked with cabs.'], 'Forces worked with cabs.')).toEqual(['No number was given.']);
    expect(notSaidIn(['Forces worked with cabs.'], 'Forces worked with cabs.')).toEqual([]);
    expect(notSaidIn(['Names were not given.'], 'Forces worked with cabs.')).toEqual(['Names were not given.']);
  });
});
