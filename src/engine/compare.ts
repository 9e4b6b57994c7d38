import type { Intent } from '../intents/load.js';
import { countyFigure, type Knowledge, type Operation } from '../knowledge/knowledge.js';
import { formatFigure, listInWords } from '../knowledge/format.js';
import { byCounty, operationLookup, placeName, ranked, type Lookup } from '../reply/fields.js';
import { fillFirst } from '../reply/template.js';

export interface CompareRequest {
  /** Counties named in the question; two or more means "A versus B". */
  places: string[];
  /** Figures named in the question. */
  metrics: string[];
  /** The question asks for the smallest ("fewest", "least"). */
  fewest: boolean;
  /** The figure the conversation was about, for "which county had the most?" on its own. */
  previousMetric: string | undefined;
}

/** Which figure a comparison is about: the first named that counties published, else the conversation's, else arrests. */
export function comparisonMetric(op: Operation, req: CompareRequest): string {
  const withCounties = req.metrics.find((m) => ranked(op, m).length > 0);
  return withCounties ?? req.metrics[0] ?? req.previousMetric ?? 'arrests';
}

/**
 * Answers "which county had the most/fewest X" and "A versus B" from the published county
 * figures only. Counties without a published figure are named as such, never ranked.
 */
export function compare(intent: Intent, op: Operation, knowledge: Knowledge, req: CompareRequest): { body: string; metric: string; leaders?: string[] } {
  const metricKey = comparisonMetric(op, req);
  const metric = knowledge.metrics.get(metricKey)!;
  const common = operationLookup(op, knowledge);
  const label = metric.label;
  const a = intent.answer;

  if (req.places.length >= 2) {
    const lines = req.places
      .map((place) => {
        const figure = countyFigure(op, place, metricKey);
        return `• ${placeName(knowledge, place)}: ${figure ? formatFigure(figure, metric) : 'not published'}`;
      })
      .join('\n');
    const lookup: Lookup = (f) => (f === 'label' ? label : f === 'lines' ? lines : common(f));
    return { body: fillFirst(a.versus, lookup) ?? `${label}:\n${lines}`, metric: metricKey };
  }

  const rows = ranked(op, metricKey);
  if (rows.length === 0) {
    const lookup: Lookup = (f) => (f === 'label' ? label : common(f));
    return { body: fillFirst(a.none, lookup) ?? `No county-by-county figures for ${label} were published.`, metric: metricKey };
  }
  const target = req.fewest ? rows[rows.length - 1]![1].value : rows[0]![1].value;
  const leaderKeys = rows.filter(([, f]) => f.value === target).map(([p]) => p);
  const leaders = leaderKeys.map((p) => placeName(knowledge, p));
  const without = Object.keys(op.counties).filter((p) => !countyFigure(op, p, metricKey)).map((p) => placeName(knowledge, p));
  const lookup: Lookup = (f) => {
    switch (f) {
      case 'label': return label;
      case 'leaders': return listInWords(leaders);
      case 'value': return formatFigure(rows.find(([, fig]) => fig.value === target)![1], metric);
      case 'ranking': return byCounty(op, knowledge, metricKey);
      case 'without': return without.length > 0 ? `No figure for ${label} was published for ${listInWords(without)}.` : '';
      default: return common(f);
    }
  };
  const body = fillFirst(req.fewest ? a.fewest : a.most, lookup) ?? `${listInWords(leaders)}: ${lookup('value')} ${label}.`;
  return { body, metric: metricKey, leaders: leaderKeys };
}
