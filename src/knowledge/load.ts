import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { yamlFilesIn } from '../files/folder.js';
import type { Problem } from '../files/problem.js';
import { readYaml, validate, type YamlFile } from '../files/yaml-file.js';
import { GUIDANCE_FILE, loadGuidance } from './guidance.js';
import { LANGUAGES_FOLDER, loadLanguages } from './languages.js';
import { REQUIRED_CONTACTS, type Knowledge, type Operation } from './knowledge.js';
import {
  contactsFileSchema,
  facetsFileSchema,
  metricsFileSchema,
  sharedSchema,
  operationSchema,
  placesFileSchema,
  pleasantriesFileSchema,
  wordsFileSchema,
  type Contact,
  type Figure,
  type MetricDef,
  type Place,
} from './schema.js';

/** Loads and cross-checks everything under `data/`. Returns every problem found, not only the first. */
export async function loadKnowledge(dataDir: string, shownAs = 'data'): Promise<{ knowledge?: Knowledge; problems: Problem[] }> {
  const problems: Problem[] = [];
  const load = async <T>(name: string, schema: Parameters<typeof validate<T>>[1]) => {
    const { doc, problems: parse } = await readYaml(join(dataDir, name), `${shownAs}/${name}`);
    problems.push(...parse);
    if (!doc) return {};
    const { value, problems: invalid } = validate(doc, schema);
    problems.push(...invalid);
    return { doc, value };
  };

  // Optional: without it, no greeting is skipped before a question is read.
  const pleasantriesFile: { value?: Record<string, string[]> } = (await exists(join(dataDir, 'pleasantries.yaml'))) ? await load('pleasantries.yaml', pleasantriesFileSchema) : {};
  const pleasantries = [...new Set(Object.values(pleasantriesFile.value ?? {}).flat())];
  const metrics = (await load('metrics.yaml', metricsFileSchema)).value;
  const placesFile = await load('places.yaml', placesFileSchema);
  const places = placesFile.value;
  if (placesFile.doc && places) problems.push(...checkPlaceNames(placesFile.doc, places));
  const wordsFile = await load('words.yaml', wordsFileSchema);
  const words = wordsFile.doc && wordsFile.value ? indexWords(wordsFile.doc, wordsFile.value, problems) : new Map<string, string>();
  const contactsFile = await load('contacts.yaml', contactsFileSchema);
  const contacts = contactsFile.value;
  if (contactsFile.doc && contacts) problems.push(...requiredContacts(contactsFile.doc, contacts));

  const hasFacets = await access(join(dataDir, 'facets.yaml')).then(() => true, () => false);
  const facets = hasFacets ? (await load('facets.yaml', facetsFileSchema)).value : {};
  if (facets && metrics) {
    for (const [key, facet] of Object.entries(facets)) {
      if (facet.nearest && !metrics[facet.nearest]) {
        problems.push({ file: `${shownAs}/facets.yaml`, field: `${key}.nearest`, message: `unknown figure "${facet.nearest}" (known: ${Object.keys(metrics).join(', ')}). Check the spelling.`, severity: 'error' });
      }
    }
  }

  const guidanceFile = await loadGuidance(join(dataDir, GUIDANCE_FILE), `${shownAs}/${GUIDANCE_FILE}`);
  problems.push(...guidanceFile.problems);

  const languagesFile = await loadLanguages(dataDir, shownAs);
  problems.push(...languagesFile.problems);

  const shared = (await load('shared.yaml', sharedSchema)).value;
  const sharedFacts = shared?.facts ?? {};

  // Other files in data/ would be ignored without a word: name them. (Subfolders other than operations/ are left alone.)
  problems.push(...((await yamlFilesIn(dataDir, shownAs, ['operations', LANGUAGES_FOLDER]))?.problems.filter((p) => p.severity === 'error') ?? []));
  const operations: Operation[] = [];
  const listed = await yamlFilesIn(join(dataDir, 'operations'), `${shownAs}/operations`);
  const entries = listed?.names ?? [];
  problems.push(...(listed?.problems ?? []));
  for (const name of entries) {
    const { doc, value } = await load(`operations/${name}`, operationSchema);
    if (!doc || !value) continue;
    const op: Operation = { ...value, facts: { ...sharedFacts, ...value.facts }, ownFacts: value.facts, file: doc.file };
    if (metrics && places) problems.push(...crossCheckOperation(op, doc, metrics, places));
    operations.push(op);
  }
  if (entries.length === 0) {
    problems.push({ file: `${shownAs}/operations/`, field: '', message: 'no operation file found: add one .yaml file per week of action', severity: 'error' });
  }
  problems.push(...duplicateIds(operations));

  if (problems.some((p) => p.severity === 'error') || !metrics || !places || !contacts || !shared || !guidanceFile.guidance || !facets || !languagesFile.languages) return { problems };
  operations.sort((a, b) => b.end.localeCompare(a.end) || b.published.localeCompare(a.published));
  return {
    knowledge: {
      metrics: new Map(Object.entries(metrics)),
      places: new Map(Object.entries(places)),
      operations,
      words,
      contacts: new Map(Object.entries(contacts)),
      sharedFacts,
      guidance: guidanceFile.guidance,
      facets: new Map(Object.entries(facets)),
      pleasantries,
      languages: languagesFile.languages,
    },
    problems,
  };
}

