import type { FrameParts } from '../frame/build.js';
import { inRegion } from '../frame/places.js';
import type { FramePlace } from '../frame/types.js';
import type { Intent } from '../intents/load.js';
import { formatDateRange, formatFigure, groupThousands, listInWords } from '../knowledge/format.js';
import { countyFigure, type Knowledge, type Operation } from '../knowledge/knowledge.js';
import type { FacetDef, Figure, MetricDef } from '../knowledge/schema.js';
import { countyLookup, operationLookup, placeName, regionLookup } from '../reply/fields.js';
import { fill, fillFirst } from '../reply/template.js';
import { englishWording } from '../knowledge/languages.js';
import type { Said } from '../reply/locale.js';
import type { WordingKey } from '../knowledge/language-wording.js';

/** One planned reply: the body (no footer yet) and the rule that shaped it. */
export interface Plan {
  body: string;
  rule: string;
  /** The body gives at least one published figure or a calculation from them. */
  figures: boolean;
}

/** Fills a named sentence of the planner's wording (data/lang/en.yaml, `wording:`). */
export function say(knowledge: Pick<Knowledge, 'languages'>, key: WordingKey, fields: Record<string, string | number>): string {
  const sentence = englishWording(knowledge.languages)[key];
  return fill(sentence, (f) => (fields[f] === undefined ? undefined : String(fields[f]))) ?? sentence;
}

/** A published figure: a county's, or the region's when `place` is undefined. */
export function figureOf(op: Operation, place: string | undefined, metric: string): Figure | undefined {
  return place === undefined ? op.region[metric] : op.counties[place]?.[metric];
}

export const whereName = (knowledge: Knowledge, place: string | undefined) => (place ? placeName(knowledge, place) : 'the region');
const percent = (x: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: x < 10 ? 1 : 0 }).format(x);
const daysOf = (op: Operation) => Math.round((Date.parse(op.end) - Date.parse(op.start)) / 86_400_000) + 1;
const regionCounties = (knowledge: Knowledge) => listInWords([...knowledge.places.values()].filter((p) => p.in_region).map((p) => p.name));

/**
 * An outside place as the user named it when that was a town or city of a force area:
 * "Birmingham (the West Midlands)"; the area's own name when the words were the area's
 * ("west midlands police", "uk") or not a place's name ("nationally").
 */
export function outsideName(place: FramePlace, knowledge: Knowledge): string {
  const name = placeName(knowledge, place.key!);
  const said = place.said.trim();
  const nameWords = new Set(name.toLowerCase().split(/\s+/));
  const ownName = said.includes(' ') || said.length < 5 || nameWords.has(said) || /(?:ly|wide)$/.test(said);
  return ownName ? name : `${titleCase(said)} (${name})`;
}

/** Places outside the region: each gets a plain "no figures for X", never the region's figures. */
export function outsideStatements(places: readonly FramePlace[], knowledge: Knowledge): string[] {
  const outside = places.filter((p) => p.kind === 'outside_region');
  if (outside.length === 0) return [];
  const names = listInWords([...new Set(outside.map((p) => outsideName(p, knowledge)))]);
  return [say(knowledge, 'outside_region', { region_counties: regionCounties(knowledge), place: names })];
}

/** {@link outsideStatements} as what it says, for another language to say (src/reply/locale.ts). */
export function outsideSaid(places: readonly FramePlace[], knowledge: Knowledge): Said[] {
  const outside = places.filter((p) => p.kind === 'outside_region');
  return outside.length === 0 ? [] : [{ kind: 'outside', places: [...new Set(outside.map((p) => outsideName(p, knowledge)))] }];
}

/** {@link townStatements} as what it says, for another language to say. */
export function townsSaid(places: readonly FramePlace[], counties: readonly string[]): Said[] {
  const towns = places.filter((p) => p.kind === 'town' && counties.includes(p.county!));
  const byCounty = new Map<string, string[]>();
  for (const t of towns) byCounty.set(t.county!, [...(byCounty.get(t.county!) ?? []), titleCase(t.name ?? t.said)]);
  return [...byCounty].map(([county, names]) => ({ kind: 'towns', towns: names, county }));
}

