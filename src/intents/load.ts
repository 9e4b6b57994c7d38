import { join } from 'node:path';
import { stem, yamlFilesIn } from '../files/folder.js';
import type { Problem } from '../files/problem.js';
import { readYaml, validate, type YamlFile } from '../files/yaml-file.js';
import { nearestNames } from '../files/zod-helpers.js';
import { GUIDANCE_FILE } from '../knowledge/guidance.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { editDistance } from '../nlu/natural.js';
import { normalise } from '../nlu/normalise.js';
import { knownFields } from '../reply/fields.js';
import { placeholders } from '../reply/template.js';
import { INTENT_ROLES, type IntentRole } from './roles.js';
import { intentSchema, type Answer, type IntentFile } from './schema.js';

/** An intent as loaded, with the file it came from. */
export type Intent = IntentFile & { file: string };

/** The intent whose examples show what is out of scope, and whose reply says what the bot can help with. */
export const FALLBACK_INTENT = 'fallback' satisfies IntentRole;

/** Intents the code relies on by id (see {@link INTENT_ROLES}); every installation must have them. */
export const REQUIRED_INTENTS = Object.keys(INTENT_ROLES) as IntentRole[];

/** The numbers listed in data/contacts.yaml, longest first: the only numbers a template may hold as typed. */
function contactNumbers(knowledge: Knowledge): { number: string; id: string }[] {
  const numbers = [...knowledge.contacts].flatMap(([id, c]) => [c.number, c.text].filter((n): n is string => Boolean(n)).map((number) => ({ number, id })));
  return numbers.sort((a, b) => b.number.length - a.number.length);
}

/** The contact numbers typed into a template, longest first, each with the entry of data/contacts.yaml that holds it. */
function typedContacts(template: string, numbers: readonly { number: string; id: string }[]): { number: string; id: string }[] {
  let rest = template.replace(/\{[^{}]*\}/g, '');
  const typed: { number: string; id: string }[] = [];
  for (const n of numbers) {
    const at = new RegExp(`(?<![\\d£])${n.number}(?![\\d,.]\\d|\\d)`, 'g');
    if (at.test(rest)) {
      typed.push(n);
      rest = rest.replace(at, '');
    }
  }
  return typed;
}

/** A template's text with its {fields} and contact numbers taken out: any digit left is refused. */
function withoutFieldsAndContacts(template: string, numbers: readonly { number: string }[]): string {
  let rest = template.replace(/\{[^{}]*\}/g, '');
  for (const n of numbers) rest = rest.replace(new RegExp(`(?<!\\d)${n.number}(?!\\d)`, 'g'), '');
  return rest;
}

/**
 * Loads every `intents/*.yaml` and checks it against the data: fields named in templates exist,
 * no figure is typed into a template, and no example sits under two intents.
 */
export async function loadIntents(intentsDir: string, knowledge: Knowledge | undefined, shownAs = 'intents', dataShownAs = 'data'): Promise<{ intents: Intent[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const intents: Intent[] = [];
  const docs = new Map<string, YamlFile>();
  const listed = await yamlFilesIn(intentsDir, shownAs);
  const names = listed?.names ?? [];
  if (listed) problems.push(...listed.problems);
  else problems.push({ file: `${shownAs}/`, field: '', message: 'the intents folder is missing', severity: 'error' });
  for (const name of names) {
    const { doc, problems: parse } = await readYaml(join(intentsDir, name), `${shownAs}/${name}`);
    problems.push(...parse);
    if (!doc) continue;
    const { value, problems: invalid } = validate(doc, intentSchema);
    problems.push(...invalid);
    if (!value) continue;
    const intent: Intent = { ...value, file: doc.file };
    docs.set(intent.id, doc);
    problems.push(...checkShape(intent, doc, stem(name)));
    if (knowledge) problems.push(...checkTemplates(intent, doc, knowledge, dataShownAs));
    intents.push(intent);
  }
  problems.push(...checkAcrossIntents(intents, docs));
  for (const id of REQUIRED_INTENTS) {
    // A file that is there but broken has its own error already; this is for one deleted or renamed.
    if (names.length > 0 && !intents.some((i) => i.id === id) && !names.some((n) => stem(n) === id)) {
      problems.push({ file: `${shownAs}/${id}.yaml`, field: '', message: `the "${id}" intent is missing; the bot needs it for ${INTENT_ROLES[id]}. Restore the file from git (or undo the change to its id:).`, severity: 'error' });
    }
  }
  return { intents, problems };
}

function checkShape(intent: Intent, doc: YamlFile, fileId: string): Problem[] {
  const problems: Problem[] = [];
  const at = (path: (string | number)[], message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: doc.file, line: doc.lineOf(path), field: path.join('.'), message, severity });
  if (intent.id !== fileId) at(['id'], `the id "${intent.id}" should match the file name "${fileId}". Rename one of them.`);
  const a = intent.answer;
  if (!a.text && !a.region && !a.county && !a.most) at(['answer'], 'needs a reply: add text (for a plain answer), or region and county (for figures)');
  if (intent.danger && !intent.triggers) at(['triggers'], 'a danger intent needs trigger phrases, so that it wins over everything else');
  return problems;
}

