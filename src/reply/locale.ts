import { countyFigure, type Knowledge, type Operation } from '../knowledge/knowledge.js';
import { localeOf, type Language, type SentenceKey } from '../knowledge/languages.js';
export { answersIn, localeOf, pluralFormsOf } from '../knowledge/languages.js';
import type { Figure, MetricDef } from '../knowledge/schema.js';
import { placeName, ranked } from './fields.js';

/**
 * What one part of an answer says, without its words: the planner records it beside the English it writes, and
 * {@link sayIn} writes it in another language from that language's file (data/lang/). Figures come from the
 * week, numbers from data/contacts.yaml, and every sentence from the file: no sentence is glued from words here.
 */
export type Said =
  /** Figures for places (a place left out is the whole region); a figure not published is said so. */
  | { kind: 'figures'; week: string; cells: readonly { place?: string; metric: string }[]; fromContext?: boolean }
  /** The counties in order of one figure, most (or fewest) first; `places` narrows it to those asked. */
  | { kind: 'ranking'; week: string; metric: string; fewest: boolean; places: readonly string[] }
  /** A text answer: the intent's `topics:` entry. */
  | { kind: 'topic'; id: string }
  /** Places outside the region, as the person wrote them. */
  | { kind: 'outside'; places: readonly string[] }
  /** Towns asked about, and the county whose figures they take. */
  | { kind: 'towns'; towns: readonly string[]; county: string }
  /** One of the language's named sentences, with no fields beyond the common ones. */
  | { kind: 'sentence'; key: SentenceKey };

/** The language's file and English's, and the data the fields come from. */
export interface LocaleSources {
  language: Language;
  english: Language;
  knowledge: Pick<Knowledge, 'operations' | 'metrics' | 'places' | 'contacts'>;
}

/** A part said in the language, and the sentences that fell back to English (by name), for the log and `npm run check`. */
export interface SaidIn {
  text: string;
  english: string[];
}

const FIELD = /\{([a-z_.]+)\}/g;


/** `Intl` formatters by locale, made once: a reply in a language writes several numbers and dates. */
const formatters = new Map<string, { number: Intl.NumberFormat; pounds: Intl.NumberFormat; range: Intl.DateTimeFormat; date: Intl.DateTimeFormat; list: Intl.ListFormat; plural: Intl.PluralRules }>();
function formatterOf(locale: string) {
  let f = formatters.get(locale);
  if (!f) {
    f = {
      number: new Intl.NumberFormat(locale),
      pounds: new Intl.NumberFormat(locale, { style: 'currency', currency: 'GBP', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }),
      range: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      date: new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
      list: new Intl.ListFormat(locale, { type: 'conjunction' }),
      plural: new Intl.PluralRules(locale),
    };
    formatters.set(locale, f);
  }
  return f;
}

/** A number as the language writes it: `150 000` in Polish, `১,৫০,০০০` in Bengali. */
export function numberIn(locale: string, value: number): string {
  return formatterOf(locale).number.format(value);
}

/** An amount in pounds as the language writes it: `150 000 £` in Polish, `£150,000` in Urdu. */
export function poundsIn(locale: string, value: number): string {
  return formatterOf(locale).pounds.format(value);
}

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** A week's dates as the language writes a range: `7–11 marca 2022`. */
export function datesIn(locale: string, start: string, end: string): string {
  return formatterOf(locale).range.formatRange(day(start), day(end));
}

/** One date with its weekday: `piątek, 18 marca 2022`. */
export function dateIn(locale: string, iso: string): string {
  return formatterOf(locale).date.format(day(iso));
}

/** `a, b i c`, as the language joins a list. */
export function listIn(locale: string, items: readonly string[]): string {
  return formatterOf(locale).list.format(items);
}


/** Fills a sentence's {fields}; a field with no value is left showing, so a missing one is seen, never guessed. */
export function fillIn(sentence: string, fields: Readonly<Record<string, string>>): string {
  return sentence.replace(FIELD, (whole, name: string) => fields[name] ?? whole);
}

/**
 * The fields every sentence of a language may use: each contact's number by its id ({police}, {safecall}) and its
 * web address ({fearless.web}), the week's dates and the day the results were published.
 */
