import { actOfIntent } from './act.js';
import type { FrameParts } from '../frame/build.js';
import type { DangerReading, NextStep } from '../frame/danger.js';
import type { Act } from '../frame/types.js';
import type { Intent } from '../intents/load.js';
import { NEXT_STEP_GUIDANCE } from '../knowledge/guidance.js';
import { latestOperation, type Knowledge, type Operation } from '../knowledge/knowledge.js';
import { formatDateRange, formatFigure, groupThousands, listInWords } from '../knowledge/format.js';
import type { SpeakerReading } from '../nlu/speaker.js';
import { operationLookup, placeName } from '../reply/fields.js';
import { fillFirst } from '../reply/template.js';
import type { EngineDeps } from './choose.js';
import { compare } from './compare.js';
import type { Said } from '../reply/locale.js';
import { chooseTone, type Tone } from './tone.js';
import {
  facetSays,
  figureOf,
  planCountySum,
  planDifference,
  planRatio,
  planExcept,
  planMetricShare, planMetricDifference, planMetricRatio,
  planMetricSum,
  metricOf,
  otherTimeStatement,
  outsideStatements,
  outsideSaid,
  townsSaid,
  planConfirm,
  planPerDay,
  planShare,
  planSum,
  planWeeks,
  versusVerdict,
  say,
  capitalised,
  titleCase,
  templateFigures,
  timeNote,
  timeNoteSaid,
  townStatements,
  whereName,
} from './plan.js';

/**
 * The answers the engine plans for one part of a message: a topic's answer (its figures, worked out when
 * asked, or its text), the emergency reply and what comes after it, contact numbers, and the reply when
 * nothing could be answered. Each takes the part's frame, already resolved against the conversation.
 */

/** Figures of a county (or the region) whose published value is `n`: what "was it 28 in Kent?" is checking. */
export function metricsWithValue(op: Operation, county: string | undefined, n: number): string[] {
  const figures = county === undefined ? op.region : (op.counties[county] ?? {});
  return Object.entries(figures).filter(([, f]) => f.value === n).map(([m]) => m);
}

/** How far a number checked may be from a figure and still be taken as a check of that figure ("was it 30?" for 28). */
const NEAR_ENOUGH = 0.25;

/**
 * The figure of a place that a checked number is about when no figure is named: the one with that value,
 * else the nearest within {@link NEAR_ENOUGH} of it, so "was it 28 in Kent?" still checks Kent's arrests
 * after the figure is corrected to 29 (the reply then says no, and gives the figure).
 */
export function metricCheckedBy(op: Operation, county: string | undefined, n: number): string | undefined {
  const exact = metricsWithValue(op, county, n)[0];
  if (exact) return exact;
  const figures = county === undefined ? op.region : (op.counties[county] ?? {});
  const near = Object.entries(figures)
    .map(([m, f]) => ({ m, off: Math.abs(f.value - n) / Math.max(f.value, n, 1) }))
    .filter((x) => x.off <= NEAR_ENOUGH)
    .sort((a, b) => a.off - b.off);
  return near[0]?.m;
}

/** The intent that answers a figure: the one whose metric it is, else one whose county templates use it ({money_seized} in the cash answer). */
export function intentForMetric(metric: string, deps: EngineDeps): Intent | undefined {
  const own = deps.byMetric.get(metric);
  if (own) return own;
  const uses = (t: string | readonly string[] | undefined) => (typeof t === 'string' ? [t] : (t ?? [])).some((x) => x.includes(`{${metric}}`));
  return [...deps.byId.values()].find((i) => uses(i.answer.county) || uses(i.answer.region));
}

/**
 * A number checked that is not the figure asked about but is another published figure: another county's
 * figure for the same thing ("44 was Essex's"), or another figure of the same place ("£150,000 is the cash").
 */
