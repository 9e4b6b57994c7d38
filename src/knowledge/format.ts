import type { Figure, MetricDef } from './schema.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `2022-03-07` → `Monday 7 March 2022`. */
export function formatDate(iso: string, withDay = true): string {
  const d = new Date(`${iso}T12:00:00Z`);
  const date = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return withDay ? `${DAYS[d.getUTCDay()]} ${date}` : date;
}

/** A date range in plain words: `Monday 7 March to Friday 11 March 2022`. */
export function formatDateRange(start: string, end: string): string {
  const a = formatDate(start);
  const b = formatDate(end);
  const [aDay, aNum, aMonth, aYear] = a.split(' ');
  const [, , bMonth, bYear] = b.split(' ');
  if (aYear === bYear) return `${aDay} ${aNum} ${aMonth} to ${b}`;
  return `${a} to ${b}`;
}

/** A figure with its unit and qualifier, as published: `more than £150,000`, `an estimated £48,000`, `44`. */
export function formatFigure(figure: Figure, metric: Pick<MetricDef, 'unit'>): string {
  const number = groupThousands(figure.value);
  const amount = metric.unit === 'gbp' ? `£${number}` : number;
  if (figure.qualifier === 'more_than') return `more than ${amount}`;
  if (figure.qualifier === 'estimated') return `an estimated ${amount}`;
  return amount;
}

/** `150000` → `150,000`, as British English writes it. */
export function groupThousands(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** `a, b and c`. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