/** Towns asked about: figures are by county, and which county each town is in. */
export function townStatements(places: readonly FramePlace[], counties: readonly string[], knowledge: Knowledge): string[] {
  const towns = places.filter((p) => p.kind === 'town' && counties.includes(p.county!));
  const byCounty = new Map<string, string[]>();
  for (const t of towns) byCounty.set(t.county!, [...(byCounty.get(t.county!) ?? []), titleCase(t.name ?? t.said)]);
  return [...byCounty].map(([county, names], i) => {
    const sentence = say(knowledge, 'town_in_county', { towns: listInWords(names), is_are: names.length > 1 ? 'are' : 'is', county: placeName(knowledge, county) });
    return i === 0 ? sentence : sentence.replace(/^.*?\. /, ''); // say "by county, not by town" once
  });
}

/** Each word with a capital: how a town typed in lower case is shown ("bury st edmunds" → "Bury St Edmunds"). */
export const titleCase = (s: string) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());

/** A sentence or figure that starts lower-case ("more than £150,000 ...") starts with a capital. */
export const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The time asked for matched no week held: say which weeks there are. No figure. */
export function otherTimeStatement(parts: FrameParts, knowledge: Knowledge): string {
  const weeks = listInWords(knowledge.operations.map((op) => `the ${op.name} (${formatDateRange(op.start, op.end)})`));
  const kind = parts.time.kind;
  const key = kind === 'future' || kind === 'present' || kind === 'previous' || kind === 'recurring' || kind === 'trend' ? (`other_time_${kind}` as const) : 'other_time';
  return say(knowledge, key, { weeks, said: parts.time.said ?? 'that time' });
}

/** A note on which week answers a question about a year, or one of several weeks. */
export function timeNote(parts: FrameParts, op: Operation, knowledge: Knowledge): string[] {
  if (parts.time.kind === 'year') {
    // Several weeks, one per year asked: the reply names each week with its dates, and none "covers only" the year.
    if (parts.weeks.length > 1) return [];
    return [say(knowledge, 'year_holds_week', { dates: formatDateRange(op.start, op.end), year: parts.time.said ?? op.start.slice(0, 4) })];
  }
  // Named only when its name tells it from the other weeks: answers already give the week's dates.
  const named = knowledge.operations.filter((o) => o.name === op.name).length === 1;
  // A reply about several weeks names each week itself.
  if (parts.time.kind !== 'none' && knowledge.operations.length > 1 && named && parts.weeks.length <= 1) return [say(knowledge, 'week_asked', { operation: op.name, dates: formatDateRange(op.start, op.end) })];
  return [];
}

/** {@link timeNote} as what it says, for another language; undefined for a note no language file says (which of several weeks). */
export function timeNoteSaid(parts: FrameParts, op: Operation, knowledge: Knowledge): Said[] | undefined {
  const note = timeNote(parts, op, knowledge);
  if (note.length === 0) return [];
  return parts.time.kind === 'year' ? [{ kind: 'sentence', key: 'year_holds_week' }] : undefined;
}

/** The figure an answer is about: the first named with data in this week, else the intent's. */
export function metricOf(parts: FrameParts, intent: Intent | undefined, op: Operation): string | undefined {
  const named = parts.metrics.find((m) => op.region[m] || Object.values(op.counties).some((c) => c[m]));
  return named ?? parts.metrics[0] ?? intent?.metric;
}

/** Sum of two or more counties' figures, labelled as the bot's own working. */
export function planSum(op: Operation, knowledge: Knowledge, counties: readonly string[], metricKey: string): Plan {
  const metric = knowledge.metrics.get(metricKey)!;
  const rows = counties.map((c) => ({ c, f: figureOf(op, c, metricKey) }));
  const missing = rows.filter((r) => !r.f).map((r) => placeName(knowledge, r.c));
  if (missing.length > 0) {
    return {
      body: say(knowledge, 'cannot_calculate', { missing: `the ${metric.label} figures for ${listInWords(missing)}`, was_were: 'were' }),
      rule: 'plan-sum-missing',
      figures: false,
    };
  }
  const total = rows.reduce((s, r) => s + r.f!.value, 0);
  const qualified = rows.some((r) => r.f!.qualifier);
  const parts = listInWords(rows.map((r) => `${placeName(knowledge, r.c)}'s ${formatFigure(r.f!, metric)}`));
  return {
    body: say(knowledge, 'sum', { parts, total: `${qualified ? 'at least ' : ''}${formatFigure({ value: total }, metric)}`, label: metric.label, dates: formatDateRange(op.start, op.end) }),
    rule: 'plan-sum',
    figures: true,
  };
}