export function confirmElsewhere(n: number, op: Operation, knowledge: Knowledge, place: string | undefined, metricKey: string): { sentence: string; metric?: string } | undefined {
  const metric = knowledge.metrics.get(metricKey);
  const shown = metric ? formatFigure({ value: n }, metric) : groupThousands(n);
  const label = metric?.label ?? metricKey;
  const counties = Object.keys(op.counties).filter((c) => c !== place && op.counties[c]?.[metricKey]?.value === n);
  if (counties.length > 0) return { sentence: say(knowledge, 'confirm_other_place', { number: shown, places: listInWords(counties.map((c) => placeName(knowledge, c))), label }) };
  const other = metricsWithValue(op, place, n).find((m) => m !== metricKey);
  if (other) return { sentence: say(knowledge, 'confirm_other_metric', { number: shown, other: knowledge.metrics.get(other)?.label ?? other, label }), metric: other };
  return undefined;
}

/** What a planned reply says and how it was decided. */
export interface Planned {
  body: string;
  rule: string;
  /** 999 comes first; when left out, whether the intent is a danger intent. */
  danger?: boolean;
  /** The intent answered, or null when the reply declines (the fallback, another time). */
  intent: Intent | null;
  act: Act;
  /** Counties the reply was about, for the conversation's context. */
  places?: string[];
  /** Figures the reply was about, when not the intent's own (a ranking names the figure it ranked). */
  metrics?: string[];
  fromContext?: boolean;
  /**
   * What the body says, for another language to say it (src/reply/locale.ts); left out when the body says
   * something no language file can say yet (a sum, another time), which is then given in English.
   */
  said?: Said[];
  /** The tone a plain-text answer was written in. */
  tone?: Tone;
}

/** What a part took from earlier in the conversation or the message. */
export interface Follow {
  /** The counties came from an earlier part or message, not this one. */
  fromContext?: boolean;
  /** The figure answered last, for "which one had the most?". */
  previousMetric?: string;
}

/** An intent's plain-text answer in the tone the speaker calls for (young, professional or plain). */
export function toned(intent: Intent, op: Operation, knowledge: Knowledge, speaker: SpeakerReading | undefined): { body: string; tone: Tone } {
  const choice = chooseTone(intent, speaker);
  const lookup = operationLookup(op, knowledge);
  return { body: fillFirst(choice.templates, lookup) ?? fillFirst(intent.answer.text, lookup) ?? '', tone: choice.tone };
}

/** Someone may be in danger: the danger intent's reply (the emergency intent unless another's trigger fired), 999 first. */
export function planEmergency(deps: EngineDeps, speaker?: SpeakerReading, intent?: Intent, next?: NextStep): Planned {
  const e = intent ?? deps.emergency!;
  const answer = toned(e, latestOperation(deps.knowledge), deps.knowledge, speaker);
  const step = next ? nextStep(next, deps, speaker) : undefined;
  return { ...answer, body: [answer.body, step].filter(Boolean).join('\n\n'), rule: next ? `emergency-${next}` : 'emergency', intent: e, act: 'emergency', said: [{ kind: 'topic', id: e.id }, ...(step ? nextStepSaid(next!, deps) : [])] };
}

/**
 * What to do next, after 999 or on its own: for a missing child, report at once (no 24-hour wait) and
 * SafeCall; for someone thinking of confronting the people, don't, and how to report safely; for a
 * home taken over, what cuckooing is. Undefined when the data lacks what the step needs.
 */
export function nextStep(next: NextStep, deps: EngineDeps, speaker?: SpeakerReading): string | undefined {
  const { knowledge } = deps;
  const number = (id: string) => knowledge.contacts.get(id)?.number;
  const guidance = (id: string) => knowledge.guidance.get(id);
  if (next === 'home_taken') {
    const cuckooing = deps.byId.get('cuckooing');
    return cuckooing ? toned(cuckooing, latestOperation(knowledge), knowledge, speaker).body : undefined;
  }
  const item = guidance(NEXT_STEP_GUIDANCE[next]);
  if (!item) return undefined;
  const fields = {
    guidance: item.text,
    by: item.source.publisher,
    safecall: number('safecall') ?? '',
    police: number('police') ?? '',
    emergency: number('emergency') ?? '',
    crimestoppers: number('crimestoppers') ?? '',
    'crimestoppers.name': knowledge.contacts.get('crimestoppers')?.name ?? '',
  };
  return say(knowledge, next === 'missing_child' ? 'next_missing_child' : 'next_confront', fields);
}

