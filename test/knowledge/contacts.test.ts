import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/files/problem.js';
import { loadIntents } from '../../src/intents/load.js';
import { latestOperation } from '../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { isUkNumber } from '../../src/knowledge/schema.js';
import { operationLookup } from '../../src/reply/fields.js';
import { fill } from '../../src/reply/template.js';
import { copyWorkspace, type Workspace } from '../helpers/fixtures.js';

const CONTACTS = 'data/contacts.yaml';

describe('isUkNumber', () => {
  it.each(['999', '101', '116 123', '85258', '0800 1111', '0800 555 111', '020 7946 0000', '0808 800 5000'])('should accept %s', (n) => {
    expect(isUkNumber(n)).toBe(true);
  });
  it.each(['0800-555-111', '+44 800 555 111', '(0800) 555 111', '0800  555 111', '800555111', '12', '0800 55', 'call 101', ''])('should refuse %s', (n) => {
    expect(isUkNumber(n)).toBe(false);
  });
});

describe('data/contacts.yaml', () => {
  let ws: Workspace;
  beforeEach(async () => (ws = await copyWorkspace()));
  afterEach(() => ws.remove());

  const errors = async () => (await loadKnowledge(ws.dataDir)).problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n');

  it('should load the three contacts every footer needs, each with a source', async () => {
    const { knowledge } = await loadKnowledge(ws.dataDir);
    const contacts = knowledge!.contacts;
    expect(contacts.get('emergency')?.number).toBe('999');
    expect(contacts.get('police')?.number).toBe('101');
    expect(contacts.get('crimestoppers')).toMatchObject({ name: 'Crimestoppers', number: '0800 555 111' });
    for (const c of contacts.values()) expect(c.source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  // The footer is built from these entries, so none may go missing.
  it.each([
    ['crimestoppers', /^crimestoppers:\n(?: {2}.*\n|\n)*/m],
    ['police', /^police:\n(?: {2}.*\n|\n)*/m],
    ['emergency', /^emergency:\n(?: {2}.*\n|\n)*/m],
  ])('should refuse a contacts file without %s', async (id, entry) => {
    await ws.edit(CONTACTS, (t) => t.replace(entry, ''));
    expect(await errors()).toMatch(new RegExp(`data/contacts\\.yaml(:\\d+)?: ${id}: the "${id}" entry is missing`));
  });

  it('should refuse 101 changed to another number', async () => {
    await ws.edit(CONTACTS, (t) => t.replace('number: "101"', 'number: "102"'));
    expect(await errors()).toMatch(/data\/contacts\.yaml:\d+: police\.number: "police" must be 101, not 102/);
  });

  it('should refuse a number not written as it is dialled, naming the line', async () => {
    await ws.edit(CONTACTS, (t) => t.replace('number: 0800 555 111', 'number: 0800-555-111'));
    expect(await errors()).toMatch(/data\/contacts\.yaml:\d+: crimestoppers\.number: "0800-555-111" is not a UK phone number as it is dialled/);
  });

  it('should refuse an entry without a source', async () => {
    await ws.write(CONTACTS, `${await import('node:fs/promises').then((fs) => fs.readFile(`${ws.dataDir}/contacts.yaml`, 'utf8'))}\nsome_helpline:\n  name: Some helpline\n  number: 0800 1111\n`);
    expect(await errors()).toMatch(/data\/contacts\.yaml:\d+: some_helpline\.source: /);
  });

  it('should report a missing contacts file', async () => {
    const { rm } = await import('node:fs/promises');
    await rm(`${ws.dataDir}/contacts.yaml`);
    expect(await errors()).toContain('data/contacts.yaml: the file is missing');
  });

  it('should fill {contacts.ID} with the number and {contacts.ID.name|web|about} with those parts', async () => {
    const { knowledge } = await loadKnowledge(ws.dataDir);
    const lookup = operationLookup(latestOperation(knowledge!), knowledge!);
    expect(fill('Call {contacts.crimestoppers.name} on {contacts.crimestoppers}.', lookup)).toBe('Call Crimestoppers on 0800 555 111.');
    expect(fill('{contacts.crimestoppers.web}', lookup)).toBe('https://crimestoppers-uk.org');
    expect(fill('{contacts.crimestoppers.about}', lookup)).toContain('anonymous');
    // An entry without a text number cannot fill the template: the next one is tried instead.
    expect(fill('Text {contacts.crimestoppers.text}', lookup)).toBeUndefined();
    expect(fill('{contacts.nobody}', lookup)).toBeUndefined();
  });
});

describe('contacts in intent templates', () => {
  let ws: Workspace;
  beforeEach(async () => (ws = await copyWorkspace()));
  afterEach(() => ws.remove());

  const problems = async () => {
    const { knowledge } = await loadKnowledge(ws.dataDir);
    return (await loadIntents(ws.intentsDir, knowledge)).problems.map(formatProblem).join('\n');
  };
  const HOW_TO_REPORT = 'intents/how_to_report.yaml';
  const setText = (text: string) => ws.edit(HOW_TO_REPORT, (t) => t.replace(/^ {2}text: .*$/m, `  text: "${text}"`));

  it('should accept a helpline named from data/contacts.yaml', async () => {
    await ws.edit(CONTACTS, (t) => `${t}\ncatch22:\n  name: Catch22\n  number: 020 7336 4800\n  source: { publisher: Catch22, title: Contact us, url: "https://www.catch-22.org.uk/", checked: 2026-11-28 }\n`);
    await setText('{facts.reporting} You can also talk to {contacts.catch22.name} on {contacts.catch22}.');
    expect(await problems()).toBe('');
  });

  // Before contacts were data, a charity name with digits could not be written at all, and the hint named no field.
  it('should refuse digits typed into a template with a message naming data/contacts.yaml', async () => {
    await setText('{facts.reporting} You can also talk to Catch22.');
    expect(await problems()).toMatch(/intents\/how_to_report\.yaml:\d+: answer\.text: "Catch22" is typed into the template\..*data\/contacts\.yaml.*\{contacts\.ID\}/);
  });

  it('should refuse a number typed in that is not in data/contacts.yaml', async () => {
    await setText('{facts.reporting} Or ring 0800 123 4567.');
    expect(await problems()).toMatch(/"0800 123 4567" is typed into the template/);
  });

  it('should name a misspelt contact field', async () => {
    await setText('{facts.reporting} {contacts.crimestopers}');
    expect(await problems()).toMatch(/unknown field "contacts\.crimestopers"/);
  });
});
