import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { loadEngine } from '../../src/engine/load-engine.js';
import { noExpectations, type EvalCase } from '../../src/evaluation/cases.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { baselineOf, compareWithBaseline } from '../../src/evaluation/gate.js';
import { evalJson, renderEvalHtml } from '../../src/evaluation/report-html.js';
import type { Section } from '../../src/evaluation/suite.js';
import { EVAL_FIXTURE } from '../helpers/eval-fixture.js';

const cases: EvalCase[] = [
  { text: 'how many arrests in essex', scope: 'in', expected: 'arrests', expect: { ...noExpectations(), fields: ['essex.arrests'] }, forbid: { fields: [] }, from: 't' },
  { text: 'how many arrests in essex please', scope: 'in', expected: 'arrests', expect: { ...noExpectations(), says: ['Lincolnshire'] }, forbid: { fields: [] }, from: 't' },
  { text: 'tell me a joke', scope: 'out', expected: null, expect: noExpectations(), forbid: { fields: [] }, from: 't' },
  { text: 'how many arrests in kent', scope: 'in', expected: 'deal_lines', expect: noExpectations(), forbid: { fields: [] }, from: 't' },
  { text: 'someone is being stabbed outside', scope: 'in', expect: { ...noExpectations(), danger: true }, forbid: { fields: [] }, from: 't' },
];

const window = new Window();
afterAll(() => window.close());
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html');
const textOf = (el: { textContent: string | null } | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

let engine: Engine;
let sections: Section[];
beforeAll(async () => {
  engine = await loadEngine({ dataDir: EVAL_FIXTURE });
  sections = [{ key: 't', title: 'Test <set>', report: evaluate(engine, cases) }];
});

describe('the evaluation report', () => {
  it('should score right answers, wrong facts, rejections and confusions', () => {
    const report = sections[0]!.report;
    expect(report.inScope).toBe(4);
    expect(report.correct).toBe(3);
    expect(report.outOfScopeRejection).toBe(1);
    expect(report.footerRate).toBe(1);
    expect(report.confusion.get('deal_lines')?.get('arrests')).toBe(1);
    expect(report.perIntent.find((s) => s.intent === 'arrests')).toMatchObject({ precision: 2 / 3, recall: 1 });
    expect(report.misses.map((m) => m.notes)).toEqual([['does not say "Lincolnshire"'], ['went to arrests instead of deal_lines']]);
  });

  it('should open with a plain summary, the pass mark and what changed, without jargon', () => {
    const before = baselineOf(sections);
    before.routes['how many arrests in kent'] = 'deal_lines';
    const doc = parse(renderEvalHtml(sections, compareWithBaseline(sections, before)));
    const summary = doc.querySelector('#summary');
    expect(summary).not.toBeNull();
    expect(textOf(doc.querySelector('.headline'))).toBe(
      'The bot answered 3 of 5 test questions right (60.0%); last accepted run: 60.0%. 1 question now answered differently: "how many arrests in kent".',
    );
    expect(doc.querySelector('.verdict')!.className).toContain('fail');
    expect(textOf(doc.querySelector('.verdict'))).toBe('Not passed: 1 problem must be fixed.');
    expect(textOf(doc.querySelector('#summary'))).toContain('Only 3 of 5 test questions are answered right (60.0%), below the pass mark of 95.0%.');
    expect(textOf(doc.querySelector('.safety'))).toContain('All 1 emergency questions got "Call 999 now" first.');
    expect(textOf(doc.querySelector('#changes'))).toContain('The topic `arrests` now answers 1 question that used to go elsewhere: "how many arrests in kent" (was `deal_lines`).');
    const wrong = [...doc.querySelectorAll('#wrong tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(textOf));
    expect(wrong).toEqual([
      ['how many arrests in essex please', 'does not say "Lincolnshire"'],
      ['how many arrests in kent', 'went to arrests instead of deal_lines'],
    ]);
    // Staff read the top; the developers' words stay below it.
    expect(textOf(summary)).not.toMatch(/\b(intents?|precision|recall|misfires?|confusion|in-scope|out-of-scope)\b/i);
    expect(summary!.compareDocumentPosition(doc.querySelector('#developers')!) & 4).toBeTruthy();
  });

  it('should keep the coloured grid and the misses for developers, further down', () => {
    const doc = parse(renderEvalHtml(sections, compareWithBaseline(sections, undefined)));
    const developers = doc.querySelector('#developers')!;
    const cell = developers.querySelector('table.grid td[title="expected arrests, got arrests: 2"]');
    expect(cell?.getAttribute('style')).toMatch(/background:rgba\(34, 139, 34, [\d.]+\);color:#fff/);
    expect(developers.querySelector('table.grid td[title="expected deal_lines, got arrests: 1"]')?.getAttribute('style')).toMatch(/rgba\(200, 30, 30/);
    expect([...developers.querySelectorAll('h2')].map(textOf)).toEqual(['For developers', 'Test <set>']);
    expect(doc.querySelectorAll('script, link, img').length).toBe(0);
  });

  it('should give the same figures as JSON', () => {
    const [json] = evalJson(sections);
    expect(json).toMatchObject({ title: 'Test <set>', total: 5, inScope: 4, outOfScopeRejection: 1, confusion: { deal_lines: { arrests: 1 } } });
  });
});
