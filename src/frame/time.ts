import type { Knowledge, Operation } from '../knowledge/knowledge.js';
import { createPhraseIndex } from '../nlu/phrases.js';
import type { Decision, FrameTime } from './types.js';
import { MONTH_AFTER, MONTH_CUES, MONTHS, NEXT_AS_PLACE, RELATIVE_TIMES, SEASONS } from './words.js';

const YEAR = /^(?:19|20)\d\d$/;
/** Words that join a second time to one already named: "march and october", "may vs june". */
const MONTH_JOINS = new Set(['and', 'or', 'vs', 'versus', 'v', 'with', 'to', 'than', 'against']);

const RELATIVE = createPhraseIndex(RELATIVE_TIMES.flatMap(({ kind, phrases }) => phrases.map((p) => [p, kind] as const)));
const PRIORITY = RELATIVE_TIMES.map((r) => r.kind);

/** The relative time named, by the order of RELATIVE_TIMES; "this week of action" is the operation itself, not a time. */
/** "next to norfolk", "next door": "next" naming where, not when. */
export function nextAsPlace(tokens: readonly string[], hit: { phrase: string; at: number; length: number }): boolean {
  return hit.phrase === 'next' && NEXT_AS_PLACE.has(tokens[hit.at + 1] ?? '');
}

function relativeTime(tokens: readonly string[]) {
  const hits = RELATIVE.all(tokens).filter((h) => !(h.phrase === 'this week' && tokens[h.at + h.length] === 'of' && tokens[h.at + h.length + 1] === 'action') && !nextAsPlace(tokens, h));
  hits.sort((a, b) => PRIORITY.indexOf(a.value) - PRIORITY.indexOf(b.value));
  return hits[0];
}

/** One time named in a message: a year, a month or a season (perhaps with its year). */
interface TimeRef {
  year?: number;
  month?: number;
  /** A season: the months it spans. */
  months?: readonly number[];
  said: string;
}

/** Years and months named in the words, in order: "march 2022", "2021", "the october week". */
export function namedTimes(tokens: readonly string[]): TimeRef[] {
  const refs: TimeRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const month = MONTHS.indexOf(t);
    const season = Object.hasOwn(SEASONS, t) ? SEASONS[t] : undefined;
    if (season || month >= 0) {
      const before = tokens[i - 1] ?? '';
      const next = tokens[i + 1] ?? '';
      const withYear = YEAR.test(next);
      // "march and october": a month joined to a time already named is a time too.
      const joined = MONTH_JOINS.has(before) && refs.length > 0;
      const cued = withYear || joined || MONTH_CUES.has(before) || MONTH_AFTER.has(next);
      // A month name is a time only with a cue ("may i ask" is not); a season always is, but "fall".
      if (season ? t !== 'fall' || cued : cued) {
        refs.push({ ...(season ? { months: season } : { month: month + 1 }), ...(withYear ? { year: Number(next) } : {}), said: withYear ? `${t} ${next}` : t });
        if (withYear) i++;
      }
    } else if (YEAR.test(t)) refs.push({ year: Number(t), said: t });
  }
  return refs;
}

/** The weeks in data that fall in a named year or month, newest first. */
export function weeksMatching(ref: TimeRef, operations: readonly Operation[]): Operation[] {
  return operations.filter((op) =>
    [op.start, op.end].some((d) => {
      const [y, m] = d.split('-').map(Number);
      return (ref.year === undefined || ref.year === y) && (ref.month === undefined || ref.month === m) && (ref.months === undefined || ref.months.includes(m!));
    }),
  );
}

/**
 * The time step: which time the message asks about and which of the weeks held match it.
 * No time named means the latest week. A year or month named picks the weeks in it; "last time"
 * the latest, "the previous one" the week before; "last year", "now" or "next time" are resolved
 * against `now` and usually match no week held.
 */
export function timeStep(tokens: readonly string[], knowledge: Knowledge, now: number): Decision<FrameTime> {
  const ops = knowledge.operations;
  const refs = namedTimes(tokens);
  if (refs.length > 0) {
    const matched = [...new Set(refs.flatMap((r) => weeksMatching(r, ops)))].sort((a, b) => ops.indexOf(a) - ops.indexOf(b));
    const kind = refs.some((r) => r.month !== undefined || r.months !== undefined) ? 'month' : 'year';
    return { value: { kind, said: refs.map((r) => r.said).join(', '), operations: matched.map((o) => o.id) }, rule: `time-named-${kind}` };
  }
  const relative = relativeTime(tokens);
  if (relative) {
    const { value: kind } = relative;
    // "last years" and "last yr" are said back as "last year".
    const said = /^last (?:years|yrs?)$/.test(relative.phrase) ? 'last year' : relative.phrase;
    if (kind === 'latest') return { value: { kind, said, operations: ops.slice(0, 1).map((o) => o.id) }, rule: 'time-latest' };
    if (kind === 'previous') return { value: { kind, said, operations: ops.slice(1, 2).map((o) => o.id) }, rule: 'time-previous' };
    if (kind === 'past') {
      const year = new Date(now).getUTCFullYear() - (said.includes('year') ? 1 : 0);
      const month = said === 'last month' ? new Date(now).getUTCMonth() : undefined; // 0-based: the month before
      const weekAgo = now - 7 * 86_400_000;
      const matched = ops.filter((op) => {
        if (said === 'last week' || said === 'yesterday') return Date.parse(op.start) <= now && Date.parse(op.end) + 86_400_000 >= weekAgo;
        if (month !== undefined) return weeksMatching({ year: month === 0 ? year - 1 : year, month: month === 0 ? 12 : month, said }, [op]).length > 0;
        return weeksMatching({ year, said }, [op]).length > 0;
      });
      return { value: { kind, said, operations: matched.map((o) => o.id) }, rule: 'time-relative-past' };
    }
    return { value: { kind, said, operations: [] }, rule: `time-${kind}` };
  }
  return { value: { kind: 'none', operations: ops.slice(0, 1).map((o) => o.id) }, rule: 'time-none-latest' };
}