/** Share of the region's figure held by one or more counties. */
export function planShare(op: Operation, knowledge: Knowledge, counties: readonly string[], metricKey: string, threshold?: number): Plan {
  const metric = knowledge.metrics.get(metricKey)!;
  const whole = figureOf(op, undefined, metricKey);
  const rows = counties.map((c) => ({ c, f: figureOf(op, c, metricKey) }));
  const missing = [...(whole ? [] : [`a region-wide total of ${metric.label}`]), ...rows.filter((r) => !r.f).map((r) => `a ${metric.label} figure for ${placeName(knowledge, r.c)}`)];
  if (missing.length > 0 || rows.length === 0) {
    return { body: say(knowledge, 'cannot_calculate', { missing: listInWords(missing.length ? missing : ['a county']), was_were: missing.length > 1 ? 'were' : 'was' }), rule: 'plan-share-missing', figures: false };
  }
  const part = rows.reduce((s, r) => s + r.f!.value, 0);
  const share = (100 * part) / whole!.value;
  const body = [
    say(knowledge, 'share', {
      part_name: listInWords(rows.map((r) => placeName(knowledge, r.c))),
      part: formatFigure({ value: part }, metric),
      whole: formatFigure(whole!, metric),
      label: metric.label,
      percent: percent(share),
      dates: formatDateRange(op.start, op.end),
    }),
  ];
  if (threshold !== undefined) body.push(say(knowledge, 'share_half', { more_less: share > threshold ? 'more' : 'less' }).replace('half', threshold === 50 ? 'half' : threshold === 25 ? 'a quarter' : 'a third'));
  return { body: body.join(' '), rule: 'plan-share', figures: true };
}

/** A figure per day of the week of action. */
export function planPerDay(op: Operation, knowledge: Knowledge, place: string | undefined, metricKey: string): Plan {
  const metric = knowledge.metrics.get(metricKey)!;
  const f = figureOf(op, place, metricKey);
  if (!f) return { body: say(knowledge, 'not_published_figure', { label: metric.label, where: `for ${whereName(knowledge, place)}` }), rule: 'plan-per-day-missing', figures: false };
  const days = daysOf(op);
  const rate = f.value / days;
  const rounded = rate >= 10 ? Math.round(rate) : Math.round(rate * 10) / 10;
  return {
    body: say(knowledge, 'per_day', {
      whole: `${place ? `${placeName(knowledge, place)}'s ` : ''}${formatFigure(f, metric)}`,
      label: metric.label,
      days,
      dates: formatDateRange(op.start, op.end),
      rate: metric.unit === 'gbp' ? `£${groupThousands(Math.round(rate))}` : groupThousands(rounded),
    }),
    rule: 'plan-per-day',
    figures: true,
  };
}

/** "Was it 28?": yes or no against the published figure, and the figure itself. */
export function planConfirm(number: number, figure: Figure | undefined, knowledge: Pick<Knowledge, 'languages'>): { opening: string; rule: string } | undefined {
  if (!figure) return undefined;
  const shown = groupThousands(number);
  // "was it 48k?" of "an estimated £48,000": yes, and the figure that follows says it was an estimate.
  if (figure.qualifier && figure.value === number) return { opening: say(knowledge, 'confirm_yes_qualified', { number: shown }), rule: 'plan-confirm-yes-qualified' };
  // "more than £150,000" neither confirms nor rules out a larger number: the figure is given as published.
  if (figure.qualifier === 'more_than' && number > figure.value) return { opening: '', rule: 'plan-confirm-qualified' };
  if (figure.qualifier) return { opening: say(knowledge, 'confirm_no', { number: shown }), rule: 'plan-confirm-no' };
  return figure.value === number ? { opening: say(knowledge, 'confirm_yes', { number: shown }), rule: 'plan-confirm-yes' } : { opening: say(knowledge, 'confirm_no', { number: shown }), rule: 'plan-confirm-no' };
}

