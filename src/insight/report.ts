import { formatDate } from '../knowledge/format.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { InsightReport } from './insight.js';
import type { Outcome } from './tally.js';

/** How many entries each list of the report shows. */
const TOP = 10;

const OUTCOMES: Record<Outcome, string> = {
  answered: 'answered',
  not_published: 'answered "not published"',
  fallback: "not understood (the fallback)",
  danger: '999 first (danger)',
};

const count = new Intl.NumberFormat('en-GB').format;

/** The counters of one kind (`act`), most first, without the kind. */
export function countersOf(report: InsightReport, kind: string): [string, number][] {
  return Object.entries(report.counts)
    .filter(([name]) => name.startsWith(`${kind}:`))
    .map(([name, n]) => [name.slice(kind.length + 1), n] as [string, number])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A figure and place not published (`arrests@suffolk`, `breakdown:age`) in words, from the files when given. */
export function unpublishedName(entry: string, knowledge?: Knowledge): string {
  if (entry.startsWith('breakdown:')) return `breakdown: ${entry.slice(10).replaceAll('_', ' ')}`;
  const [metric = entry, place = 'region'] = entry.split('@');
  const label = knowledge?.metrics.get(metric)?.label ?? metric;
  const where = place === 'region' ? 'the region' : (knowledge?.places.get(place)?.name ?? place);
  return `${label}, ${where}`;
}

/** The report in plain text, for /insight and `npm run insight`. */
export function formatReport(report: InsightReport, knowledge?: Knowledge): string {
  const messages = countersOf(report, 'outcome').reduce((sum, [, n]) => sum + n, 0);
  const list = (entries: [string, number][], name: (key: string) => string = (k) => k.replaceAll('_', ' ')) =>
    entries.length === 0 ? ['  none'] : entries.slice(0, TOP).map(([key, n]) => `  ${name(key)}: ${count(n)}`);
  const lines = [
    `What people asked, ${formatDate(report.from, false)} to ${formatDate(report.to, false)}: ${count(messages)} messages.`,
    'Counts only: no message text, names or ids.',
    '',
    'By outcome:',
    ...list(countersOf(report, 'outcome'), (k) => OUTCOMES[k as Outcome] ?? k),
    '',
    'By kind of question:',
    ...list(countersOf(report, 'act')),
    '',
    `Unanswered questions asked in at least ${report.minChats} different chats (numbers and names replaced, "…" for other words):`,
    ...(report.unanswered.length === 0 ? ['  none yet'] : report.unanswered.slice(0, TOP).map((q) => `  "${q.text}": ${count(q.chats)} chats`)),
    '',
    'Figures and breakdowns asked for that were not published:',
    ...list(countersOf(report, 'unpublished'), (k) => unpublishedName(k, knowledge)),
    '',
    'Places asked about:',
    ...list(countersOf(report, 'place'), (k) => knowledge?.places.get(k)?.name ?? k),
  ];
  return lines.join('\n');
}