export function commonFields(s: LocaleSources, week: Operation): Record<string, string> {
  // Made once per language file and week: a reload reads every file afresh, so a new contact or date is a new file.
  const byWeek = saidFields.get(s.language) ?? new Map<Operation, Record<string, string>>();
  saidFields.set(s.language, byWeek);
  let fields = byWeek.get(week);
  if (!fields) {
    fields = fieldsOf(s, week);
    byWeek.set(week, fields);
  }
  return fields;
}
const saidFields = new WeakMap<Language, Map<Operation, Record<string, string>>>();

function fieldsOf(s: LocaleSources, week: Operation): Record<string, string> {
  const locale = localeOf(s.language);
  const fields: Record<string, string> = { dates: datesIn(locale, week.start, week.end), published: dateIn(locale, week.published) };
  for (const [id, contact] of s.knowledge.contacts) {
    if (contact.number) fields[id] = contact.number;
    if (contact.web) fields[`${id}.web`] = contact.web;
    fields[`${id}.name`] = contact.name;
  }
  return fields;
}

/** The sentences of one language, each falling back to English's alone when the language's file lacks it. */
export class LocaleWriter {
  readonly locale: string;
  /** The sentences said in English because the language's file lacks them. */
  readonly english = new Set<string>();
  private readonly common: Record<string, string>;

  constructor(private readonly s: LocaleSources, week: Operation) {
    this.locale = localeOf(s.language);
    this.common = commonFields(s, week);
  }

  /** A named sentence with its fields filled: the language's, else English's (noted). */
  say(key: SentenceKey, fields: Readonly<Record<string, string>> = {}): string {
    const own = this.s.language.sentences[key];
    if (own === undefined) this.english.add(`sentences.${key}`);
    const sentence = own ?? this.s.english.sentences[key] ?? '';
    return fillIn(sentence, { ...this.common, ...fields });
  }

  /** A figure as the language writes it, with its qualifier: `ponad 150 000 £`. */
  amount(figure: Figure, metric: Pick<MetricDef, 'unit'>): string {
    const amount = metric.unit === 'gbp' ? poundsIn(this.locale, figure.value) : numberIn(this.locale, figure.value);
    if (figure.qualifier === 'more_than') return this.say('more_than', { amount });
    if (figure.qualifier === 'estimated') return this.say('estimated', { amount });
    return amount;
  }

  /** What a figure is called: `zatrzymania`. */
  label(metricKey: string): string {
    const own = this.s.language.figures[metricKey]?.label;
    if (own === undefined) this.english.add(`figures.${metricKey}`);
    return own ?? this.s.knowledge.metrics.get(metricKey)?.label ?? metricKey;
  }

  /** A figure with its words, in the plural form its number takes: `5 osób zatrzymanych`, `2 osoby zatrzymane`. */
  figure(figure: Figure, metricKey: string): string {
    const metric = this.s.knowledge.metrics.get(metricKey);
    const count = this.amount(figure, metric ?? { unit: 'count' });
    const forms = this.s.language.figures[metricKey];
    if (!forms) {
      this.english.add(`figures.${metricKey}`);
      return metric ? metric.summary.replace('{value}', count) : count;
    }
    const form = forms[formatterOf(this.locale).plural.select(figure.value)] ?? forms.other;
    return fillIn(form, { count });
  }

  /** A text answer from `topics:`, or undefined when the language's file has none for it. */
  topic(id: string): string | undefined {
    const own = this.s.language.topics[id];
    return own === undefined ? undefined : fillIn(own, this.common);
  }

  list(items: readonly string[]): string {
    return listIn(this.locale, items);
  }

  place(key: string | undefined): string {
    return key === undefined ? this.say('region_row') : placeName(this.s.knowledge as Knowledge, key);
  }
}

/** A place's figure: a county's, or the region's when no place is given. */
function figureAt(op: Operation, place: string | undefined, metric: string): Figure | undefined {
  return place === undefined ? op.region[metric] : countyFigure(op, place, metric);
}

/** The week a part was answered from: the one it names, else the newest. */
function weekOf(s: LocaleSources, id: string | undefined): Operation {
  return s.knowledge.operations.find((op) => op.id === id) ?? s.knowledge.operations[s.knowledge.operations.length - 1]!;
}