/** One figure across two or more weeks, side by side, oldest first; with two, which had more. */
export function planWeeks(weeks: readonly Operation[], knowledge: Knowledge, place: string | undefined, metricKey: string): Plan {
  const metric = knowledge.metrics.get(metricKey)!;
  const inOrder = [...weeks].sort((a, b) => (a.start < b.start ? -1 : 1));
  // Weeks that share a name are told apart by their dates alone.
  const sameName = new Set(inOrder.map((op) => op.name)).size < inOrder.length;
  const nameOf = (op: Operation) => (sameName ? `week of action of ${formatDateRange(op.start, op.end)}` : op.name);
  const figures = inOrder.map((op) => figureOf(op, place, metricKey));
  const lines = inOrder
    .map((op, i) => {
      const f = figures[i];
      const fields = { operation: op.name, dates: formatDateRange(op.start, op.end), figure: f ? formatFigure(f, metric) : say(knowledge, 'not_published_short', {}) };
      return say(knowledge, sameName ? 'week_line_dates' : 'week_line', fields);
    })
    .join('\n');
  const label = `${metric.label[0]!.toUpperCase()}${metric.label.slice(1)}${place ? ` in ${placeName(knowledge, place)}` : ''}`;
  const body = say(knowledge, 'weeks_versus', { label, lines });
  const [a, b] = figures;
  // Two exact figures compared: which week had more, or that they were the same.
  if (inOrder.length !== 2 || !a || !b || a.qualifier || b.qualifier) return { body, rule: 'plan-weeks-versus', figures: true };
  const more = a.value === b.value ? undefined : a.value > b.value ? 0 : 1;
  const verdict =
    more === undefined
      ? say(knowledge, 'weeks_same', { label: metric.label })
      : say(knowledge, 'weeks_more', { operation: nameOf(inOrder[more]!), difference: formatFigure({ value: Math.abs(a.value - b.value) }, metric), label: metric.label });
  return { body: `${body}\n${verdict}`, rule: 'plan-weeks-versus', figures: true };
}

/**
 * Of two counties side by side, which had more and by how many, or that they had the same ("Kent had 3 more than
 * Hertfordshire"); nothing when either figure was not published.
 */
export function versusVerdict(op: Operation, knowledge: Knowledge, places: readonly [string, string], metricKey: string): string | undefined {
  const metric = knowledge.metrics.get(metricKey);
  const [a, b] = places.map((p) => countyFigure(op, p, metricKey));
  if (!metric || !a || !b || a.qualifier || b.qualifier) return undefined;
  const [nameA, nameB] = places.map((p) => placeName(knowledge, p)) as [string, string];
  if (a.value === b.value) return say(knowledge, 'places_same', { places: listInWords([nameA, nameB]), value: formatFigure(a, metric) });
  const [more, less] = a.value > b.value ? [nameA, nameB] : [nameB, nameA];
  return say(knowledge, 'places_more', { more, less, difference: formatFigure({ value: Math.abs(a.value - b.value) }, metric) });
}

/** An intent's figure templates for the region or each county, as the intent file words them. */
export function templateFigures(intent: Intent, op: Operation, knowledge: Knowledge, counties: readonly string[]): string {
  const a = intent.answer;
  if (counties.length === 0) {
    const metric = intent.metric && knowledge.metrics.get(intent.metric);
    return (
      fillFirst(a.region, regionLookup(op, knowledge)) ??
      `A region-wide figure${metric ? ` for ${metric.label}` : ''} was not published for ${operationLookup(op, knowledge)('dates')}.`
    );
  }
  return counties
    .map((place) => {
      const lookup = countyLookup(op, knowledge, place);
      const label = intent.metric ? knowledge.metrics.get(intent.metric)?.label : 'figures';
      const missingLookup = (f: string) => (f === 'label' ? label : lookup(f));
      return fillFirst(a.county, lookup) ?? fillFirst(a.missing, missingLookup) ?? `A figure for ${label ?? 'that'} in ${placeName(knowledge, place)} was not published.`;
    })
    .join('\n\n');
}

/** Counties named that are in the region (with or without figures), for figure answers. */
export function regionCountiesOf(counties: readonly string[], knowledge: Knowledge, op: Operation): string[] {
  return counties.filter((c) => inRegion(knowledge, c) || op.counties[c]);
}