function checkTemplates(intent: Intent, doc: YamlFile, knowledge: Knowledge, dataShownAs: string): Problem[] {
  const problems: Problem[] = [];
  const numbers = contactNumbers(knowledge);
  if (intent.metric && !knowledge.metrics.has(intent.metric)) {
    problems.push({ file: doc.file, line: doc.lineOf(['metric']), field: 'metric', message: `unknown figure "${intent.metric}" (known: ${[...knowledge.metrics.keys()].join(', ')})`, severity: 'error' });
  }
  for (const [section, templates] of Object.entries(intent.answer) as [keyof Answer, string | string[] | undefined][]) {
    if (templates === undefined) continue;
    const known = knownFields(section, knowledge);
    const list = typeof templates === 'string' ? [templates] : templates;
    list.forEach((template, i) => {
      const path = typeof templates === 'string' ? ['answer', section] : ['answer', section, i];
      const at = (message: string) => problems.push({ file: doc.file, line: doc.lineOf(path), field: path.join('.'), message, severity: 'error' });
      const brace = unbalancedBrace(template);
      if (brace) at(brace);
      for (const field of placeholders(template)) {
        if (known.includes(field)) continue;
        const missing = missingFromData(field, known, dataShownAs);
        if (missing) {
          problems.push({ file: missing.file, field, message: `is missing, but ${doc.file}:${doc.lineOf(path) ?? 1} (${path.join('.')}) uses {${field}}. If it was deleted, put it back; otherwise change that answer.`, severity: 'error' });
        } else {
          at(`unknown field "${field}". ${nearestFields(field, known)} Check the spelling inside the { }.`);
        }
      }
      // A number typed here would stay behind when data/contacts.yaml changes it.
      for (const { number, id } of typedContacts(template, numbers)) {
        at(`"${number}" is typed into the template. Contact numbers live in data/contacts.yaml only: write {contacts.${id}} instead, so a change there reaches every answer.`);
      }
      const digits = withoutFieldsAndContacts(template, numbers).match(/£?\w*\d[\w,.]*(?: \d[\d,.]*)*/g)?.map((d) => d.replace(/[.,]+$/, ''));
      if (digits) {
        at(
          `${digits.map((f) => `"${f}"`).join(', ')} ${digits.length === 1 ? 'is' : 'are'} typed into the template. Figures live in data/ only: name the field in { } instead, for example {arrests}. ` +
            `A phone number, or a name with digits in it such as Catch22, goes in data/contacts.yaml and is named here as {contacts.ID} (the number) or {contacts.ID.name}.`,
        );
      }
    });
  }
  return problems;
}

/** Where the fields of each kind of data live, for a field named in a template that is in none of them. */
const DATA_FILES: readonly { prefix: string; file: (data: string) => string }[] = [
  { prefix: 'facts.', file: (data) => `${data}/shared.yaml (or the week's file in ${data}/operations/)` },
  { prefix: 'contacts.', file: (data) => `${data}/contacts.yaml` },
  { prefix: 'guidance.', file: (data) => `${data}/${GUIDANCE_FILE}` },
];

/** How far a misspelt field may be from the one meant. */
const NEAR = 2;

/**
 * A field of the data named in a template, gone from the data with no near spelling in it: the data file is where it
 * went missing (a fact deleted), not the answer that names it.
 */
function missingFromData(field: string, known: readonly string[], dataShownAs: string): { file: string } | undefined {
  const where = DATA_FILES.find((d) => field.startsWith(d.prefix));
  if (!where || known.some((k) => editDistance(k, field) <= NEAR)) return undefined;
  return { file: where.file(dataShownAs) };
}

