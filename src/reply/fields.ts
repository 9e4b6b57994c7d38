import { countyFigure, type Knowledge, type Operation } from '../knowledge/knowledge.js';
import { formatDate, formatDateRange, formatFigure, listInWords } from '../knowledge/format.js';
import { guidanceFields, guidanceLookup } from '../knowledge/guidance.js';

/** Looks a template field up; undefined means "not published" or "not known here". */
export type Lookup = (field: string) => string | undefined;

/** Fields every template may use. */
const COMMON = ['operation', 'ran_by', 'ran_by_short', 'dates', 'start', 'end', 'published', 'publisher', 'source', 'counties_with_figures', 'weeks'];

/** The parts of an intent's `answer:` (src/intents/schema.ts), each filled with its own fields. */
export type AnswerSection = 'text' | 'young' | 'professional' | 'region' | 'county' | 'missing' | 'most' | 'fewest' | 'versus' | 'none';

/** Fields each part of `answer:` may use, beyond the common ones and facts.*. */
const SECTION_FIELDS: Record<AnswerSection, (metrics: string[]) => string[]> = {
  text: () => [],
  young: () => [],
  professional: () => [],
  region: (m) => [...m, ...m.map((k) => `by_county.${k}`), 'all'],
  county: (m) => [...m, 'county', 'all'],
  missing: (m) => ['county', 'label', ...m.map((k) => `region.${k}`)],
  most: () => ['label', 'leaders', 'value', 'ranking', 'without'],
  fewest: () => ['label', 'leaders', 'value', 'ranking', 'without'],
  versus: () => ['label', 'lines'],
  none: () => ['label'],
};

/** Every field a template in this part of an intent may name, for `npm run check`. */
export function knownFields(section: AnswerSection, knowledge: Knowledge): string[] {
  const facts = new Set(knowledge.operations.flatMap((op) => Object.keys(op.facts)));
  const guidance = [...knowledge.guidance.keys()].flatMap(guidanceFields);
  return [...SECTION_FIELDS[section]([...knowledge.metrics.keys()]), ...COMMON, ...[...facts].map((f) => `facts.${f}`), ...contactFields(knowledge), ...guidance];
}

/** The parts of a contact a template may name: `{contacts.ID}` is its number. */
const CONTACT_PARTS = ['name', 'number', 'text', 'web', 'about'] as const;

/** `contacts.crimestoppers`, `contacts.crimestoppers.name`, ... for every entry of data/contacts.yaml. */
export function contactFields(knowledge: Pick<Knowledge, 'contacts'>): string[] {
  return [...knowledge.contacts.keys()].flatMap((id) => [`contacts.${id}`, ...CONTACT_PARTS.map((part) => `contacts.${id}.${part}`)]);
}

/** `{contacts.ID}` → the number; `{contacts.ID.name|number|text|web|about}` → that part; undefined if the entry has none. */
export function contactLookup(knowledge: Pick<Knowledge, 'contacts'>, field: string): string | undefined {
  const [, id = '', part = 'number', ...rest] = field.split('.');
  const contact = knowledge.contacts.get(id);
  if (!contact || rest.length > 0 || !(CONTACT_PARTS as readonly string[]).includes(part)) return undefined;
  return contact[part as (typeof CONTACT_PARTS)[number]] ?? undefined;
}

/** Fields about the operation itself: its name, dates, source and the facts in words. */
export function operationLookup(op: Operation, knowledge: Knowledge): Lookup {
  return (field) => {
    if (field.startsWith('facts.')) return op.facts[field.slice(6)];
    if (field.startsWith('contacts.')) return contactLookup(knowledge, field);
    if (field.startsWith('guidance.')) return guidanceLookup(knowledge.guidance, field);
    switch (field) {
      case 'operation': return op.name;
      case 'ran_by': return `${op.ran_by.name} (${op.ran_by.short})`;
      case 'ran_by_short': return op.ran_by.short;
      case 'dates': return formatDateRange(op.start, op.end);
      case 'start': return formatDate(op.start);
      case 'end': return formatDate(op.end);
      case 'published': return formatDate(op.published);
      case 'publisher': return op.source.publisher;
      case 'source': return `${op.source.publisher}, published ${formatDate(op.published)}`;
      case 'counties_with_figures': return listInWords(Object.keys(op.counties).map((k) => placeName(knowledge, k)));
      // Every week held, oldest first: only when there is more than one, so a template list falls through to the next line.
      case 'weeks': return knowledge.operations.length > 1 ? listInWords([...knowledge.operations].sort((a, b) => (a.start < b.start ? -1 : 1)).map((w) => `the ${w.name} (${formatDateRange(w.start, w.end)})`)) : undefined;
      default: return undefined;
    }
  };
}

/** Region-wide figures, county-by-county lists ({by_county.deal_lines}) and the full summary ({all}). */
export function regionLookup(op: Operation, knowledge: Knowledge): Lookup {
  const common = operationLookup(op, knowledge);
  return (field) => {
    if (field === 'all') return summary(op.region, knowledge);
    if (field.startsWith('by_county.')) return byCounty(op, knowledge, field.slice(10));
    const metric = knowledge.metrics.get(field);
    if (metric) {
      const figure = op.region[field];
      return figure && formatFigure(figure, metric);
    }
    return common(field);
  };
}

/** One county's figures; a figure that was not published looks up as undefined. */
export function countyLookup(op: Operation, knowledge: Knowledge, place: string): Lookup {
  const common = operationLookup(op, knowledge);
  return (field) => {
    if (field === 'county') return placeName(knowledge, place);
    if (field === 'all') return op.counties[place] && summary(op.counties[place], knowledge);
    // "Not published for Kent" can still give the region's own figure: {region.knives}.
    if (field.startsWith('region.')) return regionLookup(op, knowledge)(field.slice(7));
    const metric = knowledge.metrics.get(field);
    if (metric) {
      const figure = countyFigure(op, place, field);
      return figure && formatFigure(figure, metric);
    }
    return common(field);
  };
}

/** A county's display name (its key if it is not in data/places.yaml). */
export function placeName(knowledge: Knowledge, place: string): string {
  return knowledge.places.get(place)?.name ?? place;
}

/** `Essex 12, Kent 10 and Cambridgeshire 5`, largest first; undefined when no county has the figure. */
export function byCounty(op: Operation, knowledge: Knowledge, metricKey: string): string | undefined {
  const metric = knowledge.metrics.get(metricKey);
  if (!metric) return undefined;
  const rows = ranked(op, metricKey).map(([place, figure]) => `${placeName(knowledge, place)} ${formatFigure(figure, metric)}`);
  return rows.length > 0 ? listInWords(rows) : undefined;
}

/** Counties that published this figure, largest first (ties in the order the data lists them). */
export function ranked(op: Operation, metricKey: string) {
  return Object.entries(op.counties)
    .flatMap(([place, figures]) => (figures[metricKey] ? [[place, figures[metricKey]] as const] : []))
    .sort((a, b) => b[1].value - a[1].value);
}

function summary(figures: Operation['region'], knowledge: Knowledge): string {
  return [...knowledge.metrics]
    .filter(([key]) => figures[key])
    .map(([key, m]) => `• ${m.summary.replace('{value}', formatFigure(figures[key]!, m))}`)
    .join('\n');
}