const qualifierWord = (figures: readonly (Figure | undefined)[]) =>
  figures.some((f) => f?.qualifier === 'estimated') ? 'about ' : figures.some((f) => f?.qualifier === 'more_than') ? 'more than ' : '';

/**
 * Two counties' figures set side by side: each county's figure and the fields both sentences share, or the
 * "can't work that out" answer (`rule`-missing) when either was not published.
 */
function twoCounties(op: Operation, knowledge: Knowledge, counties: readonly [string, string], metricKey: string, rule: string): { plan: Plan } | { a: Figure; b: Figure; metric: MetricDef; fields: Record<string, string> } {
  const metric = knowledge.metrics.get(metricKey)!;
  const [a, b] = counties.map((c) => figureOf(op, c, metricKey));
  const missing = counties.filter((c, i) => ![a, b][i]).map((c) => `the ${metric.label} figure for ${placeName(knowledge, c)}`);
  if (!a || !b) return { plan: { body: say(knowledge, 'cannot_calculate', { missing: listInWords(missing), was_were: missing.length > 1 ? 'were' : 'was' }), rule: `${rule}-missing`, figures: false } };
  const fields = { a_name: placeName(knowledge, counties[0]), b_name: placeName(knowledge, counties[1]), a: formatFigure(a, metric), b: formatFigure(b, metric), label: metric.label, dates: formatDateRange(op.start, op.end) };
  return { a, b, metric, fields };
}

/** How many times the first of two counties' figure is the second's, to one decimal place. */
export function planRatio(op: Operation, knowledge: Knowledge, counties: readonly [string, string], metricKey: string): Plan {
  const two = twoCounties(op, knowledge, counties, metricKey, 'plan-ratio');
  if ('plan' in two) return two.plan;
  if (two.b.value === 0) return planDifference(op, knowledge, counties, metricKey);
  return { body: say(knowledge, 'ratio', { ...two.fields, times: (Math.round((two.a.value / two.b.value) * 10) / 10).toString() }), rule: 'plan-ratio', figures: true };
}

/** How many more (or fewer) the first of two counties had than the second. */
export function planDifference(op: Operation, knowledge: Knowledge, counties: readonly [string, string], metricKey: string): Plan {
  const two = twoCounties(op, knowledge, counties, metricKey, 'plan-difference');
  if ('plan' in two) return two.plan;
  const { a, b, metric } = two;
  const gap = a.value - b.value;
  return {
    body: say(knowledge, 'difference', {
      ...two.fields,
      gap: `${qualifierWord([a, b])}${formatFigure({ value: Math.abs(gap) }, metric)}`,
      more_fewer: gap >= 0 ? 'more' : metric.unit === 'gbp' ? 'less' : 'fewer',
    }),
    rule: 'plan-difference',
    figures: true,
  };
}

/** The region's figure without one county ("arrests outside essex"). */
export function planExcept(op: Operation, knowledge: Knowledge, county: string, metricKey: string): Plan {
  const metric = knowledge.metrics.get(metricKey)!;
  const whole = figureOf(op, undefined, metricKey);
  const part = figureOf(op, county, metricKey);
  const missing = [...(whole ? [] : [`a region-wide total of ${metric.label}`]), ...(part ? [] : [`a ${metric.label} figure for ${placeName(knowledge, county)}`])];
  if (missing.length > 0) return { body: say(knowledge, 'cannot_calculate', { missing: listInWords(missing), was_were: missing.length > 1 ? 'were' : 'was' }), rule: 'plan-except-missing', figures: false };
  return {
    body: say(knowledge, 'except', {
      whole: formatFigure(whole!, metric),
      part: formatFigure(part!, metric),
      rest: `${qualifierWord([whole, part])}${formatFigure({ value: whole!.value - part!.value }, metric)}`,
      label: metric.label,
      county: placeName(knowledge, county),
      dates: formatDateRange(op.start, op.end),
    }),
    rule: 'plan-except',
    figures: true,
  };
}

