import { listInWords } from '../knowledge/format.js';
import type { BarChart } from './spec.js';

/** The picture's width in pixels: Telegram shows a photo across a phone's screen, so text is drawn large. */
export const CHART_WIDTH = 1080;

const FONT = 'DejaVu Sans';
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const BAR = '#1f5fa8';
const MARGIN = 48;
const LABEL_WIDTH = 330;
const ROW = 88;
const BAR_HEIGHT = 56;

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Lines of at most `width` pixels at `size`, broken between words (DejaVu Sans is about 0.6 em a letter). */
export function wrap(text: string, size: number, width = CHART_WIDTH - 2 * MARGIN): string[] {
  const perLine = Math.floor(width / (size * 0.6));
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const text = (x: number, y: number, size: number, content: string, extra = '') =>
  `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" ${extra}>${escapeXml(content)}</text>`;

/**
 * A horizontal bar chart as SVG: the title and week at the top, one labelled bar per county with its figure
 * written at the end, the counties that published none named under the bars, and the source at the foot.
 */
export function barChartSvg(chart: BarChart): string {
  const parts: string[] = [];
  let y = MARGIN + 44;
  for (const line of wrap(chart.title, 48)) {
    parts.push(text(MARGIN, y, 48, line, `font-weight="bold" fill="${INK}"`));
    y += 58;
  }
  for (const line of [...wrap(chart.week, 30), ...wrap(chart.dates, 30)]) {
    parts.push(text(MARGIN, y, 30, line, `fill="${MUTED}"`));
    y += 40;
  }
  y += 24;
  const max = Math.max(...chart.bars.map((b) => b.value));
  // Room after the longest bar for the longest figure ("more than £150,000").
  const valueRoom = 32 + Math.max(...chart.bars.map((b) => b.shown.length)) * 34 * 0.62;
  const barSpace = CHART_WIDTH - MARGIN * 2 - LABEL_WIDTH - valueRoom;
  const barX = MARGIN + LABEL_WIDTH;
  for (const bar of chart.bars) {
    const length = max > 0 ? Math.max(4, Math.round((bar.value / max) * barSpace)) : 4;
    const middle = y + BAR_HEIGHT / 2;
    parts.push(text(barX - 20, middle + 12, 34, bar.label, `text-anchor="end" fill="${INK}"`));
    parts.push(`<rect x="${barX}" y="${y}" width="${length}" height="${BAR_HEIGHT}" rx="6" fill="${BAR}"/>`);
    parts.push(text(barX + length + 16, middle + 12, 34, bar.shown, `font-weight="bold" fill="${INK}"`));
    y += ROW;
  }
  y += 16;
  if (chart.notPublished.length > 0) {
    for (const line of wrap(`No figure was published for ${listInWords(chart.notPublished)}.`, 30)) {
      parts.push(text(MARGIN, y, 30, line, `fill="${MUTED}"`));
      y += 40;
    }
  }
  y += 12;
  for (const line of wrap(chart.source, 26)) {
    parts.push(text(MARGIN, y, 26, line, `fill="${MUTED}"`));
    y += 36;
  }
  const height = y + MARGIN - 24;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