/** The footer of every reply is built from these entries, so a contacts file without them is refused. */
function requiredContacts(doc: YamlFile, contacts: Record<string, Contact>): Problem[] {
  const problems: Problem[] = [];
  for (const [id, number] of Object.entries(REQUIRED_CONTACTS) as [string, string | undefined][]) {
    const contact = contacts[id];
    const at = (message: string) => problems.push({ file: doc.file, line: doc.lineOf([id]), field: contact ? `${id}.number` : id, message, severity: 'error' });
    if (!contact) at(`the "${id}" entry is missing. Every reply ends with 999, 101 and Crimestoppers, so emergency, police and crimestoppers must all be here: restore it from git.`);
    else if (!contact.number) at(`"${id}" needs a number:, because every reply's footer gives it`);
    else if (number && contact.number !== number) at(`"${id}" must be ${number}, not ${contact.number}`);
  }
  return problems;
}

function indexWords(doc: YamlFile, file: Record<string, string[]>, problems: Problem[]): Map<string, string> {
  const words = new Map<string, string>();
  for (const [plain, typed] of Object.entries(file)) {
    typed.forEach((form, i) => {
      const key = form.toLowerCase();
      const already = words.get(key);
      if (already && already !== plain) {
        problems.push({
          file: doc.file,
          line: doc.lineOf([plain, i]),
          field: `${plain}.${i}`,
          message: `"${form}" is also listed under "${already}". Keep it under one plain word only.`,
          severity: 'error',
        });
      }
      words.set(key, plain);
    });
  }
  return words;
}

function crossCheckOperation(op: Operation, doc: YamlFile, metrics: Record<string, MetricDef>, places: Record<string, Place>): Problem[] {
  const problems: Problem[] = [];
  const known = Object.keys(metrics).join(', ');
  const unknownMetric = (path: string[], name: string) =>
    problems.push({
      file: doc.file,
      line: doc.lineOf(path),
      field: path.join('.'),
      message: `unknown figure "${name}" (known: ${known}). Check the spelling, or add it to data/metrics.yaml first.`,
      severity: 'error',
    });
  // A count of people or things is a whole number: 44.5 arrests is a slip, and would be said to the public.
  const wholeCount = (path: string[], metric: string, figure: Figure) => {
    if (metrics[metric]?.unit !== 'count' || Number.isInteger(figure.value)) return;
    problems.push({
      file: doc.file,
      line: doc.lineOf([...path, 'value']),
      field: [...path, 'value'].join('.'),
      message: `${figure.value} is not a whole number, but ${metrics[metric]!.label} are counted. Check the figure against the release.`,
      severity: 'error',
    });
  };
  for (const [metric, figure] of Object.entries(op.region)) wholeCount(['region', metric], metric, figure);
  for (const [place, figures] of Object.entries(op.counties)) for (const [metric, figure] of Object.entries(figures)) wholeCount(['counties', place, metric], metric, figure);
  for (const metric of Object.keys(op.region)) if (!metrics[metric]) unknownMetric(['region', metric], metric);
  for (const [place, figures] of Object.entries(op.counties)) {
    if (!places[place]) {
      problems.push({
        file: doc.file,
        line: doc.lineOf(['counties', place]),
        field: `counties.${place}`,
        message: `unknown county "${place}" (known: ${Object.keys(places).join(', ')}). Check the spelling, or add it to data/places.yaml first.`,
        severity: 'error',
      });
    }
    for (const metric of Object.keys(figures)) if (!metrics[metric]) unknownMetric(['counties', place, metric], metric);
  }
  if (op.start > op.end) {
    problems.push({ file: doc.file, line: doc.lineOf(['end']), field: 'end', message: `the end date ${op.end} is before the start date ${op.start}`, severity: 'error' });
  }
  if (op.published < op.end) {
    problems.push({ file: doc.file, line: doc.lineOf(['published']), field: 'published', message: `the publication date ${op.published} is before the operation ended (${op.end})`, severity: 'error' });
  }
  return problems;
}

/** A name (alias or town) may point to one place only, or "in Bedford" could mean two counties. */
function checkPlaceNames(doc: YamlFile, places: Record<string, Place>): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  for (const [key, place] of Object.entries(places)) {
    const names: [string, (string | number)[]][] = [
      [place.name, [key, 'name']],
      ...place.aliases.map((a, i): [string, (string | number)[]] => [a, [key, 'aliases', i]]),
      ...(place.towns ?? []).map((t, i): [string, (string | number)[]] => [t, [key, 'towns', i]]),
      ...(place.ambiguous_towns ?? []).map((t, i): [string, (string | number)[]] => [t, [key, 'ambiguous_towns', i]]),
    ];
    for (const [name, path] of names) {
      const norm = name.toLowerCase().trim();
      const first = owner.get(norm);
      if (first && first !== key) {
        problems.push({ file: doc.file, line: doc.lineOf(path), field: path.join('.'), message: `"${name}" is also listed under "${first}". A name can point to one place only: keep it under one of them.`, severity: 'error' });
      } else owner.set(norm, key);
    }
  }
  return problems;
}

function duplicateIds(operations: Operation[]): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const op of operations) {
    const first = seen.get(op.id);
    if (first) problems.push({ file: op.file, field: 'id', message: `the id "${op.id}" is already used by ${first}. Give each operation its own id.`, severity: 'error' });
    else seen.set(op.id, op.file);
  }
  return problems;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
