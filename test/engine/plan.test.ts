import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine, EngineReply } from '../../src/engine/engine.js';
import { body, fixtureEngine, on } from '../frame/fixture.js';
import { versusVerdict } from '../../src/engine/plan.js';

// Fixture figures (invented): spring 2022 week: region 200 arrests, Essex 60, Kent 40, Cambridgeshire 20,
// Bedfordshire 10; autumn 2021 week: region 90 arrests, Essex 30, Kent 20. Suffolk has no figures.
let engine: Engine;
beforeAll(async () => {
  engine = await fixtureEngine();
});
const ask = (text: string, now = on('2022-06-01')): EngineReply => engine.answer(text, undefined, now);
/** Where a statement comes in the body; -1 when absent. */
const at = (text: string, pattern: RegExp) => body(text).search(pattern);

describe('the answer planner', () => {
  it('should give the latest week by default, naming it', () => {
    const r = ask('how many arrests were there');
    expect(body(r.text)).toContain('200');
    expect(body(r.text)).toContain('7 March');
    expect(r.frame.time).toEqual({ kind: 'none', operations: ['fixture-2022-03'] });
  });

  it('should say which of two counties had more and by how many, or that they had the same', () => {
    expect(body(ask('essex vs kent arrests').text)).toContain('Essex had 20 more than Kent. That is my own calculation');
    expect(body(ask('kent and essex arrests - are they the same?').text)).toContain('Essex had 20 more than Kent. That is my own calculation');
    const week = engine.knowledge.operations[0]!;
    const even = { ...week, counties: { ...week.counties, kent: { ...week.counties.kent, arrests: { value: 60 } } } };
    expect(versusVerdict(even, engine.knowledge, ['essex', 'kent'], 'arrests')).toBe('Essex and Kent had the same number: 60 each.');
    expect(versusVerdict(week, engine.knowledge, ['essex', 'suffolk'], 'arrests')).toBeUndefined();
  });

  it('should say a breakdown was not published before giving the nearest figure', () => {
    const r = ask('how many teenagers were arrested in kent');
    expect(r.frame.facet?.key).toBe('age');
    expect(at(r.text, /doesn't give the ages/)).toBeGreaterThanOrEqual(0);
    expect(at(r.text, /doesn't give the ages/)).toBeLessThan(at(r.text, /\b40\b/));
  });

  it('should answer a town with its county, saying figures are by county', () => {
    const r = ask('how many arrests in peterborough');
    expect(r.frame.places).toEqual([{ kind: 'town', key: 'cambridgeshire', county: 'cambridgeshire', said: 'peterborough' }]);
    expect(body(r.text)).toMatch(/published by county, not by town\. Peterborough is in Cambridgeshire/);
    expect(body(r.text)).toContain('20');
  });

  it('should never give the region figures as a place outside the region', () => {
    const r = ask('how many arrests in scotland');
    expect(r.frame.places[0]?.kind).toBe('outside_region');
    expect(body(r.text)).toContain('Figures for Scotland were not published');
    expect(body(r.text)).not.toMatch(/\b200\b/);
  });

  it.each([
    ['arrests in essex and kent combined', 'plan-sum', /Essex's 60 and Kent's 40 make 100 arrests together.*my own calculation/],
    ['what share of the arrests were in essex', 'plan-share', /Essex had 60 of the 200 arrests.*about 30%.*my own calculation/],
    ['did essex and kent together make more than half of the arrests', 'plan-share', /100 of the 200 arrests.*about 50%.*less than half/],
    ['how many arrests a day', 'plan-per-day', /200 arrests over the 5 days.*about 40 a day.*my own calculation/],
  ])('should work out "%s" as its own calculation', (text, rule, expected) => {
    const r = ask(text);
    expect(r.frame.rule).toContain(rule);
    expect(body(r.text).replace(/\n/g, ' ')).toMatch(expected);
  });

  it.each([
    ['was it 40 in kent?', /^Yes, 40 is right\. In Kent, 40/],
    ['were 44 arrested in kent', /^No, not 44\. In Kent, 40/],
    ['was it forty in kent?', /^Yes, 40 is right/],
  ])('should check "%s" against the published figure', (text, expected) => {
    expect(body(ask(text).text)).toMatch(expected);
  });

  it.each([
    ['how many arrests in october', /Autumn week of action.*\b90\b/s, /\b200\b/],
    ['how many arrests in essex in 2021', /whole of 2021 were not published.*\b30\b/s, /\b60\b/],
    ['and arrests in the previous one', /Autumn week of action.*\b90\b/s, /\b200\b/],
    ['how many arrests last year', /Autumn week of action.*\b90\b/s, /\b200\b/],
  ])('should answer "%s" from the week asked for', (text, expected, forbidden) => {
    const r = ask(text);
    expect(body(r.text)).toMatch(expected);
    expect(body(r.text)).not.toMatch(forbidden);
  });

  it('should compare two weeks side by side, oldest first, and say which had more', () => {
    const r = ask('arrests in 2021 compared with 2022');
    expect(r.frame.operation.kind).toBe('versus');
    expect(body(r.text)).toMatch(/^Arrests, by week of action:\n.*Autumn week of action.*2021\): 90\n.*Spring week of action.*2022\): 200\nThe Spring week of action had 110 more\./);
    // Not "the release covers the week of action ... only": there are two.
    expect(body(r.text)).not.toContain('only');
  });

  it('should say which weeks it has for a time it has none for, with no figure', () => {
    const r = ask('how many arrests in 2019');
    expect(r.intent).toBeNull();
    expect(body(r.text)).toMatch(/I only have the published results of the Spring week of action .* and the Autumn week of action/);
    expect(body(r.text).replace(/\d+ (?:March|October) \d{4}|20\d\d|\b\d\b|\b1[01]\b|\b[48]\b/g, '')).not.toMatch(/\d/);
  });

  it('should answer a contact question with the numbers, not figures', () => {
    const r = ask('whats the phone number for essex police');
    expect(r.frame.act).toBe('contact');
    expect(body(r.text)).toMatch(/101.*999.*0800 555 111/s);
    expect(body(r.text)).not.toMatch(/\b60\b/);
  });

  it('should give Crimestoppers first when asked how to reach them', () => {
    const r = ask('how do I reach Crimestoppers');
    expect(r.frame.rule).toContain('contact-crimestoppers');
    expect(body(r.text)).toMatch(/^To reach Crimestoppers, call 0800 555 111/);
  });

  it('should offer what was published for a place named in a question about something else, and keep the general fallback for nothing understood', () => {
    const specific = ask('whats the weather in chelmsford');
    expect(specific.frame.rule).toBe('specific-fallback');
    expect(body(specific.text)).toContain('For Chelmsford (Essex), I can tell you what was published');
    expect(body(specific.text)).not.toMatch(/\b60\b/);
    const general = ask('tell me a joke');
    expect(general.frame.rule).toBe('general-fallback');
  });

  it('should say a breakdown was not published with no figure when no figure was asked for', () => {
    const r = ask('how much did the operation cost');
    expect(r.frame.rule).toMatch(/(^|>)facet-not-published$/);
    expect(body(r.text)).toContain("doesn't give any costs");
    expect(body(r.text)).not.toMatch(/\b200\b/);
  });

  // A line break once split the question clause from its time: "nicked most vs\thelp\n\n2019" lost the 2019.
  it('should read line breaks as spaces when looking for the question', () => {
    expect(ask('nicked most vs\thelp\n\n2019').text).toBe(ask('nicked most vs help 2019').text);
    expect(ask('kent arrests\nin 2019').intent).toBeNull();
  });

  it('should read the question out of chatter around it', () => {
    const r = ask('ok cool. knives in beds?');
    expect(r.intent).toBe('weapons');
    expect(body(r.text)).toContain('In Bedfordshire, 4 knives');
  });
});
