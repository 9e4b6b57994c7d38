import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { evalJson, renderEvalHtml } from '../../src/evaluation/report-html.js';
import { realEngine } from '../helpers/fixtures.js';

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

const cases = [
  { text: 'how many arrests in essex', expected: 'arrests', expect: ['44'], from: 't' },
  { text: 'how many arrests in essex', expected: 'arrests', expect: ['999999'], from: 't' },
  { text: 'tell me a joke', expected: null, expect: [], from: 't' },
  { text: 'how many arrests in kent', expected: 'deal_lines', expect: [], from: 't' },
];

describe('the evaluation report', () => {
  it('should score right answers, wrong facts, rejections and confusions', () => {
    const report = evaluate(engine, cases);
    expect(report.inScope).toBe(3);
    expect(report.inScopeAccuracy).toBeCloseTo(1 / 3);
    expect(report.outOfScopeRejection).toBe(1);
    expect(report.footerRate).toBe(1);
    expect(report.confusion.get('deal_lines')?.get('arrests')).toBe(1);
    expect(report.perIntent.find((s) => s.intent === 'arrests')).toMatchObject({ precision: 2 / 3, recall: 1 });
  });

  it('should render a self-contained page with a coloured confusion grid and the misfires', () => {
    const html = renderEvalHtml([{ title: 'Test <set>', report: evaluate(engine, cases) }]);
    expect(html).toContain('<table class="grid">');
    expect(html).toMatch(/<td style="background:rgba\(34, 139, 34, [\d.]+\);color:#fff" title="expected arrests, got arrests: 2">2<\/td>/);
    expect(html).toMatch(/<td style="background:rgba\(200, 30, 30, [\d.]+\)(;color:#fff)?" title="expected deal_lines, got arrests: 1">1<\/td>/);
    expect(html).toContain('Test &lt;set&gt;');
    expect(html).toContain('<td>how many arrests in kent</td><td>deal_lines</td><td>arrests</td>');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it('should give the same figures as JSON', () => {
    const [json] = evalJson([{ title: 't', report: evaluate(engine, cases) }]);
    expect(json).toMatchObject({ inScope: 3, outOfScopeRejection: 1, confusion: { deal_lines: { arrests: 1 } } });
  });
});