/** The known fields nearest a misspelt one, in a sentence: never the whole list. */
function nearestFields(field: string, known: readonly string[]): string {
  const prefix = field.includes('.') ? field.slice(0, field.indexOf('.') + 1) : '';
  // Near in spelling, or of the same kind and depth ({facts.x} for {facts.y}); the nearest three of those.
  const alike = known.filter((k) => editDistance(k, field) <= Math.max(NEAR, Math.floor(field.length / 3)) || (prefix !== '' && k.startsWith(prefix) && k.split('.').length === field.split('.').length));
  const near = nearestNames(field, alike).map((k) => `{${k}}`);
  return near.length > 0 ? `Did you mean ${near.join(' or ')}?` : `Fields of the week are such as {dates}, {ran_by} and {counties_with_figures}; figures such as {arrests}.`;
}

/** A { without its }, a } without its {, or a { inside another: the template would reach the public as typed. */
export function unbalancedBrace(template: string): string | undefined {
  let open = -1;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '{') {
      if (open >= 0) break;
      open = i;
    } else if (c === '}') {
      if (open < 0) return `"${snippet(template, i, -1)}" has a } with no { before it. Field names go inside both: {arrests}. Remove the } or add the {.`;
      open = -1;
    }
  }
  if (open < 0) return undefined;
  const name = /^\{\s*([a-z_][\w.]*)/i.exec(template.slice(open))?.[1];
  return `"${snippet(template, open, 1)}" opens a { that is not closed. Close the field name with }${name ? `: {${name}}` : ''}.`;
}

/** Up to 25 characters of a template from (or up to) position `at`, on one line. */
function snippet(template: string, at: number, direction: 1 | -1): string {
  const text = direction === 1 ? template.slice(at, at + 25) : template.slice(Math.max(0, at - 24), at + 1);
  return text.replace(/\s+/g, ' ');
}

function checkAcrossIntents(intents: Intent[], docs: Map<string, YamlFile>): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, { intent: Intent; i: number }>();
  const ids = new Map<string, Intent>();
  const metrics = new Map<string, Intent>();
  for (const intent of intents) {
    const sameMetric = intent.metric && metrics.get(intent.metric);
    if (sameMetric) {
      problems.push({
        file: intent.file,
        line: docs.get(intent.id)?.lineOf(['metric']),
        field: 'metric',
        message: `"${intent.metric}" is already the metric of ${sameMetric.file}. Each figure belongs to one intent (the one that answers "what about Kent?" about it): remove metric: here, or pick another figure.`,
        severity: 'error',
      });
    } else if (intent.metric) metrics.set(intent.metric, intent);
    const first = ids.get(intent.id);
    if (first) problems.push({ file: intent.file, field: 'id', message: `the id "${intent.id}" is also used by ${first.file}`, severity: 'error' });
    ids.set(intent.id, intent);
    intent.examples.forEach((example, i) => {
      const key = normalise(example);
      const seen = owner.get(key);
      if (seen && seen.intent.id !== intent.id) {
        // Lines are found only for a problem: finding one reads the file again, keeping where each value is.
        problems.push({ file: intent.file, line: docs.get(intent.id)?.lineOf(['examples', i]), field: `examples.${i}`, message: `"${example}" is also an example under "${seen.intent.id}" (${seen.intent.file}). Keep it under one intent only.`, severity: 'error' });
      } else if (!seen) owner.set(key, { intent, i });
    });
  }
  for (const intent of intents) {
    for (const [speaker, target] of Object.entries(intent.speakers ?? {})) {
      const to = ids.get(target);
      const line = !to || to.danger || to.speakers?.[speaker as keyof typeof to.speakers] ? docs.get(intent.id)?.lineOf(['speakers', speaker]) : undefined;
      if (!to) problems.push({ file: intent.file, line, field: `speakers.${speaker}`, message: `"${target}" is not an intent id: use the id: of a file in the intents folder`, severity: 'error' });
      else if (to.danger || to.speakers?.[speaker as keyof typeof to.speakers]) problems.push({ file: intent.file, line, field: `speakers.${speaker}`, message: `"${target}" is a danger intent or sends ${speaker} on again; send this speaker to an intent that answers them`, severity: 'error' });
    }
    intent.tests.forEach((test, i) => {
      const seen = owner.get(normalise(test));
      if (seen) {
        problems.push({ file: intent.file, line: docs.get(intent.id)?.lineOf(['tests', i]), field: `tests.${i}`, message: `"${test}" is also a training example (${seen.intent.file}); test phrases must be new wording, or the test proves nothing`, severity: 'error' });
      }
    });
  }
  return problems;
}
