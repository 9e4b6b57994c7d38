import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine, EngineReply } from '../../src/engine/engine.js';
import { wordsInOtherSenses } from '../../src/nlu/understand.js';
import { otherTimeStatement, planWeeks } from '../../src/engine/plan.js';
import type { FrameParts } from '../../src/frame/build.js';
import { body, fixtureEngine, on } from '../frame/fixture.js';
import { noExpectations } from '../../src/evaluation/cases.js';
import { runCase } from '../../src/evaluation/evaluate.js';
import { weekWords } from '../../src/evaluation/judge.js';
import { arrestWordTakesThing } from '../../src/nlu/understand.js';

// Fixture figures (invented): spring 2022 week: region 200 arrests, Essex 60, Kent 40, Cambridgeshire 20,
// Bedfordshire 10; Essex 9 deal lines, Kent 7. Suffolk and Norfolk have no figures.
let engine: Engine;
beforeAll(async () => {
  engine = await fixtureEngine();
});
const ask = (text: string, now = on('2022-06-01')): EngineReply => engine.answer(text, undefined, now);

describe('towns read like their county', () => {
  it('should count a town named without "in" as a place when examples use it only as a place', () => {
    const common = wordsInOtherSenses(
      [
        { intent: 'fallback', text: 'is norwich a city' },
        { intent: 'arrests', text: 'arrests in luton' },
        { intent: 'deal_lines', text: 'how many deal lines' },
      ],
      { metrics: new Map() },
      'fallback',
    );
    expect(common.has('norwich')).toBe(false);
    expect(common.has('luton')).toBe(false);
    expect(common.has('deal')).toBe(true);
  });

  it('should answer "town figure" with the county figure and the by-county note', () => {
    const r = ask('peterborough arrests');
    expect(r.intent).toBe('arrests');
    expect(body(r.text)).toMatch(/published by county, not by town\. Peterborough is in Cambridgeshire/);
    expect(body(r.text)).toContain('20');
    expect(body(ask('basildon deal lines').text)).toContain('9');
  });

  it('should read "itself" as a filler in a follow-up naming a place', () => {
    const r = ask('what about cambridge itself');
    expect(r.frame.places[0]?.county).toBe('cambridgeshire');
    expect(r.intent).not.toBeNull();
  });

  it('should say a figure was not published for a region county without one, even when it cannot answer', () => {
    const r = ask('i live in ipswich was anyone arrested round here');
    expect(body(r.text)).toMatch(/not published/);
    expect(body(r.text)).not.toContain('200');
  });
});

describe('time words are times, not danger', () => {
  it('should not read a time word alone as danger', () => {
    const r = ask('is there a county lines operation going on right now');
    expect(r.danger).toBe(false);
    expect(r.frame.time.kind).toBe('present');
    expect(body(r.text)).not.toContain('200');
  });

  it('should still read harm happening now as danger', () => {
    expect(ask('someone is being stabbed right now').danger).toBe(true);
    expect(ask('a kid is getting battered in the park rn').danger).toBe(true);
  });

  it('should read "going up" as a trend over time, with no figure', () => {
    const r = ask('are arrests going up in essex');
    expect(r.frame.time.kind).toBe('trend');
    expect(body(r.text)).toMatch(/not figures over time/);
    expect(body(r.text)).not.toContain('60');
  });

  it('should read "next to" as a place, not the next week', () => {
    const r = ask('lincolnshire is next to norfolk, did they arrest anyone there');
    expect(r.frame.time.kind).toBe('none');
  });
});

describe('places outside the region', () => {
  it('should name a city as typed, with its force area', () => {
    const r = ask('how many arrests in cardiff');
    expect(body(r.text)).toContain('Figures for Cardiff (South Wales) were not published');
    expect(body(r.text)).not.toContain('200');
  });

  it('should keep the area name when the area itself was named', () => {
    expect(body(ask('how many arrests in wales').text)).toContain('Figures for Wales were not published');
  });

  it('should read the whole country as outside the region, with no figures', () => {
    for (const q of ['how many arrests in the uk', 'how many arrests across england', 'arrests nationally']) {
      const r = ask(q);
      expect(body(r.text)).toMatch(/Figures for the UK were not published/);
      expect(body(r.text)).not.toContain('200');
    }
  });
});