/** Every county figure published for one metric added up, and how that sits with the region's own total. */
export function planCountySum(op: Operation, knowledge: Knowledge, metricKey: string): Plan {
  const metric = knowledge.metrics.get(metricKey)!;
  const rows = Object.keys(op.counties).map((c) => ({ c, f: figureOf(op, c, metricKey) })).filter((r) => r.f);
  if (rows.length === 0) return { body: say(knowledge, 'not_published_figure', { label: metric.label, where: 'by county' }), rule: 'plan-county-sum-missing', figures: false };
  const total = rows.reduce((s, r) => s + r.f!.value, 0);
  const region = figureOf(op, undefined, metricKey);
  const body = [
    say(knowledge, 'county_sum', {
      parts: listInWords(rows.map((r) => `${placeName(knowledge, r.c)} ${formatFigure(r.f!, metric)}`)),
      total: `${qualifierWord(rows.map((r) => r.f))}${formatFigure({ value: total }, metric)}`,
      label: metric.label,
      dates: formatDateRange(op.start, op.end),
    }),
  ];
  if (region) body.push(region.value === total ? say(knowledge, 'county_sum_matches', {}) : say(knowledge, 'county_sum_differs', { region: formatFigure(region, metric) }));
  return { body: body.join(' '), rule: 'plan-county-sum', figures: true };
}

/** One figure of a place (or the region) with its definition, worked out with others of the same place. */
interface PlaceFigure {
  m: MetricDef;
  f: Figure;
}

/**
 * Figures of one place (or the region) to work out together: undefined when a key is unknown or they count
 * different things (pounds and numbers); the "can't work that out" answer (`rule`-missing) when any was not
 * published; else each figure with its definition, and the sentence fields every such answer shares.
 */
function samePlaceFigures(op: Operation, knowledge: Knowledge, place: string | undefined, metricKeys: readonly string[], rule: string): { plan: Plan } | { rows: PlaceFigure[]; fields: { where: string; dates: string } } | undefined {
  const rows = metricKeys.map((k) => ({ m: knowledge.metrics.get(k)!, f: figureOf(op, place, k) }));
  if (rows.some((x) => !x.m) || new Set(rows.map((x) => x.m.unit)).size > 1) return undefined;
  const missing = rows.filter((x) => !x.f).map((x) => `the ${x.m.label} figure ${place ? `for ${placeName(knowledge, place)}` : 'for the region'}`);
  if (missing.length > 0) return { plan: { body: say(knowledge, 'cannot_calculate', { missing: listInWords(missing), was_were: missing.length > 1 ? 'were' : 'was' }), rule: `${rule}-missing`, figures: false } };
  const fields = { where: place ? `in ${placeName(knowledge, place)}` : 'across the region', dates: formatDateRange(op.start, op.end) };
  return { rows: rows as PlaceFigure[], fields };
}

/** Two or more figures of one place (or the region) added up, when they count the same thing (all pounds or all numbers). */
export function planMetricSum(op: Operation, knowledge: Knowledge, place: string | undefined, metricKeys: readonly string[]): Plan | undefined {
  const read = samePlaceFigures(op, knowledge, place, metricKeys, 'plan-metric-sum');
  if (!read || 'plan' in read) return read?.plan;
  const { rows, fields } = read;
  const total = rows.reduce((s, x) => s + x.f.value, 0);
  return {
    body: say(knowledge, 'metric_sum', {
      ...fields,
      parts: listInWords(rows.map((x) => `${formatFigure(x.f, x.m)} (${x.m.label})`)),
      total: `${qualifierWord(rows.map((x) => x.f))}${formatFigure({ value: total }, rows[0]!.m)}`,
    }),
    rule: 'plan-metric-sum',
    figures: true,
  };
}

/** One figure as a share of another of the same place ("what percentage of the weapons were knives"): the smaller is the part. */
export function planMetricShare(op: Operation, knowledge: Knowledge, place: string | undefined, metricKeys: readonly [string, string]): Plan | undefined {
  const read = samePlaceFigures(op, knowledge, place, metricKeys, 'plan-metric-share');
  if (!read || 'plan' in read) return read?.plan;
  const [part, whole] = [...read.rows].sort((a, b) => a.f.value - b.f.value) as [PlaceFigure, PlaceFigure];
  return {
    body: say(knowledge, 'metric_share', {
      ...read.fields,
      part: formatFigure(part.f, part.m),
      part_label: part.m.label,
      whole: formatFigure(whole.f, whole.m),
      whole_label: whole.m.label,
      percent: percent((100 * part.f.value) / whole.f.value),
    }),
    rule: 'plan-metric-share',
    figures: true,
  };
}