/** {@link nextStep} as what it says, for another language to say. */
export function nextStepSaid(next: NextStep, deps: EngineDeps): Said[] {
  if (next === 'home_taken') return deps.byId.has('cuckooing') ? [{ kind: 'topic', id: 'cuckooing' }] : [];
  return [{ kind: 'sentence', key: next === 'missing_child' ? 'next_missing_child' : 'next_confront' }];
}

/** A next step with no danger now: a child missing with nothing said of risk, or someone thinking of confronting the people. */
export function planNextStep(next: NextStep, deps: EngineDeps, speaker?: SpeakerReading): Planned | undefined {
  if (next === 'home_taken') return undefined;
  const body = nextStep(next, deps, speaker);
  return body ? { body, rule: `next-${next}`, intent: null, act: 'report', said: nextStepSaid(next, deps) } : undefined;
}

/**
 * A danger topic chosen by the classifier, not by the danger reading: 999 first only when the reading found
 * something harmful (a threat, fear, a plea) that nothing set aside. Otherwise another danger topic (a young
 * person in debt to a gang) gives its words without 999 first when the reading found something of concern
 * or set the message aside; the emergency topic, or a message with nothing of concern, gets nothing from it.
 */
export function dangerTopicRule(intent: Intent, reading: DangerReading, deps: EngineDeps, speaker: SpeakerReading | undefined, parts: FrameParts): Planned | undefined {
  if (reading.harmful && !reading.setAside) return planEmergency(deps, speaker, intent, reading.next);
  if (intent === deps.emergency || !(reading.concern || reading.setAside)) return undefined;
  return { ...planAnswer(intent, parts, deps, {}, speaker), danger: false, act: 'report', rule: 'danger-topic-not-now' };
}

/** "Number for Essex police": the contact numbers from data/contacts.yaml, never figures. */
export function planContact(parts: FrameParts, knowledge: Knowledge): Planned {
  const place = parts.places.find((p) => p.key && p.kind !== 'region');
  const force = place ? `the police in ${placeName(knowledge, place.county ?? place.key!)}` : 'your local police';
  const number = (id: string) => knowledge.contacts.get(id)?.number ?? '';
  const fields = { force, police: number('police'), emergency: number('emergency'), crimestoppers: number('crimestoppers'), 'crimestoppers.name': knowledge.contacts.get('crimestoppers')?.name ?? '' };
  const crimestoppers = parts.contact.crimestoppers === true;
  return { body: say(knowledge, crimestoppers ? 'contact_crimestoppers' : 'contact', fields), rule: crimestoppers ? 'contact-crimestoppers' : 'contact', intent: null, act: 'contact', said: [{ kind: 'sentence', key: 'contact' }] };
}

/** A figure named for a region county that has none for it: said plainly ("An arrest figure for Suffolk was not published."). */
export function unpublishedFigure(parts: FrameParts, op: Operation, knowledge: Knowledge): string | undefined {
  const metric = parts.metrics[0];
  const county = parts.counties[0];
  if (!metric || !county || !knowledge.places.get(county)?.in_region || figureOf(op, county, metric)) return undefined;
  const label = knowledge.metrics.get(metric)?.label ?? metric;
  return say(knowledge, 'not_published_figure', { label, where: `for ${placeName(knowledge, county)}` });
}

/**
 * A figure asked of the region that its topic's answer would not give and that was not published for the region
 * ("vulnerable people engaged with across the region": the safeguarding topic gives the safeguarded): said plainly,
 * before the topic's answer. A figure that stands in for it, or one it covers (money: cash and drugs), is the topic's to give.
 */
