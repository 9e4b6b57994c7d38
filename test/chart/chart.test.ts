import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { ChartCache, renderPng } from '../../src/chart/render.js';
import { chartOf, type BarChart } from '../../src/chart/spec.js';
import { barChartSvg, CHART_WIDTH, wrap } from '../../src/chart/svg.js';
import { logicFigure, realEngine } from '../helpers/fixtures.js';

/** A PNG's width and height, from its header. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('chartOf', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await realEngine();
  });
  const chart = (text: string) => chartOf(engine.answer(text), engine.knowledge);

  it('should chart a ranking with every county that published the figure, largest first', () => {
    const c = chart('which county had the most arrests')!;
    expect(c.title).toBe('Arrests by county');
    expect(c.bars[0]).toEqual({ label: 'Essex', value: logicFigure('essex', 'arrests'), shown: String(logicFigure('essex', 'arrests')) });
    expect(c.bars.map((b) => b.value)).toEqual([...c.bars.map((b) => b.value)].sort((a, b) => b - a));
    expect(c.source).toBe('Source: Bedfordshire Police, published Friday 18 March 2022');
    expect(c.dates).toBe('Monday 7 March to Friday 11 March 2022');
  });

  it('should chart counties compared or listed on one figure, naming those that published none', () => {
    expect(chart('essex vs kent arrests')!.bars.map((b) => b.label)).toEqual(['Essex', 'Kent']);
    const listed = chart('deal lines in essex, kent, suffolk and norfolk')!;
    expect(listed.bars.map((b) => b.label)).toEqual(['Essex', 'Kent']);
    expect(listed.notPublished).toEqual(['Suffolk', 'Norfolk']);
  });

  it.each([
    ['how many arrests in essex'],
    ['arrests and knives in essex and kent'],
    ['what is county lines'],
    ['someone has a knife and is threatening me right now'],
  ])('should draw no chart for %j', (text) => {
    expect(chart(text)).toBeUndefined();
  });
});

const CHART: BarChart = {
  title: 'Arrests by county',
  week: 'Invented week of action',
  dates: 'Monday 1 May to Friday 5 May 2023',
  bars: [
    { label: 'Northshire', value: 40, shown: '40' },
    { label: 'Southshire & Dale', value: 10, shown: 'more than £10,000' },
  ],
  notPublished: ['Westshire', 'Eastshire'],
  source: 'Source: Invented Police, published Friday 12 May 2023',
};

describe('barChartSvg and renderPng', () => {
  it('should label every bar with its place and figure, and name the week, the counties without and the source', () => {
    const svg = barChartSvg(CHART);
    for (const label of ['Arrests by county', 'Invented week of action', 'Monday 1 May to Friday 5 May 2023', 'Northshire', 'Southshire &#38; Dale', 'more than £10,000', 'No figure was published for Westshire and Eastshire.', 'Source: Invented Police']) {
      expect(svg).toContain(label);
    }
    // Bars in proportion: the second is a quarter of the first.
    const widths = [...svg.matchAll(/<rect x="\d+" y="\d+" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths[1]! / widths[0]!).toBeCloseTo(0.25, 2);
  });

  it('should draw a phone-width PNG whose height grows with the bars', () => {
    const two = pngSize(renderPng(barChartSvg(CHART)));
    const six = pngSize(renderPng(barChartSvg({ ...CHART, bars: Array.from({ length: 6 }, (_, i) => ({ label: `County ${i}`, value: 6 - i, shown: String(6 - i) })) })));
    expect(two.width).toBe(CHART_WIDTH);
    expect(two.height).toBeGreaterThan(400);
    expect(six.height - two.height).toBe(4 * 88);
  });

  it('should break a long line between words', () => {
    expect(wrap('one two three four', 10, 60)).toEqual(['one two', 'three four']);
    expect(wrap('one two three four', 10, 54)).toEqual(['one two', 'three', 'four']);
  });

  it('should draw each chart once, and again when its figures change', () => {
    const cache = new ChartCache();
    const first = cache.png(CHART);
    expect(cache.png({ ...CHART })).toBe(first);
    expect(cache.png({ ...CHART, bars: [CHART.bars[0]!, { ...CHART.bars[1]!, value: 11 }] })).not.toBe(first);
    expect(cache.size).toBe(2);
  });
});