describe('calculations on published figures', () => {
  it('should give the gap between two counties', () => {
    const r = ask('how many more arrests did essex make than kent');
    expect(r.frame.operation.kind).toBe('difference');
    expect(body(r.text)).toMatch(/Essex had 20 more/);
  });

  it('should take one county from the region figure for "outside"', () => {
    const r = ask('how many arrests outside essex');
    expect(r.frame.operation.kind).toBe('except');
    expect(body(r.text)).toMatch(/outside Essex there were 140/);
  });

  it('should add up the county figures and say how that sits with the region total', () => {
    const r = ask('add up the arrests from all the counties');
    expect(body(r.text)).toContain('130');
    expect(body(r.text)).toMatch(/not the same as the published region-wide total of 200/);
  });

  it('should prefer the calculation over a text answer when a figure is named', () => {
    const r = ask('if you add up the county arrests does it come to 200');
    expect(r.intent).toBe('arrests');
    expect(body(r.text)).toContain('130');
  });

  it('should give one figure as a share of another', () => {
    expect(body(ask('what percentage of the weapons were knives').text)).toContain('30%');
  });

  it('should set one figure against another of the same place, and say when one of them was not published', () => {
    expect(body(ask('how many more arrests than deal lines in essex').text)).toContain('51 more arrests than deal lines seized');
    const missing = ask('how many more arrests than deal lines in cambs');
    expect(body(missing.text)).toMatch(/deal lines seized figure for Cambridgeshire was not published/);
  });

  it('should give one figure as a rate of another of the same place ("arrests per deal line")', () => {
    const r = ask('how many arrests per deal lines in essex');
    expect(r.frame.operation.kind).toBe('ratio');
    expect(body(r.text)).toContain('about 6.7 arrests for every one of the deal lines seized');
  });

  it('should read % as percent', () => {
    const r = ask('what % of arrests were in kent');
    expect(r.frame.operation.kind).toBe('share');
    expect(body(r.text)).toContain('20%');
  });

  it('should add two figures in pounds, qualified', () => {
    expect(body(ask('drugs and cash seized put together').text)).toContain('about £120,000');
  });
});