export function regionFigureNotGiven(parts: FrameParts, intent: Intent, op: Operation, knowledge: Knowledge): string | undefined {
  const [metric] = parts.metrics;
  if (parts.counties.length > 0 || parts.metrics.length !== 1 || !metric || !intent.metric || intent.metric === metric || figureOf(op, undefined, metric)) return undefined;
  const standsIn = (a: string, b: string) => knowledge.metrics.get(a)?.stands_in_for?.includes(b) === true;
  const covers = (a: string, b: string) => knowledge.metrics.get(a)?.covers?.includes(b) === true;
  if (standsIn(intent.metric, metric) || covers(metric, intent.metric)) return undefined;
  return say(knowledge, 'not_published_figure', { label: knowledge.metrics.get(metric)?.label ?? metric, where: `for ${whereName(knowledge, undefined)}` });
}

/** Nothing answered: the general fallback when nothing was understood, a specific one saying what was. */
export function planFallback(parts: FrameParts, deps: EngineDeps, asksHowMany: boolean): Planned {
  const { knowledge, byMetric, fallback } = deps;
  const op = latestOperation(knowledge);
  const dates = formatDateRange(op.start, op.end);
  const facet = parts.facet && knowledge.facets.get(parts.facet.key);
  if (parts.time.kind !== 'none' && parts.weeks.length === 0) return { body: otherTimeStatement(parts, knowledge), rule: 'other-time', intent: null, act: 'out_of_scope', said: [{ kind: 'sentence', key: 'other_time' }] };
  if (facet) {
    const nearest = facet.nearest && asksHowMany ? byMetric.get(facet.nearest) : undefined;
    if (nearest) {
      const counties = parts.counties.filter((c) => !parts.places.some((p) => p.key === c && p.kind === 'outside_region'));
      const label = knowledge.metrics.get(facet.nearest!)?.label ?? facet.nearest!;
      const body = [say(knowledge, 'facet_nearest', { says: facetSays(facet, op, knowledge), label }), templateFigures(nearest, op, knowledge, counties)].join(' ');
      const figures = figuresSaid(nearest, op, counties, undefined, knowledge);
      return { body, rule: 'facet-nearest-figure', intent: nearest, act: 'figure', places: counties, ...(figures && { said: [{ kind: 'sentence', key: 'facet_not_given' }, figures] }) };
    }
    return { body: say(knowledge, 'facet_no_figure', { says: facetSays(facet, op, knowledge), dates }), rule: 'facet-not-published', intent: null, act: 'out_of_scope', said: [{ kind: 'sentence', key: 'facet_not_published' }] };
  }
  const outside = outsideStatements(parts.places, knowledge);
  if (outside.length > 0 && parts.counties.length === 0) return { body: outside.join(' '), rule: 'outside-region', intent: null, act: 'out_of_scope', said: outsideSaid(parts.places, knowledge) };
  const metric = parts.metrics.map((m) => knowledge.metrics.get(m)?.label).find(Boolean);
  const place = parts.counties[0] && placeName(knowledge, parts.counties[0]);
  if (metric || place) {
    const town = parts.places.find((p) => p.kind === 'town' && p.county === parts.counties[0]);
    const where = place && (town ? `${titleCase(town.said)} (${place})` : place);
    // "arrests in Essex", or just "Essex" when no figure was named.
    // What the bot can say instead: what was published for the place, or the results of the week.
    const understood = where ?? `the ${metric}`;
    const example = place ? `what happened in ${place}?` : 'what were the results?';
    const missing = unpublishedFigure(parts, op, knowledge);
    const body = [missing, say(knowledge, 'specific_no_answer', { understood, dates, example })].filter(Boolean).join(' ');
    const notPublished: Said[] = missing ? [{ kind: 'figures', week: op.id, cells: [{ place: parts.counties[0], metric: parts.metrics[0]! }] }] : [];
    return { body, rule: missing ? 'specific-fallback-not-published' : 'specific-fallback', intent: null, act: 'out_of_scope', said: [...notPublished, { kind: 'topic', id: fallback.id }] };
  }
  return { body: fillFirst(fallback.answer.text, operationLookup(op, knowledge)) ?? '', rule: 'general-fallback', intent: null, act: 'out_of_scope', said: [{ kind: 'topic', id: fallback.id }] };
}

/**
 * The answer planner for a chosen intent: covers every part of the frame. Other times, places
 * outside the region, towns and breakdowns not published are said plainly before any figure;
 * sums, shares and rates are labelled as the bot's own working.
 */
