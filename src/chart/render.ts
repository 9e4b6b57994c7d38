import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { BarChart } from './spec.js';
import { barChartSvg } from './svg.js';

const require = createRequire(import.meta.url);
/** The fonts come with the dejavu-fonts-ttf package, so a machine with no fonts installed draws the same letters. */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));

/**
 * Draws a chart's SVG as PNG with resvg, with the packaged fonts only: about 55 ms, once per chart (see the
 * cache). Drawn in the event loop: resvg's worker-thread renderAsync costs twice the memory (npm run load).
 */
export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' });
  return resvg.render().asPng();
}

/**
 * Chart pictures, drawn once per chart: the chart holds its figures, so an edit to the data makes a new
 * picture and the old one is never shown again. The oldest are dropped past `max`.
 */
export class ChartCache {
  private readonly pictures = new Map<string, Buffer>();
  constructor(private readonly max = 200) {}

  png(chart: BarChart): Buffer {
    const key = JSON.stringify(chart);
    let png = this.pictures.get(key);
    if (!png) {
      png = renderPng(barChartSvg(chart));
      this.pictures.set(key, png);
      if (this.pictures.size > this.max) this.pictures.delete(this.pictures.keys().next().value!);
    }
    return png;
  }

  get size(): number {
    return this.pictures.size;
  }
}
