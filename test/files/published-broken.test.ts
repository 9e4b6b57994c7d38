import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAll, PROJECT_ROOT } from '../../src/engine/load-engine.js';
import { formatProblem } from '../../src/files/problem.js';
import { INTENT_ROLES } from '../../src/intents/roles.js';
import { answerSchema, intentSchema } from '../../src/intents/schema.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';

const OPERATION = 'data/operations/2022-03-ersou-week-of-action.yaml';

describe('npm run check catches what would be published broken', () => {
  let ws: Workspace;
  beforeEach(async () => (ws = await copyWorkspace()));
  afterEach(() => ws.remove());

  const check = async () => {
    const { problems, intents } = await checkAll({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
    return { text: problems.map(formatProblem).join('\n'), errors: problems.filter((p) => p.severity === 'error').map(formatProblem), intents };
  };

  // Before: an unclosed {arrests was published to the public as typed.
  it.each([
    ['an unclosed {', 'In {county}, {arrests people', /answer\.county: "\{arrests people.*" opens a \{ that is not closed\. Close the field name with \}: \{arrests\}/],
    ['a } with no {', 'In {county}, arrests} people', /answer\.county: ".*arrests\}" has a \} with no \{ before it/],
    ['a { inside a field', 'In {county, {arrests} people', /answer\.county: "\{county, \{arrests\} peop.*" opens a \{ that is not closed\. Close the field name with \}: \{county\}/],
  ])('should refuse %s in a template', async (_name, template, message) => {
    await ws.edit('intents/arrests.yaml', (t) => t.replace('In {county}, {arrests} people', template));
    expect((await check()).text).toMatch(message);
  });

  // Before: .txt files were ignored without a word.
  it.each([
    ['intents/road_safety.txt', 'intents/road_safety.txt: road_safety.txt is not read: the bot reads only .yaml files. If it should be read, rename it to road_safety.yaml'],
    ['data/operations/2022-10-week.txt', 'data/operations/2022-10-week.txt: 2022-10-week.txt is not read'],
    ['data/notes.docx', 'data/notes.docx: notes.docx is not read'],
  ])('should name %s, which the bot would not read', async (path, message) => {
    await ws.write(path, 'id: x\n');
    expect((await check()).errors.join('\n')).toContain(message);
  });

  // Before: two answers typed 0800 555 111, which a change in data/contacts.yaml would have left behind.
  it.each([
    ['Call Crimestoppers on 0800 555 111.', '"0800 555 111" is typed into the template. Contact numbers live in data/contacts.yaml only: write {contacts.crimestoppers} instead'],
    ['Ring 101, or 999 in danger.', 'write {contacts.police} instead'],
  ])('should refuse a contact number typed into a template: %s', async (typed, message) => {
    await ws.edit('intents/thanks.yaml', (t) => t.replace(/^  text: .*$/m, `  text: "${typed}"`));
    const { errors } = await check();
    expect(errors.join('\n')).toContain(message);
  });

  // Before: "Invalid input: expected boolean, received string", "it is a object".
  it.each([
    ['intents/thanks.yaml', (t: string) => t.replace(/^id: thanks$/m, 'id: thanks\ndanger: yes please'), 'danger: should be true or false, but it is the text "yes please"'],
    ['intents/thanks.yaml', (t: string) => t.replace(/^tests:$/m, 'tests:\n  a: b\nold_tests:'), 'tests: should be a list of test questions (each line starting "- "), but it is a set of fields (name: value)'],
    [OPERATION, (t: string) => t.replace(/^counties:$/m, 'counties: []\nold_counties:'), 'counties: should be a set of fields (name: value), but it is a list'],
    ['data/metrics.yaml', (t: string) => t.replace('unit: count', 'unit: 5'), 'arrests.unit: should be count or gbp'],
  ])('should word a schema problem in %s plainly', async (path, edit, message) => {
    await ws.edit(path, edit);
    const { text } = await check();
    expect(text).toContain(message);
    expect(text).not.toMatch(/Invalid input|expected \w+, received|\ba object\b/);
  });

  // Before: a deleted fact was blamed on the answer using it, with a list of 150 field names.
  it('should blame a deleted fact on the data, naming the answer that uses it and no list of fields', async () => {
    await ws.edit('data/shared.yaml', (t) => t.replace(/^  definition: >-\n(    .*\n)+/m, ''));
    await ws.edit(OPERATION, (t) => t.replace(/^  definition: .*\n(    .*\n)*/m, ''));
    const { errors } = await check();
    expect(errors).toEqual([
      expect.stringMatching(/^data\/shared\.yaml \(or the week's file in data\/operations\/\): facts\.definition: is missing, but intents\/what_is_county_lines\.yaml:\d+ \(answer\.text\) uses \{facts\.definition\}\. If it was deleted, put it back; otherwise change that answer\.$/),
    ]);
  });

  it('should name only the nearest fields for a misspelt one', async () => {
    await ws.edit('intents/what_is_county_lines.yaml', (t) => t.replace('{facts.definition}', '{facts.defintion}'));
    const { errors } = await check();
    expect(errors.join('\n')).toMatch(/unknown field "facts\.defintion"\. Did you mean \{facts\.definition\}/);
    expect(errors.join('\n').length).toBeLessThan(400);
  });

  // Before: a misspelt list of words: named all 70 it knows.
  it('should name only the nearest known names for a misspelt one among many', async () => {
    await ws.edit('data/lang/en.yaml', (t) => t.replace(/^  relatives: /m, '  relativs: '));
    const { errors } = await check();
    const line = errors.find((e) => e.includes('"relativs"'))!;
    expect(line).toMatch(/unknown field "relativs" \(nearest known: relatives, [a-z_]+, [a-z_]+\)/);
    expect(line.length).toBeLessThan(250);
  });

  // Before: an editor's when.yaml~ blocked every reload, and the advice ("rename it to when.yaml") would have
  // overwritten the real file.
  it.each(['intents/when.yaml~', 'intents/when.yaml.bak', 'intents/when.yaml.swp', 'intents/#when.yaml#', 'intents/.#when.yaml', 'data/operations/week.yaml.orig'])(
    'should skip the editor\'s leftover %s with one line of notice, and no error',
    async (path) => {
      await ws.write(path, 'id: [broken\n');
      const { text, errors } = await check();
      expect(errors).toEqual([]);
      if (!path.includes('/.')) expect(text.split('\n').filter((l) => l.startsWith(path))).toEqual([`${path}: warning: skipped: an editor's backup or lock file. The bot reads the real file beside it; you can delete this one.`]);
      expect(text).not.toContain('rename it');
    },
  );

  // Before: 44.5 arrests was accepted and said to the public.
  it('should refuse a count that is not a whole number, on its line', async () => {
    await ws.edit(OPERATION, (t) => t.replace('arrests: { value: 28 }', 'arrests: { value: 28.5 }'));
    const line = (await readFile(join(ws.root, OPERATION), 'utf8')).split('\n').findIndex((l) => l.includes('28.5')) + 1;
    expect((await check()).errors).toEqual([`${OPERATION}:${line}: counties.kent.arrests.value: 28.5 is not a whole number, but arrests are counted. Check the figure against the release.`]);
  });

  // Before: the parser's line, one after the slip.
  it.each([
    ['a { left open', (t: string) => t.replace('arrests: { value: 28 }', 'arrests: { value: 28')],
    ['a line indented out of step', (t: string) => t.replace('    arrests: { value: 28 }', '      arrests: { value: 28 }')],
  ])('should point at the line to fix after %s', async (_name, edit) => {
    await ws.edit(OPERATION, edit);
    const line = (await readFile(join(ws.root, OPERATION), 'utf8')).split('\n').findIndex((l) => /arrests: \{ value: 28( \})?$/.test(l)) + 1;
    expect((await check()).errors).toEqual([expect.stringMatching(new RegExp(`^${OPERATION}:${line}: the file is not valid YAML`))]);
  });

  it('should leave hidden files and notes alone', async () => {
    await ws.write('intents/.gitkeep', '');
    await ws.write('data/README.md', '# notes\n');
    expect((await check()).errors).toEqual([]);
  });

  // Before: greeting.YAML was ignored without a word, so /start gave the fallback.
  it('should read a .YAML or .yml file like a .yaml one', async () => {
    await rename(join(ws.intentsDir, 'greeting.yaml'), join(ws.intentsDir, 'greeting.YAML'));
    await rename(join(ws.intentsDir, 'thanks.yaml'), join(ws.intentsDir, 'thanks.yml'));
    const { errors, intents } = await check();
    expect(errors).toEqual([]);
    expect(intents.map((i) => i.id)).toEqual(expect.arrayContaining(['greeting', 'thanks']));
  });

  // Before: a file saved as Windows-1252 was published with broken characters.
  it('should refuse a file saved as Windows-1252, naming the encoding and the line', async () => {
    const text = await readFile(join(ws.intentsDir, 'thanks.yaml'), 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  - '));
    // ’ is the byte 0x92 in Windows-1252; the rest of the file is plain ASCII, the same in both.
    const before = `${lines.slice(0, at).join('\n')}\n  - thats great, cheers `;
    const after = `preciate it\n${lines.slice(at + 1).join('\n')}`;
    await writeFile(join(ws.intentsDir, 'thanks.yaml'), Buffer.concat([Buffer.from(before), Buffer.from([0x92]), Buffer.from(after)]));
    expect((await check()).errors.join('\n')).toContain(`intents/thanks.yaml:${at + 1}: the file is saved as Windows-1252 (or another encoding), not UTF-8`);
  });

  it('should refuse a file saved as UTF-16', async () => {
    const text = await readFile(join(ws.dataDir, 'words.yaml'), 'utf8');
    await writeFile(join(ws.dataDir, 'words.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect((await check()).errors.join('\n')).toContain('data/words.yaml:1: the file is saved as UTF-16');
  });

  // Before: only fallback, emergency and help were checked; with no greeting.yaml, /start gave the fallback.
  it.each(Object.keys(INTENT_ROLES))('should refuse a set of intents without "%s", saying what needs it', async (id) => {
    await rm(join(ws.intentsDir, `${id}.yaml`));
    const errors = (await check()).errors.join('\n');
    expect(errors).toContain(`intents/${id}.yaml: the "${id}" intent is missing; the bot needs it for ${INTENT_ROLES[id as keyof typeof INTENT_ROLES]}`);
  });

  // Before: two intents with the same metric: passed.
  it('should refuse two intents with the same metric', async () => {
    await ws.edit('intents/weapons.yaml', (t) => t.replace('metric: knives', 'metric: arrests'));
    expect((await check()).errors.join('\n')).toMatch(/intents\/weapons\.yaml:\d+: metric: "arrests" is already the metric of intents\/arrests\.yaml/);
  });
});

// Before: parser jargon such as "Implicit keys need to be on a single line", 'unknown field "0"' and
// "Invalid key in record" was all a member of staff saw.
describe('plain words for common slips', () => {
  let ws: Workspace;
  beforeEach(async () => (ws = await copyWorkspace()));
  afterEach(() => ws.remove());

  const JARGON = /Implicit keys|Invalid key in record|unknown field "0"|Nested mappings|All mapping items|Tabs are not allowed/;

  it.each([
    ['curly quotes', 'intents/how_to_report.yaml', (t: string) => t.replace('  - how do i report drug dealing\n', '  - “how do i report drug dealing”\n'), /intents\/how_to_report\.yaml:\d+: the text is in curly quotes “ ”.*Type straight quotes instead: "how do i report drug dealing"/],
    ['curly quotes around text with a colon', 'intents/how_to_report.yaml', (t: string) => t.replace('  - how do i report drug dealing\n', '  - “who do i call: police or crimestoppers”\n'), /intents\/how_to_report\.yaml:\d+: the text is in curly quotes/],
    ['a missing colon', OPERATION, (t: string) => t.replace('published: 2022-03-18', 'published 2022-03-18'), /week-of-action\.yaml:12: the file is not valid YAML: "published 2022-03-18" has no colon after its name\. Type published: 2022-03-18/],
    ['a thousands comma in { }', OPERATION, (t: string) => t.replace('{ value: 150000, qualifier: more_than }', '{ value: 150,000, qualifier: more_than }'), /week-of-action\.yaml:\d+: write the number without commas: value: 150000 \(not 150,000\)/],
    ['a thousands comma', OPERATION, (t: string) => t.replace('value: 11000 }', 'value: 11,000 }'), /write the number without commas: value: 11000 \(not 11,000\)/],
    ['a capitalised county', OPERATION, (t: string) => t.replace('  essex:\n', '  Essex:\n'), /week-of-action\.yaml:\d+: counties\.Essex: "Essex" cannot be used as a name here: names are written in lower case.*Type essex: instead/],
    ['a capitalised field', OPERATION, (t: string) => t.replace('published: 2022-03-18', 'Published: 2022-03-18'), /unknown field "Published".*Names are written in lower case: type published: instead/],
    ['a tab', OPERATION, (t: string) => t.replace('  kent:\n    arrests', '  kent:\n\tarrests'), /week-of-action\.yaml:\d+: this line is indented with a tab\. YAML needs spaces/],
  ])('should explain %s with the line and what to type', async (_name, file, edit, message) => {
    await ws.edit(file, edit);
    const errors = (await checkAll({ dataDir: ws.dataDir, intentsDir: ws.intentsDir })).problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors.join('\n')).toMatch(message);
    expect(errors.join('\n')).not.toMatch(JARGON);
    for (const e of errors) expect(e).toMatch(/^[^:]+\.yaml:\d+: /);
    expect(errors.length).toBeLessThanOrEqual(2);
  });
});

describe('the staff guide', () => {
  // Every field of an intent file is explained in docs/editing-intents.md.
  it.each([...Object.keys(intentSchema.shape), ...Object.keys(answerSchema.shape)])('should explain `%s:`', async (key) => {
    const guide = await readFile(resolve(PROJECT_ROOT, 'docs/editing-intents.md'), 'utf8');
    expect(guide).toContain(`\`${key}:\``);
  });
});

describe('INTENT_ROLES', () => {
  // The table must name every intent the code refers to by id.
  it('should list every intent id named in the code', async () => {
    const ids = (await readdir(resolve(PROJECT_ROOT, 'intents'))).map((f) => f.replace(/\.yaml$/, ''));
    const sources: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await readdir(dir, { withFileTypes: true })) {
        if (e.isDirectory()) await walk(join(dir, e.name));
        else if (e.name.endsWith('.ts') && !/roles\.ts$|evaluation/.test(join(dir, e.name))) sources.push(await readFile(join(dir, e.name), 'utf8'));
      }
    };
    await walk(resolve(PROJECT_ROOT, 'src/bot'));
    await walk(resolve(PROJECT_ROOT, 'src/engine'));
    // Where the code names an intent: answerTopic('x'), topic(ctx, 'x'), byId.get('x'), { intent: 'x' } and topic tables { key: 'x' }.
    const uses = sources.flatMap((s) => [...s.matchAll(/(?:answerTopic\(|topic\(ctx,\s*|byId\.get\(|:\s*)['"`](\w+)['"`]/g)].map((m) => m[1]!));
    const named = ids.filter((id) => uses.includes(id));
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((id) => !(id in INTENT_ROLES))).toEqual([]);
  });
});

describe('the version of the files in service', () => {
  let ws: Workspace;
  beforeEach(async () => (ws = await copyWorkspace()));
  afterEach(() => ws.remove());

  // A .YAML file is read, so an edit to it must change the version that /status shows.
  it('should change when a .YAML file changes', async () => {
    const { filesVersion } = await import('../../src/reload/version.js');
    await rename(join(ws.intentsDir, 'greeting.yaml'), join(ws.intentsDir, 'greeting.YAML'));
    const before = await filesVersion([ws.dataDir, ws.intentsDir], ws.root);
    await ws.edit('intents/greeting.YAML', (t) => t.replace('examples:\n', 'examples:\n  - hiya there\n'));
    expect(await filesVersion([ws.dataDir, ws.intentsDir], ws.root)).not.toBe(before);
  });
});
