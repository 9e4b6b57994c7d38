import { NEXT_STEP_GUIDANCE } from '../knowledge/guidance.js';
import type { Problem } from '../files/problem.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { normalise, words } from '../nlu/normalise.js';
import { stem } from '../nlu/natural.js';
import { placeholders } from '../reply/template.js';
import type { Intent } from './load.js';
import { READING_GRADE_LIMIT, readingAge, templateGrade } from './readability.js';
import type { Answer } from './schema.js';

/** Fewer examples than this and the classifier struggles to recognise new wordings. */
export const MIN_EXAMPLES = 8;

const FILLER = new Set(['a', 'an', 'the', 'is', 'are', 'was', 'were', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'it', 'i', 'me', 'my', 'you', 'u', 'please', 'pls', 'do', 'did', 'does']);

/** Two phrases are near-identical when they share the same content words, in any order and form. */
function shape(example: string): string {
  return [...new Set(words(normalise(example)).filter((w) => !FILLER.has(w)).map(stem))].sort().join(' ');
}

/** Problems that do not stop the bot but make it worse: reported by `npm run check` as warnings. */
export function intentWarnings(intents: readonly Intent[], knowledge: Knowledge): Problem[] {
  const warnings: Problem[] = [];
  const warn = (file: string, field: string, message: string) => warnings.push({ file, field, message, severity: 'warning' });

  for (const intent of intents) {
    if (intent.examples.length < MIN_EXAMPLES) {
      warn(intent.file, 'examples', `only ${intent.examples.length} example phrases; add at least ${MIN_EXAMPLES - intent.examples.length} more, worded the way people really type`);
    }
    if (intent.tests.length === 0) warn(intent.file, 'tests', 'no held-out test phrases; add a few new wordings so npm run eval can check this intent');
  }

  const seen = new Map<string, { intent: Intent; example: string }>();
  const reported = new Set<string>();
  for (const intent of intents) {
    for (const example of intent.examples) {
      const key = shape(example);
      if (!key) continue;
      const other = seen.get(key);
      if (other && other.intent.id !== intent.id && !reported.has(`${other.intent.id}|${intent.id}|${key}`)) {
        reported.add(`${other.intent.id}|${intent.id}|${key}`);
        warn(intent.file, 'examples', `"${example}" is nearly the same as "${other.example}" under "${other.intent.id}"; the bot cannot tell them apart. Reword one or remove it.`);
      } else if (!other) seen.set(key, { intent, example });
    }
  }

  const used = new Set(
    intents.flatMap((i) => Object.values(i.answer).flatMap((t) => (t === undefined ? [] : typeof t === 'string' ? [t] : t)).flatMap(placeholders)),
  );
  const compared = intents.some((i) => i.answer.most);
  const inData = new Set(knowledge.operations.flatMap((op) => [...Object.keys(op.region), ...Object.values(op.counties).flatMap((c) => Object.keys(c))]));
  for (const metric of inData) {
    const named = used.has(metric) || used.has(`by_county.${metric}`) || (compared && intents.some((i) => i.metric === metric));
    if (!named) warn('data/metrics.yaml', metric, `the figure "${metric}" is in the data but no intent template names {${metric}}; it only shows in overviews. Add it to an intent's answer.`);
  }
  warnings.push(...readabilityWarnings(intents, knowledge));
  const saidByNextSteps = new Set<string>(Object.values(NEXT_STEP_GUIDANCE));
  for (const id of knowledge.guidance.keys()) {
    if (!saidByNextSteps.has(id) && ![...used].some((f) => f === `guidance.${id}` || f.startsWith(`guidance.${id}.`))) {
      warn('data/guidance.yaml', id, `the guidance item "${id}" is never used by an intent template; name it as {guidance.${id}} in an answer, or remove it`);
    }
  }
  for (const fact of new Set(knowledge.operations.flatMap((op) => Object.keys(op.facts)))) {
    if (!used.has(`facts.${fact}`)) warn('data/operations/', `facts.${fact}`, `the fact "${fact}" is never used by an intent template; name it as {facts.${fact}} in an answer, or remove it`);
  }
  return warnings;
}

const tooHard = (grade: number) =>
  `reads at grade ${grade.toFixed(1)} (a reading age of about ${readingAge(grade)}); aim for grade ${READING_GRADE_LIMIT} or below (a reading age of 9): shorter sentences and shorter words.`;

/**
 * Templates and guidance above a reading age of nine, scored by the text-readability package.
 * An intent can give a reason beside a part of its answer (`readability: { text: "..." }`) instead.
 */
export function readabilityWarnings(intents: readonly Intent[], knowledge: Pick<Knowledge, 'guidance'>): Problem[] {
  const warnings: Problem[] = [];
  for (const intent of intents) {
    for (const [section, templates] of Object.entries(intent.answer) as [keyof Answer, string | string[] | undefined][]) {
      if (templates === undefined || intent.readability?.[section]) continue;
      const list = typeof templates === 'string' ? [templates] : templates;
      list.forEach((template, i) => {
        const grade = templateGrade(template);
        if (grade <= READING_GRADE_LIMIT) return;
        const field = typeof templates === 'string' ? `answer.${section}` : `answer.${section}.${i}`;
        warnings.push({
          file: intent.file,
          field,
          message: `${tooHard(grade)} Or, if it must stay as it is, say why beside it: readability: { ${section}: "the reason" }.`,
          severity: 'warning',
        });
      });
    }
  }
  for (const [id, item] of knowledge.guidance) {
    const grade = templateGrade(item.text);
    if (grade > READING_GRADE_LIMIT) warnings.push({ file: 'data/guidance.yaml', field: `${id}.text`, message: tooHard(grade), severity: 'warning' });
  }
  return warnings;
}