/** The two figures of a place set side by side, as the difference and rate sentences name them. */
const sideBySide = ([a, b]: readonly PlaceFigure[]) => ({ a: formatFigure(a!.f, a!.m), a_label: a!.m.label, b: formatFigure(b!.f, b!.m), b_label: b!.m.label });

/** How many more (or fewer) of one figure than another of the same place ("how many more arrests than people safeguarded"), when both count the same thing. */
export function planMetricDifference(op: Operation, knowledge: Knowledge, place: string | undefined, metricKeys: readonly [string, string]): Plan | undefined {
  const read = samePlaceFigures(op, knowledge, place, metricKeys, 'plan-metric-difference');
  if (!read || 'plan' in read) return read?.plan;
  const [a, b] = read.rows as [PlaceFigure, PlaceFigure];
  const gap = a.f.value - b.f.value;
  return {
    body: say(knowledge, 'metric_difference', {
      ...read.fields,
      ...sideBySide(read.rows),
      gap: `${qualifierWord([a.f, b.f])}${formatFigure({ value: Math.abs(gap) }, a.m)}`,
      more_fewer: gap >= 0 ? 'more' : a.m.unit === 'gbp' ? 'less' : 'fewer',
    }),
    rule: 'plan-metric-difference',
    figures: true,
  };
}

/** One figure as a rate of another of the same place ("arrests per deal line"), to one decimal place, when both count the same thing. */
export function planMetricRatio(op: Operation, knowledge: Knowledge, place: string | undefined, metricKeys: readonly [string, string]): Plan | undefined {
  const read = samePlaceFigures(op, knowledge, place, metricKeys, 'plan-metric-ratio');
  if (!read || 'plan' in read) return read?.plan;
  const [a, b] = read.rows as [PlaceFigure, PlaceFigure];
  if (b.f.value === 0) return planMetricDifference(op, knowledge, place, metricKeys);
  return {
    body: say(knowledge, 'metric_ratio', { ...read.fields, ...sideBySide(read.rows), times: (Math.round((a.f.value / b.f.value) * 10) / 10).toString() }),
    rule: 'plan-metric-ratio',
    figures: true,
  };
}

/** A breakdown's sentence, with any fact it names filled in from the week ("{facts.awareness}"); the sentence alone when the fact is missing. */
export function facetSays(facet: FacetDef, op: Operation, knowledge: Knowledge): string {
  return fillFirst([facet.says], operationLookup(op, knowledge)) ?? facet.says.replace(/\s*\{[^}]*\}/g, '');
}

/** One figure asked of one place: a county's key, or undefined for the whole region. */
export interface FigureCell {
  place: string | undefined;
  metric: string;
}

/**
 * Several figures, or one figure for several places, as one compact list: a line per place in the order
 * asked, each with its figures in the order asked, and "not published" for a figure the release did not
 * give for that place. Towns are shown as their county (the notes before the list say so).
 */
export function planFigureCells(op: Operation, knowledge: Knowledge, cells: readonly FigureCell[]): Plan {
  const rows = new Map<string, { place: string | undefined; metrics: string[] }>();
  for (const c of cells) {
    const key = c.place ?? '';
    const row = rows.get(key) ?? { place: c.place, metrics: [] };
    if (!row.metrics.includes(c.metric)) row.metrics.push(c.metric);
    rows.set(key, row);
  }
  let any = false;
  const lines = [...rows.values()].map(({ place, metrics }) => {
    const figures = metrics.map((key) => {
      const metric = knowledge.metrics.get(key);
      const f = figureOf(op, place, key);
      if (!metric) return key;
      if (!f) return say(knowledge, 'figure_not_published', { label: metric.label });
      any = true;
      return metric.summary.replace('{value}', formatFigure(f, metric));
    });
    const name = place === undefined ? englishWording(knowledge.languages).region_row : placeName(knowledge, place);
    return say(knowledge, 'figures_row', { place: name, figures: capitalised(figures.join('; ')) });
  });
  return { body: [say(knowledge, 'figures_intro', { dates: formatDateRange(op.start, op.end) }), ...lines].join('\n'), rule: 'plan-figure-list', figures: any };
}
