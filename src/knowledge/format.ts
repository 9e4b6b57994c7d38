import type { Figure, MetricDef } from './schema.js';

/** Dates as the bot writes them, in British English; the platform names the days and months. */
const DATE_PARTS = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The month names the bot writes dates with, January first. */
export const MONTH_NAMES: readonly string[] = Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, m, 1)));

/** `2022-03-07` → `Monday 7 March 2022`. */
export function formatDate(iso: string, withDay = true): string {
  const key = `${iso}:${withDay}`;
  let said = saidDates.get(key);
  if (said === undefined) {
    said = dateInWords(iso, withDay);
    saidDates.set(key, said);
  }
  return said;
}
/** Dates said once per process: the data holds a handful, and every reply with a week names them. */
const saidDates = new Map<string, string>();

function dateInWords(iso: string, withDay: boolean): string {
  const parts = DATE_PARTS.formatToParts(new Date(`${iso}T12:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  const date = `${part('day')} ${part('month')} ${part('year')}`;
  return withDay ? `${part('weekday')} ${date}` : date;
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
