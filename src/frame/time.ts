import type { Knowledge, Operation } from '../knowledge/knowledge.js';
import type { Words } from '../knowledge/language-words.js';
import { englishWords } from '../knowledge/languages.js';
import { createPhraseIndex, phrasesIn, wordSetOf, type PhraseIndex } from '../nlu/phrases.js';
import { normalise, words as plainWords } from '../nlu/normalise.js';
import type { Decision, FrameTime } from './types.js';

const YEAR = /^(?:19|20)\d\d$/;

type RelativeKind = 'latest' | 'previous' | 'present' | 'future' | 'past' | 'recurring' | 'trend';
/** Which past a past phrase names: the year before this one, the month before, or the last seven days. */
type Past = 'year' | 'month' | 'week';

/**
 * The lists of relative times in data/lang/en.yaml's `words:`, each with the time it names. When a message
 * names several, the kind listed first wins ("the previous one last year" is the previous week held).
 */
const RELATIVE_LISTS = [
  { list: 'times_previous', kind: 'previous' },
  { list: 'times_latest', kind: 'latest' },
  { list: 'times_future', kind: 'future' },
  { list: 'times_last_year', kind: 'past', past: 'year', saidAsFirst: true },
  { list: 'times_years_ago', kind: 'past', past: 'year' },
  { list: 'times_last_month', kind: 'past', past: 'month' },
  { list: 'times_last_week', kind: 'past', past: 'week' },
  { list: 'times_present', kind: 'present' },
  { list: 'times_trend', kind: 'trend' },
  { list: 'times_recurring', kind: 'recurring' },
] as const satisfies readonly { list: keyof Words; kind: RelativeKind; past?: Past; saidAsFirst?: boolean }[];
const PRIORITY: readonly RelativeKind[] = [...new Set(RELATIVE_LISTS.map((r) => r.kind))];

/** The lists of data/lang/en.yaml's `words:` that the time step reads. */
export type TimeWords = Pick<Words, (typeof RELATIVE_LISTS)[number]['list'] | 'months' | 'seasons' | 'cued_seasons' | 'month_cues' | 'month_after' | 'month_joins' | 'not_times'>;

/** What a relative time phrase names, and how it is said back when not as typed. */
interface Relative {
  kind: RelativeKind;
  past?: Past;
  saidAs?: string;
}

/** The time words made ready to read: months and seasons by number, relative times in one index. */
interface TimeTables {
  months: ReadonlyMap<string, number>;
  seasons: ReadonlyMap<string, readonly number[]>;
  relative: PhraseIndex<Relative>;
}

const tables = new WeakMap<TimeWords, TimeTables>();

/** Builds the {@link TimeTables} of some time words once, and keeps them while the words are loaded. */
function tablesOf(words: TimeWords): TimeTables {
  const known = tables.get(words);
  if (known) return known;
  const months = new Map(words.months.map((m, i) => [normalise(m), i + 1] as const));
  const seasons = new Map(Object.entries(words.seasons).map(([season, spans]) => [normalise(season), spans.map((m) => months.get(normalise(m))!)] as const));
  const relative = createPhraseIndex(
    RELATIVE_LISTS.flatMap((r) => {
      const phrases = words[r.list];
      const past = 'past' in r ? { past: r.past } : {};
      const saidAs = 'saidAsFirst' in r && phrases[0] !== undefined ? { saidAs: plainWords(normalise(phrases[0])).join(' ') } : {};
      return phrases.map((p) => [p, { kind: r.kind, ...past, ...saidAs }] as const);
    }),
  );
  const built = { months, seasons, relative };
  tables.set(words, built);
  return built;
}

/**
 * The relative time named ("last time", "next year"), by the order of the kinds in {@link RELATIVE_LISTS}.
 * A phrase inside one of `words.not_times` is no time: "next door", "this week of action".
 */