export function planAnswer(intent: Intent, parts: FrameParts, deps: EngineDeps, follow: Follow = {}, speaker?: SpeakerReading): Planned {
  const { knowledge } = deps;
  const regionWide = parts.places.some((p) => p.kind === 'region');
  const act = actOfIntent(intent);
  const asked = parts.time.kind !== 'none';
  if (asked && parts.weeks.length === 0 && !intent.timeless && (act === 'figure' || act === 'fact')) {
    return { body: otherTimeStatement(parts, knowledge), rule: 'other-time', intent: null, act, said: [{ kind: 'sentence', key: 'other_time' }] };
  }
  const op = parts.weeks[0] ?? latestOperation(knowledge);
  if (act !== 'figure') {
    const note = act === 'fact' ? timeNote(parts, op, knowledge).filter(() => parts.time.kind !== 'year') : [];
    // A breakdown asked of a text answer ("what were they charged with") is said not published first.
    const textFacet = act === 'fact' && parts.facet ? knowledge.facets.get(parts.facet.key) : undefined;
    if (textFacet && !textFacet.figures_only) note.unshift(facetSays(textFacet, op, knowledge));
    const answer = toned(intent, op, knowledge, speaker);
    const notes = notSaidIn(note, answer.body);
    // In another language, a breakdown noted before a text answer ("the release doesn't say how many were children") is
    // not said: the question was for the text. A note of another time is, in English.
    const onlyBreakdown = notes.length === 0 || (textFacet !== undefined && !textFacet.figures_only && note.length === 1);
    return { body: [...notes, answer.body].join(' '), rule: answer.tone === 'plain' ? 'plan-text' : `plan-text-${answer.tone}`, intent, act, tone: answer.tone, ...(onlyBreakdown && { said: [{ kind: 'topic', id: intent.id }] }) };
  }

  const pre: string[] = [...timeNote(parts, op, knowledge)];
  // What the notes before the figures say, for another language; undefined once a note says what no language file can.
  let preSaid: Said[] | undefined = timeNoteSaid(parts, op, knowledge);
  const facet = parts.facet && knowledge.facets.get(parts.facet.key);
  if (facet?.no_figures) {
    return { body: say(knowledge, 'facet_no_figure', { says: facetSays(facet, op, knowledge), dates: formatDateRange(op.start, op.end) }), rule: `facet-${parts.facet!.key}:facet-no-figures`, intent: null, act: 'out_of_scope', said: [{ kind: 'sentence', key: 'facet_not_published' }] };
  }
  const outside = facet?.place_is_value ? [] : outsideStatements(parts.places, knowledge);
  const counties = parts.counties;
  const fromContext = follow.fromContext === true && counties.length > 0;
  if (outside.length > 0 && counties.length === 0 && !regionWide) {
    return { body: outside.join(' '), rule: 'outside-region', intent, act, places: [], said: outsideSaid(parts.places, knowledge) };
  }
  pre.push(...outside, ...townStatements(parts.places, counties, knowledge));
  preSaid = preSaid && [...preSaid, ...(facet?.place_is_value ? [] : outsideSaid(parts.places, knowledge)), ...townsSaid(parts.places, counties)];
  if (facet) {
    pre.push(facetSays(facet, op, knowledge));
    preSaid = preSaid && [...preSaid, { kind: 'sentence', key: 'facet_not_given' }];
  }
  const notGiven = regionFigureNotGiven(parts, intent, op, knowledge);
  if (notGiven) { pre.push(notGiven); preSaid = undefined; }
  const kind = parts.operation.kind;
  const checking = parts.operation.number;
  const checked = kind === 'confirm' && checking !== undefined && counties.length <= 1 ? metricsWithValue(op, counties[0], checking) : [];
  // "did essex and kent together make more than half": arrests, the headline figure, unless another is named.
  const metricKey = (parts.metrics.length === 0 ? checked[0] : undefined) ?? metricOf(parts, intent, op) ?? checked[0] ?? (kind === 'sum' || kind === 'share' || kind === 'per_day' || kind === 'difference' || kind === 'ratio' || kind === 'except' ? 'arrests' : undefined);
  if (kind === 'confirm' && checking !== undefined && !metricKey && counties.length === 1) {
    pre.push(say(knowledge, 'confirm_none', { number: groupThousands(checking), place: placeName(knowledge, counties[0]!) }));
    preSaid = undefined;
  }
  const joined = (rule: string, body: string) => ({ body: [...pre, capitalised(body)].filter(Boolean).join(pre.length > 0 && body.includes('\n') ? '\n\n' : ' '), rule: facet ? `facet-${parts.facet!.key}:${rule}` : rule, intent, act, places: counties, fromContext });

  if (parts.weeks.length >= 2 && metricKey) return joined('plan-weeks-versus', planWeeks(parts.weeks, knowledge, counties[0], metricKey).body);
  if (metricKey && knowledge.metrics.has(metricKey)) {
    if (kind === 'sum' && counties.length >= 2) return joined('plan-sum', planSum(op, knowledge, counties, metricKey).body);
    const twoMetrics = parts.metrics.length >= 2 && counties.length <= 1;
    const metricSum = kind === 'sum' && twoMetrics ? planMetricSum(op, knowledge, counties[0], parts.metrics) : undefined;
    if (metricSum) return joined(metricSum.rule, metricSum.body);
    if (kind === 'sum' && counties.length === 0) { const p = planCountySum(op, knowledge, metricKey); return joined(p.rule, p.body); }
    const metricShare = kind === 'share' && twoMetrics ? planMetricShare(op, knowledge, counties[0], [parts.metrics[0]!, parts.metrics[1]!]) : undefined;
    if (metricShare) return joined(metricShare.rule, metricShare.body);
    const metricDifference = kind === 'difference' && twoMetrics ? planMetricDifference(op, knowledge, counties[0], [parts.metrics[0]!, parts.metrics[1]!]) : undefined;
    if (metricDifference) return joined(metricDifference.rule, metricDifference.body);
    const metricRatio = kind === 'ratio' && twoMetrics ? planMetricRatio(op, knowledge, counties[0], [parts.metrics[0]!, parts.metrics[1]!]) : undefined;
    if (metricRatio) return joined(metricRatio.rule, metricRatio.body);
    if (kind === 'difference' && counties.length === 2) { const p = planDifference(op, knowledge, [counties[0]!, counties[1]!], metricKey); return joined(p.rule, p.body); }
    if (kind === 'ratio' && counties.length === 2) { const p = planRatio(op, knowledge, [counties[0]!, counties[1]!], metricKey); return joined(p.rule, p.body); }
    if (kind === 'except' && counties.length === 1) { const p = planExcept(op, knowledge, counties[0]!, metricKey); return joined(p.rule, p.body); }
    if (kind === 'share' && counties.length >= 1) {
      const p = planShare(op, knowledge, counties, metricKey, parts.operation.threshold);
      return joined(p.rule, p.figures ? p.body : `${p.body} ${templateFigures(deps.byMetric.get(metricKey) ?? intent, op, knowledge, counties)}`);
    }
    if (kind === 'per_day') {
      const p = counties.length > 0 ? counties.map((c) => planPerDay(op, knowledge, c, metricKey)) : [planPerDay(op, knowledge, undefined, metricKey)];
      return joined(p[0]!.rule, p.map((x) => x.body).join('\n\n'));
    }
    if (kind === 'confirm' && parts.operation.number !== undefined && counties.length <= 1 && !intent.answer.most) {
      const figureIntent = intentForMetric(metricKey, deps) ?? intent;
      const c = planConfirm(parts.operation.number, figureOf(op, counties[0], metricKey), knowledge);
      const other = c && c.rule !== 'plan-confirm-yes' ? confirmElsewhere(parts.operation.number, op, knowledge, counties[0], metricKey) : undefined;
      const otherIntent = other?.metric ? intentForMetric(other.metric, deps) : undefined;
      const otherFigures = otherIntent ? templateFigures(otherIntent, op, knowledge, counties) : '';
      // The figure checked is the topic answered, and the figure a follow-up keeps.
      if (c) return { ...joined(c.rule, [c.opening, templateFigures(figureIntent, op, knowledge, counties), other?.sentence, otherFigures].filter(Boolean).join(' ')), intent: figureIntent, metrics: [metricKey] };
    }
  }
  if (intent.answer.most) {
    const compared = compare(intent, op, knowledge, { places: counties, metrics: parts.metrics, fewest: kind === 'fewest', previousMetric: follow.previousMetric });
    // Two counties side by side: which had more, and by how many ("are they the same?", "by how many?").
    const verdict = counties.length === 2 ? versusVerdict(op, knowledge, [counties[0]!, counties[1]!], compared.metric) : undefined;
    const body = verdict ? `${compared.body}\n${verdict}` : compared.body;
    // A follow-up such as "what about Kent?" then asks about the figure just compared.
    // The county a ranking named is the place answered: "and how many did they make?" asks about it.
    const named = counties.length === 0 && compared.leaders?.length === 1 ? { places: compared.leaders } : {};
    const ranking: Said = { kind: 'ranking', week: op.id, metric: compared.metric, fewest: kind === 'fewest', places: counties };
    return { ...joined(kind === 'fewest' ? 'plan-fewest' : counties.length >= 2 ? 'plan-versus' : 'plan-most', body), intent, metrics: [compared.metric], ...named, ...(preSaid && kind !== 'confirm' && { said: [...preSaid, ranking] }) };
  }
  let body = templateFigures(intent, op, knowledge, counties);
  if (fromContext) body += `\n\n(That is for ${counties.map((p) => placeName(knowledge, p)).join(' and ')}, from your last question. Ask "in total" for the whole region.)`;
  const said = preSaid && kind !== 'confirm' ? figuresSaid(intent, op, counties, metricKey, knowledge) : undefined;
  return { ...joined(counties.length > 0 ? 'plan-county-figures' : 'plan-region-figures', body), ...(said && preSaid && { said: [...preSaid, { ...said, fromContext }] }) };
}