/** One figure for one place, or a line a place for several. */
export function sayFigures(w: LocaleWriter, op: Operation, said: Extract<Said, { kind: 'figures' }>): string {
  const { cells } = said;
  const after = said.fromContext ? [w.say('from_last_question', { places: w.list([...new Set(cells.flatMap((c) => (c.place ? [w.place(c.place)] : [])))]) })] : [];
  if (cells.length === 1) {
    const [{ place, metric }] = cells as [{ place?: string; metric: string }];
    const f = figureAt(op, place, metric);
    const where: Record<string, string> = place === undefined ? {} : { place: w.place(place) };
    const line = f
      ? w.say(place === undefined ? 'figure_region' : 'figure_county', { ...where, figure: w.figure(f, metric) })
      : w.say(place === undefined ? 'not_published_region' : 'not_published', { ...where, label: w.label(metric) });
    return [line, ...after].join('\n\n');
  }
  const places = [...new Set(cells.map((c) => c.place))];
  const rows = places.map((place) => {
    const figures = cells.filter((c) => c.place === place).map(({ metric }) => {
      const f = figureAt(op, place, metric);
      return f ? w.figure(f, metric) : w.say('not_published_short', { label: w.label(metric) });
    });
    return w.say('figures_row', { place: w.place(place), figures: figures.join('; ') });
  });
  return [[w.say('figures_intro'), ...rows].join('\n'), ...after].join('\n\n');
}

/** The counties in order of one figure: the leader (or the last), then every county, then those with none. */
export function sayRanking(w: LocaleWriter, op: Operation, said: Extract<Said, { kind: 'ranking' }>, knowledge: LocaleSources['knowledge']): string {
  const order = ranked(op, said.metric).filter(([place]) => said.places.length === 0 || said.places.includes(place));
  const rows = said.fewest ? [...order].reverse() : order;
  const label = w.label(said.metric);
  const none = (said.places.length > 0 ? said.places : Object.keys(op.counties)).filter((p) => !order.some(([q]) => q === p));
  if (rows.length === 0) return w.say('ranking_none', { label, places: w.list(none.map((p) => w.place(p))) });
  const top = rows[0]![1].value;
  const leaders = rows.filter(([, f]) => f.value === top).map(([p]) => w.place(p));
  const lines = [
    w.say(said.fewest ? 'ranking_fewest' : 'ranking_most', { label, places: w.list(leaders), figure: w.figure(rows[0]![1], said.metric) }),
    ...rows.map(([p, f]) => w.say('ranking_row', { place: w.place(p), figure: w.amount(f, knowledge.metrics.get(said.metric) ?? { unit: 'count' }) })),
  ];
  const missing = none.length > 0 ? [w.say('ranking_none', { label, places: w.list(none.map((p) => w.place(p))) })] : [];
  return [lines.join('\n'), ...missing].join('\n\n');
}

/**
 * A part of an answer said in the language, from what the planner recorded; undefined when the language's file
 * cannot say it (a text answer it has no topic for), so the caller gives that part in English.
 */
export function sayIn(said: readonly Said[], s: LocaleSources, weekId?: string): SaidIn | undefined {
  const op = weekOf(s, weekId ?? said.flatMap((x) => ('week' in x ? [x.week] : []))[0]);
  const w = new LocaleWriter(s, op);
  const out: string[] = [];
  const regionCounties = () => w.list([...s.knowledge.places].filter(([, p]) => p.in_region).map(([k]) => w.place(k)));
  for (const x of said) {
    switch (x.kind) {
      case 'figures': out.push(sayFigures(w, weekOf(s, x.week), x)); break;
      case 'ranking': out.push(sayRanking(w, weekOf(s, x.week), x, s.knowledge)); break;
      case 'topic': {
        const text = w.topic(x.id);
        if (text === undefined) return undefined;
        out.push(text);
        break;
      }
      case 'outside': out.push(w.say('outside_region', { place: w.list(x.places), region_counties: regionCounties() })); break;
      case 'towns': out.push(w.say('town_in_county', { towns: w.list(x.towns), county: w.place(x.county) })); break;
      case 'sentence': out.push(w.say(x.key)); break;
    }
  }
  return { text: out.join('\n\n'), english: [...w.english] };
}

/** The three lines every reply in the language ends with. */
export function footerIn(s: LocaleSources): string {
  const w = new LocaleWriter(s, weekOf(s, undefined));
  return [w.say('footer_emergency'), w.say('footer_police'), w.say('footer_crimestoppers')].join('\n');
}