describe('breakdowns not published', () => {
  it('should say a breakdown is not published before a text answer too', () => {
    const r = ask('what were they charged with');
    expect(body(r.text)).toMatch(/^The release doesn't say how many people were charged/);
  });

  it('should fill a fact named in a breakdown sentence from the week', () => {
    const r = ask('how many taxi drivers did they talk to');
    expect(body(r.text)).toMatch(/doesn't give a number for the people officers spoke to\. Fixture forces worked with taxi firms/);
    expect(body(r.text)).not.toContain('{');
  });

  it('should start a template sentence with a capital after a note', () => {
    const r = ask('how much cash was seized, how old were they');
    expect(body(r.text)).not.toMatch(/\. more than/);
  });
});

describe('checking a number', () => {
  it('should check a region figure even when the classifier ranks counties', () => {
    const r = ask('i heard 300 were arrested, true?');
    expect(body(r.text)).toMatch(/^No, not 300\./);
    expect(body(r.text)).toContain('200');
  });

  it('should say which county the number checked belongs to', () => {
    const r = ask('60 arrests in kent yeah?');
    expect(body(r.text)).toMatch(/No, not 60/);
    expect(body(r.text)).toMatch(/60 was the arrests figure for Essex/);
  });

  it('should say when the number checked is another figure of the place', () => {
    const r = ask('is it true they seized £90k of drugs');
    expect(body(r.text)).toMatch(/£90,000 matches the published figure for cash seized/);
  });
});

describe('breakdowns that replace or qualify the figures', () => {
  it('should give no figure for a breakdown about something other than the figures', () => {
    const r = ask('how many knives were handed in to amnesty bins in essex');
    expect(body(r.text)).toMatch(/doesn't give a figure for knives handed in/);
    expect(body(r.text)).not.toMatch(/\b(?:60|12|4)\b/);
  });

  it('should read a place that is the breakdown value as no place asked', () => {
    const r = ask('how many of those arrested came from london');
    expect(body(r.text)).toMatch(/^The release doesn't say where the people arrested came from/);
    expect(body(r.text)).toContain('200');
    expect(body(r.text)).not.toContain('Figures for London');
  });
});

describe('a question clause without a place', () => {
  it('should take the region county named elsewhere in the message', () => {
    const r = ask('bruh. kent. deal lines. how many');
    expect(r.frame.places[0]?.key).toBe('kent');
    expect(body(r.text)).toContain('7');
  });
});

describe('an earlier week not held', () => {
  it('should say plainly there are no figures for it', () => {
    const parts = { time: { kind: 'previous', said: 'the previous week', operations: [] } } as unknown as FrameParts;
    expect(otherTimeStatement(parts, engine.knowledge)).toMatch(/no figures for an earlier week/);
  });
});

describe('landmark places', () => {
  it('should drop a place named only as a landmark when another is named', () => {
    const r = ask('scotland is next to kent, did they arrest anyone there');
    expect(r.frame.places.map((p) => p.key)).toEqual(['scotland']);
    expect(body(r.text)).not.toContain('40');
  });

  it('should keep a lone place after "near"', () => {
    const r = ask('how many arrests in essex near london');
    expect(r.frame.places.map((p) => p.key)).toEqual(['essex']);
    expect(body(r.text)).toContain('60');
  });
});

describe('a breakdown asked of the week, not a report', () => {
  it('should say the names were not published and give the arrests of the place, not how to stay anonymous', () => {
    const r = ask('can you give me the names of those arrested in essex');
    expect(r.intent).toBe('arrests');
    expect(body(r.text)).toMatch(/doesn't name anyone/);
    expect(body(r.text)).toContain('60');
    expect(body(r.text)).not.toMatch(/don't have to give your name/);
  });

  it('should still tell someone who wants to report without their name how to', () => {
    expect(ask('can i report without giving my name').intent).toBe('anonymity');
  });
});

describe('a figure named beside a topic word', () => {
  it('should answer "total county lines arrests for the whole of 2022" with the week, saying the year was not published', () => {
    const r = ask('total county lines arrests for the whole of 2022?');
    expect(r.intent).toBe('arrests');
    expect(body(r.text)).toMatch(/whole of 2022 were not published/);
    expect(body(r.text)).toContain('200');
  });

  it('should leave a definition asked without a figure word to the definition', () => {
    expect(ask('what are county lines arrests about').intent).not.toBe('arrests');
  });
});

describe('adding up with no county named', () => {
  it('should add the county figures and call it a calculation', () => {
    const r = ask('add up all the deal lines for me');
    expect(body(r.text)).toMatch(/\b16\b/);
    expect(body(r.text)).toMatch(/my own calculation/);
  });
});

describe('seasons and "last years"', () => {
  it('should read the autumn as the autumn week, and spring as the spring week', () => {
    expect(ask('how many arrests in the autumn').frame.time.operations).toEqual(['fixture-2021-10']);
    expect(ask('arrests in the spring').frame.time.operations).toEqual(['fixture-2022-03']);
  });

  it('should read "last years" as last year', () => {
    expect(ask('how does this compare to last years arrests').frame.time.kind).toBe('past');
  });
});

describe('a service named in the message', () => {
  it('should give how to reach it when the answer leaves it out', () => {
    const r = ask('is fearless legit? will they know its me');
    expect(body(r.text)).toContain('https://www.fearless.org');
  });

  it('should give SafeCall as call or text, without a long link', () => {
    const r = ask('can i ring safe call');
    expect(body(r.text)).toMatch(/SafeCall: call or text 116 000/);
    expect(body(r.text)).not.toContain('missingpeople');
  });

  it('should not repeat a service the answer already names, nor the footer services', () => {
    const r = ask('is childline free');
    expect(body(r.text).match(/Childline/g)?.length).toBe(1);
    expect(body(ask('how do i call crimestoppers').text).match(/Crimestoppers:/g)).toBeNull();
  });
});

describe("someone's own things", () => {
  it('should give no figure to a question about their own cash or what they may keep', () => {
    for (const q of ['can i get my cash back that police took off me', 'how much cash am i allowed to keep at home']) {
      const r = ask(q);
      expect(r.intent).toBeNull();
      expect(r.frame.metrics).toEqual([]);
    }
  });

  it('should still answer the cash figure when the own thing is someone else’s story', () => {
    expect(ask('my son had loads of cash, how much cash was seized').intent).toBe('cash');
  });
});

describe('roads', () => {
  it('should turn down a road question with no figure named', () => {
    expect(ask('is the m11 closed').intent).toBeNull();
    expect(ask('is the a14 closed').intent).toBeNull();
  });
});

describe('the figures of a place', () => {
  it('should give the county overview for "any figures for" a town', () => {
    const r = ask('Do you have any figures for Chelmsford?');
    expect(r.intent).toBe('overview');
    expect(body(r.text)).toMatch(/Chelmsford is in Essex/);
    expect(body(r.text)).toContain('60');
  });
});

describe('a call for help sent from someone held', () => {
  it('should put 999 first when a child texted help from a car they were put in', () => {
    const r = ask('my daughter just texted help and her location in chelmsford, older men have got her in a car');
    expect(r.danger).toBe(true);
    expect(r.text.startsWith('Call 999 now')).toBe(true);
  });
});

describe('two weeks named in one question', () => {
  it('should read "march and october" as both weeks and set them side by side', () => {
    const r = ask('compare arrests in march and october');
    expect(r.frame.time.operations).toEqual(['fixture-2022-03', 'fixture-2021-10']);
    expect(r.frame.rule).toMatch(/plan-weeks-versus/);
  });

  it('should not read "and may i ask" as a month when no time was named before it', () => {
    expect(ask('arrests in essex and may i ask about kent').frame.time.kind).toBe('none');
  });

  it('should tell weeks that share a name apart by their dates alone', () => {
    const weeks = engine.knowledge.operations.map((op) => ({ ...op, name: 'Week of action' }));
    const { body: text } = planWeeks(weeks, engine.knowledge, undefined, 'arrests');
    expect(text).not.toContain('Week of action (');
    expect(text).toMatch(/• Monday 7 March to Friday 11 March 2022: 200/);
  });
});

describe('the evaluation with several weeks', () => {
  it('should judge a figure against the week the question named, not the latest', () => {
    const c = { text: 'arrests in essex in october', scope: 'in' as const, expect: { ...noExpectations(), fields: ['essex.arrests'] }, forbid: { fields: [] }, from: 'test' };
    const result = runCase(engine, c);
    expect(result.notes).toEqual([]);
    expect(result.correct).toBe(true);
  });
});

describe('a breakdown by day', () => {
  it('should say figures were not given day by day, then give the week', () => {
    const r = ask('how many got arrested on the monday');
    expect(body(r.text)).toMatch(/doesn't give figures day by day/);
    expect(body(r.text)).toContain('200');
  });

  it('should not say it before a text answer when the breakdown is for figures only', () => {
    expect(body(ask('when did it start, on monday?').text)).not.toMatch(/day by day/);
  });
});

describe('checking a figure the release qualifies', () => {
  it('should say yes to the estimate itself, and no to another number', () => {
    expect(body(ask('30k of drugs is that right').text)).toMatch(/^Yes, that is the figure in the release\./);
    expect(body(ask('was it 50k of drugs').text)).toMatch(/^No, not 50,000\./);
  });

  it('should neither confirm nor rule out a number above "more than"', () => {
    const text = body(ask('was it 200k cash').text);
    expect(text).not.toMatch(/^(Yes|No)\b/);
    expect(text).toMatch(/more than £90,000/i);
  });
});

describe('figures asked of a county in other words', () => {
  it('should add the county figures for "total ... across all the counties"', () => {
    expect(body(ask('total deal lines across all the counties?').text)).toMatch(/\b16\b.*my own calculation/s);
  });

  it('should give the county overview when a text answer was picked for other words', () => {
    const r = ask('yo. doing a school project on county lines in kent, what numbers have u got for kent');
    expect(r.intent).toBe('overview');
    expect(body(r.text)).toContain('40');
  });

  it('should read "harlow district" as the town', () => {
    expect(ask('what about chelmsford district').intent).toBe('overview');
  });
});

describe("a case's dates", () => {
  it("should be filled from the week answered, so a new week changes no case", () => {
    const [spring, autumn] = engine.knowledge.operations;
    expect(weekWords('{start} | {end} | {month} {year}', spring!)).toBe('7 March | 11 March | March 2022');
    expect(weekWords('{start}', autumn!)).toBe('4 October');
  });
});

describe('arrest slang used for things taken', () => {
  const things = new Set(['knives', 'knife', 'phones', 'cash']);
  it.each([
    ['how many knives were arrested in zplace', true],
    ['how many knives did they arrest', true],
    ['how many people were arrested and how many knives', false],
    ['knives and arrests in zplace', false],
    ['knives and arrested', false],
    ['how many arrested', false],
  ])('should read "%s" as taking a thing: %s', (text, expected) => {
    expect(arrestWordTakesThing(text.split(' '), things, { people: ['people'], arrest_verbs: ['arrest', 'arrested'], joins: ['and'] })).toBe(expected);
  });

  it('should answer "how many blades were lifted in beds" with the knives, not the arrests', () => {
    const r = ask('how many blades were lifted in beds');
    expect(r.frame.metrics).toEqual(['knives']);
    expect(body(r.text)).toMatch(/\b4 knives\b/);
  });
});