function relativeTime(tokens: readonly string[], words: TimeWords) {
  const notTimes = phrasesIn(words.not_times).all(tokens);
  const inside = (h: { at: number; length: number }) => notTimes.some((n) => n.at <= h.at && h.at + h.length <= n.at + n.length);
  const hits = tablesOf(words).relative.all(tokens).filter((h) => !inside(h));
  hits.sort((a, b) => PRIORITY.indexOf(a.value.kind) - PRIORITY.indexOf(b.value.kind));
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

/**
 * Years, months and seasons named in the words, in order: "march 2022", "2021", "the october week". A month
 * name is a time only with a cue (`words.month_cues` before, `words.month_after` after, a year, or a time
 * named before it and `words.month_joins` between): "may i ask" is not. A season always is, but those of
 * `words.cued_seasons` ("fall") need a cue too.
 */
export function namedTimes(tokens: readonly string[], words: TimeWords): TimeRef[] {
  const { months, seasons } = tablesOf(words);
  const cues = wordSetOf(words.month_cues);
  const after = wordSetOf(words.month_after);
  const joins = wordSetOf(words.month_joins);
  const cuedSeasons = wordSetOf(words.cued_seasons);
  const refs: TimeRef[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const month = months.get(t);
    const season = seasons.get(t);
    if (season || month !== undefined) {
      const before = tokens[i - 1] ?? '';
      const next = tokens[i + 1] ?? '';
      const withYear = YEAR.test(next);
      // "march and october": a month joined to a time already named is a time too, and so is one joined to the
      // month after it ("april vs october"): two months joined name each other.
      const isTime = (w: string | undefined) => w !== undefined && (months.has(w) || seasons.has(w));
      const joined = (joins.has(before) && refs.length > 0) || (joins.has(next) && isTime(tokens[i + 2]));
      const cued = withYear || joined || cues.has(before) || after.has(next);
      if (season ? !cuedSeasons.has(t) || cued : cued) {
        refs.push({ ...(season ? { months: season } : { month: month! }), ...(withYear ? { year: Number(next) } : {}), said: withYear ? `${t} ${next}` : t });
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
 * against `now` and usually match no week held. The words are English's, from `knowledge.languages`.
 */
export function timeStep(tokens: readonly string[], knowledge: Pick<Knowledge, 'operations' | 'languages'>, now: number): Decision<FrameTime> {
  const ops = knowledge.operations;
  const words = englishWords(knowledge.languages);
  const refs = namedTimes(tokens, words);
  if (refs.length > 0) {
    const matched = [...new Set(refs.flatMap((r) => weeksMatching(r, ops)))].sort((a, b) => ops.indexOf(a) - ops.indexOf(b));
    const kind = refs.some((r) => r.month !== undefined || r.months !== undefined) ? 'month' : 'year';
    return { value: { kind, said: refs.map((r) => r.said).join(', '), operations: matched.map((o) => o.id) }, rule: `time-named-${kind}` };
  }
  const relative = relativeTime(tokens, words);
  if (relative) {
    const { kind, past, saidAs } = relative.value;
    const said = saidAs ?? relative.phrase;
    if (kind === 'latest') return { value: { kind, said, operations: ops.slice(0, 1).map((o) => o.id) }, rule: 'time-latest' };
    if (kind === 'previous') return { value: { kind, said, operations: ops.slice(1, 2).map((o) => o.id) }, rule: 'time-previous' };
    if (kind === 'past') {
      const year = new Date(now).getUTCFullYear() - (past === 'year' ? 1 : 0);
      const month = past === 'month' ? new Date(now).getUTCMonth() : undefined; // 0-based: the month before
      const weekAgo = now - 7 * 86_400_000;
      const matched = ops.filter((op) => {
        if (past === 'week') return Date.parse(op.start) <= now && Date.parse(op.end) + 86_400_000 >= weekAgo;
        if (month !== undefined) return weeksMatching({ year: month === 0 ? year - 1 : year, month: month === 0 ? 12 : month, said }, [op]).length > 0;
        return weeksMatching({ year, said }, [op]).length > 0;
      });
      return { value: { kind, said, operations: matched.map((o) => o.id) }, rule: 'time-relative-past' };
    }
    return { value: { kind, said, operations: [] }, rule: `time-${kind}` };
  }
  return { value: { kind: 'none', operations: ops.slice(0, 1).map((o) => o.id) }, rule: 'time-none-latest' };
}
