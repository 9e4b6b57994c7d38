import type { Problem } from '../files/problem.js';
import type { Knowledge, Operation } from '../knowledge/knowledge.js';
import { operationLookup, regionLookup, type Lookup } from '../reply/fields.js';
import { fillFirst, placeholders } from '../reply/template.js';
import type { Templates } from './schema.js';
import type { Intent } from './load.js';

/** The fields with no value for this week, in any of the templates. */
function missingFields(templates: Templates, lookup: Lookup): string[] {
  const list = typeof templates === 'string' ? [templates] : templates;
  return [...new Set(list.flatMap((t) => placeholders(t).filter((f) => lookup(f) === undefined)))];
}

const braces = (fields: string[]) => fields.map((f) => `{${f}}`).join(', ');

/**
 * What each week of action lacks that answers need. A plain answer (`text:`) that cannot be filled for a
 * week would reach the public empty, so it is an error naming the week's file and what to add. A
 * region-wide figure that other weeks have but this one lacks is a warning: the bot then says it was
 * not published, which is right only if it was not.
 */
export function weekCoverage(intents: readonly Intent[], knowledge: Knowledge): Problem[] {
  const problems: Problem[] = [];
  for (const op of knowledge.operations) {
    for (const intent of intents) {
      const a = intent.answer;
      if (a.text && !a.region && !a.county && !a.most) problems.push(...plainAnswer(op, intent, a.text, knowledge));
      if (a.region) problems.push(...regionAnswer(op, intent, a.region, knowledge));
    }
  }
  return problems;
}

function plainAnswer(op: Operation, intent: Intent, templates: Templates, knowledge: Knowledge): Problem[] {
  const lookup = operationLookup(op, knowledge);
  if (fillFirst(templates, lookup) !== undefined) return [];
  // Only what a week's file can supply is this check's business; other fields are checked with the templates.
  const facts = missingFields(templates, lookup).filter((f) => f.startsWith('facts.'));
  if (facts.length === 0) return [];
  return [{
    file: op.file,
    field: facts[0]!,
    message:
      `this week has no ${braces(facts)}, so the answer in ${intent.file} would be empty for it. ` +
      `Add ${facts.map((f) => `${f.slice(6)}:`).join(' and ')} under facts: in this file (or in data/shared.yaml if it holds for every week), ` +
      'or give that intent a second answer line that does without it.',
    severity: 'error',
  }];
}

function regionAnswer(op: Operation, intent: Intent, templates: Templates, knowledge: Knowledge): Problem[] {
  const lookup = regionLookup(op, knowledge);
  if (fillFirst(templates, lookup) !== undefined) return [];
  const others = knowledge.operations.filter((o) => o !== op && fillFirst(templates, regionLookup(o, knowledge)) !== undefined);
  if (others.length === 0) return [];
  const missing = missingFields(templates, lookup).filter((f) => knowledge.metrics.has(f) || f.startsWith('by_county.'));
  if (missing.length === 0) return [];
  const metric = intent.metric ?? missing.find((f) => knowledge.metrics.has(f));
  return [{
    file: op.file,
    field: metric ? `region.${metric}` : 'region',
    message: `this week has no value for ${missing.length === 1 ? '' : 'any of '}${braces(missing)}, which ${others.map((o) => o.file).join(' and ')} ${others.length === 1 ? 'has' : 'have'}, so ${intent.file} will say it was not published for this week. If it was published, add it.`,
    severity: 'warning',
  }];
}