/**
 * The figures a topic's answer gives, as cells for another language: the figure asked for each place asked (the
 * region when none), or, for a topic of no one figure (what happened in Kent), every figure published there.
 */
export function figuresSaid(intent: Intent, op: Operation, counties: readonly string[], metricKey: string | undefined, knowledge: Knowledge): Extract<Said, { kind: 'figures' }> | undefined {
  const places: (string | undefined)[] = counties.length > 0 ? [...counties] : [undefined];
  // The figure asked; where a place has none, the topic's own figure as its answer gives it, or one published in its stead.
  const pick = (place: string | undefined, asked: string) => (figureOf(op, place, asked) || !intent.metric || !figureOf(op, place, intent.metric) ? inStead(op, knowledge, place, asked) : intent.metric);
  const metric = metricKey ?? intent.metric;
  if (metric) return { kind: 'figures', week: op.id, cells: places.map((place) => ({ place, metric: pick(place, metric) })) };
  if (intent.metric) return undefined;
  const cells = places.flatMap((place) => Object.keys(place === undefined ? op.region : (op.counties[place] ?? {})).map((metric) => ({ place, metric })));
  return cells.length > 0 ? { kind: 'figures', week: op.id, cells } : undefined;
}

/**
 * The figure given for one asked of a place: its own, or, where the place has none, one published there that
 * stands in for it with its own label (`stands_in_for` in data/metrics.yaml: money seized, not said whether cash
 * or drugs, for cash in Cambridgeshire).
 */
export function inStead(op: Operation, knowledge: Knowledge, place: string | undefined, metric: string): string {
  if (figureOf(op, place, metric)) return metric;
  for (const [key, def] of knowledge.metrics) if (def.stands_in_for?.includes(metric) && figureOf(op, place, key)) return key;
  return metric;
}

/** The sentences of notes put before an answer that the answer does not already say: no sentence is said twice. */
export function notSaidIn(notes: readonly string[], body: string): string[] {
  return notes.map((n) => n.split(/(?<=[.!?])\s+/).filter((sentence) => !body.includes(sentence)).join(' ')).filter(Boolean);
}
