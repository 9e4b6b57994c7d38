import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Problem } from '../files/problem.js';
import { readYaml, validate, type YamlFile } from '../files/yaml-file.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { normalise } from '../nlu/normalise.js';
import { knownFields } from '../reply/fields.js';
import { placeholders } from '../reply/template.js';
import { intentSchema, type Answer, type IntentFile } from './schema.js';

/** An intent as loaded, with the file it came from. */
export type Intent = IntentFile & { file: string };

/** The intent whose examples show what is out of scope, and whose reply says what the bot can help with. */
export const FALLBACK_INTENT = 'fallback';

/** Intents the engine relies on; every installation must have them. */
export const REQUIRED_INTENTS = [FALLBACK_INTENT, 'emergency', 'help'] as const;

/** The numbers listed in data/contacts.yaml, longest first: the only numbers a template may hold as typed. */
function contactNumbers(knowledge: Knowledge): string[] {
  const numbers = [...knowledge.contacts.values()].flatMap((c) => [c.number, c.text]).filter((n): n is string => Boolean(n));
  return [...new Set(numbers)].sort((a, b) => b.length - a.length);
}

/** A template's text with its {fields} and contact numbers taken out: any digit left is refused. */
function withoutFieldsAndContacts(template: string, numbers: readonly string[]): string {
  let rest = template.replace(/\{[^{}]*\}/g, '');
  for (const n of numbers) rest = rest.replace(new RegExp(`(?<!\\d)${n}(?!\\d)`, 'g'), '');
  return rest;
}

/**
 * Loads every `intents/*.yaml` and checks it against the data: fields named in templates exist,
 * no figure is typed into a template, and no example sits under two intents.
 */
export async function loadIntents(intentsDir: string, knowledge: Knowledge | undefined, shownAs = 'intents'): Promise<{ intents: Intent[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const intents: Intent[] = [];
  const docs = new Map<string, YamlFile>();
  let names: string[] = [];
  try {
    names = (await readdir(intentsDir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    problems.push({ file: `${shownAs}/`, field: '', message: 'the intents folder is missing', severity: 'error' });
  }
  for (const name of names) {
    const { doc, problems: parse } = await readYaml(join(intentsDir, name), `${shownAs}/${name}`);
    problems.push(...parse);
    if (!doc) continue;
    const { value, problems: invalid } = validate(doc, intentSchema);
    problems.push(...invalid);
    if (!value) continue;
    const intent: Intent = { ...value, file: doc.file };
    docs.set(intent.id, doc);
    problems.push(...checkShape(intent, doc, basename(name).replace(/\.ya?ml$/, '')));
    if (knowledge) problems.push(...checkTemplates(intent, doc, knowledge));
    intents.push(intent);
  }
  problems.push(...checkAcrossIntents(intents, docs));
  for (const id of REQUIRED_INTENTS) {
    if (names.length > 0 && !intents.some((i) => i.id === id)) {
      problems.push({ file: `${shownAs}/${id}.yaml`, field: '', message: `the "${id}" intent is missing; the bot needs it. Restore the file from git.`, severity: 'error' });
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

function checkTemplates(intent: Intent, doc: YamlFile, knowledge: Knowledge): Problem[] {
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
      for (const field of placeholders(template)) {
        if (!known.includes(field)) at(`unknown field "${field}" (known: ${known.join(', ')}). Check the spelling inside the { }.`);
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

function checkAcrossIntents(intents: Intent[], docs: Map<string, YamlFile>): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, { intent: Intent; i: number }>();
  const ids = new Map<string, Intent>();
  for (const intent of intents) {
    const first = ids.get(intent.id);
    if (first) problems.push({ file: intent.file, field: 'id', message: `the id "${intent.id}" is also used by ${first.file}`, severity: 'error' });
    ids.set(intent.id, intent);
    intent.examples.forEach((example, i) => {
      const key = normalise(example);
      const seen = owner.get(key);
      const line = docs.get(intent.id)?.lineOf(['examples', i]);
      if (seen && seen.intent.id !== intent.id) {
        problems.push({ file: intent.file, line, field: `examples.${i}`, message: `"${example}" is also an example under "${seen.intent.id}" (${seen.intent.file}). Keep it under one intent only.`, severity: 'error' });
      } else if (!seen) owner.set(key, { intent, i });
    });
  }
  for (const intent of intents) {
    intent.tests.forEach((test, i) => {
      const seen = owner.get(normalise(test));
      if (seen) {
        problems.push({ file: intent.file, line: docs.get(intent.id)?.lineOf(['tests', i]), field: `tests.${i}`, message: `"${test}" is also a training example (${seen.intent.file}); test phrases must be new wording, or the test proves nothing`, severity: 'error' });
      }
    });
  }
  return problems;
}
