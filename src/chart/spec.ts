import type { EngineReply } from '../engine/engine.js';
import type { Frame } from '../frame/types.js';
import { formatDate, formatDateRange, formatFigure } from '../knowledge/format.js';
import { countyFigure, latestOperation, type Knowledge, type Operation } from '../knowledge/knowledge.js';
import { placeName, ranked } from '../reply/fields.js';

/** One bar: a county and its published figure. */
export interface Bar {
  label: string;
  value: number;
  /** The figure as the bot writes it, qualifier and unit included: "more than £150,000". */
  shown: string;
}

/** A bar chart of one figure across counties, with what a reader needs to trust it: the week and the source. */
export interface BarChart {
  /** "Arrests by county". */
  title: string;
  /** The week's name: "Eastern Region county-lines week of action". */
  week: string;
  /** "Monday 7 March to Friday 11 March 2022". */
  dates: string;
  bars: Bar[];
  /** Counties asked about (or, for a ranking, in the week) that published no figure: named, never drawn as 0. */
  notPublished: string[];
  /** "Source: Bedfordshire Police, published Friday 18 March 2022". */
  source: string;
}

/** The plans whose answer compares counties on one figure: a ranking, "A versus B", a list of one figure for several. */
const COMPARING = new Set(['plan-most', 'plan-fewest', 'plan-versus', 'plan-figure-list', 'plan-county-sum']);

/** The rule that planned a frame's answer: the last step of `classifier>as-asked>plan-most`. */
const planOf = (frame: Frame) => frame.rule.split('>').at(-1) ?? '';

/**
 * The counties a frame's answer compares on its one figure: every county of the week for a ranking or a
 * county-by-county sum, else the region's counties it named. Undefined when the answer is no comparison.
 */
export function comparedCounties(frame: Frame, op: Operation, knowledge: Knowledge): string[] | undefined {
  const plan = planOf(frame);
  if (!COMPARING.has(plan) || frame.metrics.length !== 1) return undefined;
  if (plan === 'plan-most' || plan === 'plan-fewest' || plan === 'plan-county-sum') return Object.keys(op.counties);
  const named = frame.places.flatMap((p) => (p.kind === 'county_with_figures' || p.kind === 'region_county_without_figures' ? [p.key!] : []));
  const counties = [...new Set(named)].filter((c) => knowledge.places.get(c)?.in_region);
  return counties.length >= 2 ? counties : undefined;
}

/**
 * The bar chart for a reply that compares counties on one figure, or lists one figure for several: from the
 * frame the reply recorded and the published figures, largest first. Undefined for any other reply, or when
 * fewer than two counties published the figure (one bar compares nothing).
 */
export function chartOf(reply: EngineReply, knowledge: Knowledge): BarChart | undefined {
  if (reply.danger) return undefined;
  const frame = (reply.frames ?? [reply.frame]).find((f) => planOf(f) !== '' && COMPARING.has(planOf(f)));
  if (!frame) return undefined;
  const op = knowledge.operations.find((o) => o.id === frame.time.operations[0]) ?? latestOperation(knowledge);
  const counties = comparedCounties(frame, op, knowledge);
  const key = frame.metrics[0];
  const metric = key ? knowledge.metrics.get(key) : undefined;
  if (!counties || !key || !metric) return undefined;
  const published = new Set(counties.filter((c) => countyFigure(op, c, key)));
  const bars = ranked(op, key)
    .filter(([place]) => published.has(place))
    .map(([place, figure]) => ({ label: placeName(knowledge, place), value: figure.value, shown: formatFigure(figure, metric) }));
  if (bars.length < 2) return undefined;
  const label = metric.label.charAt(0).toUpperCase() + metric.label.slice(1);
  return {
    title: `${label} by county`,
    week: op.name,
    dates: formatDateRange(op.start, op.end),
    bars,
    notPublished: counties.filter((c) => !published.has(c)).map((c) => placeName(knowledge, c)),
    source: `Source: ${op.source.publisher}, published ${formatDate(op.published)}`,
  };
}
