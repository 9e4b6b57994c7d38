import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/files/problem.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { normalise } from '../../src/nlu/normalise.js';

// These tests check the staff-edited file data/places.yaml itself, so they read the real data.
const DATA = resolve(import.meta.dirname, '../../data');
const REGION = ['bedfordshire', 'cambridgeshire', 'essex', 'hertfordshire', 'kent', 'norfolk', 'suffolk'];

let knowledge: Knowledge;
beforeAll(async () => {
  const loaded = await loadKnowledge(DATA);
  expect(loaded.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  knowledge = loaded.knowledge!;
});

/** Town (or ambiguous town) → the county it is listed under. */
function townOwners(field: 'towns' | 'ambiguous_towns'): Map<string, string> {
  const owners = new Map<string, string>();
  for (const [key, place] of knowledge.places) for (const town of place[field] ?? []) owners.set(town, key);
  return owners;
}

describe('data/places.yaml', () => {
  it('should mark exactly the seven counties of the region as in_region', () => {
    const inRegion = [...knowledge.places].filter(([, p]) => p.in_region).map(([key]) => key);
    expect(inRegion.sort()).toEqual(REGION);
  });

  it('should list towns under every region county and under no other place', () => {
    for (const key of REGION) expect(knowledge.places.get(key)!.towns?.length, key).toBeGreaterThan(10);
    const owners = new Set([...townOwners('towns').values(), ...townOwners('ambiguous_towns').values()]);
    expect([...owners].filter((key) => !REGION.includes(key))).toEqual([]);
  });

  it.each([
    // Unitary authorities policed by the county force.
    ['peterborough', 'cambridgeshire'], ['luton', 'bedfordshire'], ['southend', 'essex'], ['southend on sea', 'essex'],
    ['thurrock', 'essex'], ['medway', 'kent'],
    // Districts.
    ['uttlesford', 'essex'], ['tendring', 'essex'], ['broxbourne', 'hertfordshire'], ['dacorum', 'hertfordshire'],
    ['breckland', 'norfolk'], ['east cambridgeshire', 'cambridgeshire'], ['fenland', 'cambridgeshire'],
    ['huntingdonshire', 'cambridgeshire'], ['mid suffolk', 'suffolk'], ['sevenoaks', 'kent'], ['tonbridge and malling', 'kent'],
    ['swale', 'kent'], ['thanet', 'kent'], ['central bedfordshire', 'bedfordshire'], ['babergh', 'suffolk'],
    ['hertsmere', 'hertfordshire'], ['three rivers', 'hertfordshire'], ['welwyn hatfield', 'hertfordshire'],
    ['castle point', 'essex'], ['epping forest', 'essex'], ['gravesham', 'kent'], ['broadland', 'norfolk'],
    ['kings lynn and west norfolk', 'norfolk'], ['east suffolk', 'suffolk'], ['west suffolk', 'suffolk'],
    // Major towns.
    ['bedford', 'bedfordshire'], ['dunstable', 'bedfordshire'], ['leighton buzzard', 'bedfordshire'],
    ['cambridge', 'cambridgeshire'], ['ely', 'cambridgeshire'], ['wisbech', 'cambridgeshire'], ['st neots', 'cambridgeshire'],
    ['huntingdon', 'cambridgeshire'], ['chelmsford', 'essex'], ['colchester', 'essex'], ['basildon', 'essex'],
    ['harlow', 'essex'], ['brentwood', 'essex'], ['clacton', 'essex'], ['grays', 'essex'], ['braintree', 'essex'],
    ['witham', 'essex'], ['maldon', 'essex'], ['billericay', 'essex'], ['canvey island', 'essex'],
    ['stevenage', 'hertfordshire'], ['watford', 'hertfordshire'], ['st albans', 'hertfordshire'],
    ['hemel hempstead', 'hertfordshire'], ['hitchin', 'hertfordshire'], ['hatfield', 'hertfordshire'],
    ['welwyn garden city', 'hertfordshire'], ['letchworth', 'hertfordshire'], ['hertford', 'hertfordshire'],
    ['bishops stortford', 'hertfordshire'], ['cheshunt', 'hertfordshire'], ['borehamwood', 'hertfordshire'],
    ['maidstone', 'kent'], ['canterbury', 'kent'], ['dover', 'kent'], ['folkestone', 'kent'], ['ashford', 'kent'],
    ['margate', 'kent'], ['ramsgate', 'kent'], ['gravesend', 'kent'], ['dartford', 'kent'], ['chatham', 'kent'],
    ['gillingham', 'kent'], ['rochester', 'kent'], ['sittingbourne', 'kent'], ['tunbridge wells', 'kent'],
    ['tonbridge', 'kent'], ['faversham', 'kent'], ['whitstable', 'kent'], ['herne bay', 'kent'],
    ['norwich', 'norfolk'], ['great yarmouth', 'norfolk'], ['kings lynn', 'norfolk'], ['thetford', 'norfolk'],
    ['dereham', 'norfolk'], ['cromer', 'norfolk'], ['ipswich', 'suffolk'], ['bury st edmunds', 'suffolk'],
    ['lowestoft', 'suffolk'], ['felixstowe', 'suffolk'], ['sudbury', 'suffolk'], ['newmarket', 'suffolk'],
    ['haverhill', 'suffolk'], ['stowmarket', 'suffolk'],
  ])('should map %s to %s', (town, county) => {
    expect(townOwners('towns').get(town)).toBe(county);
  });

  // Names that are also everyday words or other places must not be read as towns without context.
  it.each([
    ['march', 'cambridgeshire'], ['deal', 'kent'], ['ware', 'hertfordshire'], ['wells', 'norfolk'], ['diss', 'norfolk'],
    ['eye', 'suffolk'], ['hythe', 'kent'], ['bury', 'suffolk'], ['sandwich', 'kent'], ['st ives', 'cambridgeshire'],
  ])('should keep %s apart as an ambiguous town of %s', (town, county) => {
    expect(townOwners('ambiguous_towns').get(town)).toBe(county);
    expect(townOwners('towns').has(town)).toBe(false);
  });

  it('should write every town as the reader sees it: lower case, no punctuation, single spaces', () => {
    const all = [...townOwners('towns').keys(), ...townOwners('ambiguous_towns').keys()];
    expect(all.filter((t) => normalise(t) !== t)).toEqual([]);
  });

  it('should use no town name as a place name or alias, a figure word or a slang word', () => {
    const placeNames = new Set([...knowledge.places.values()].flatMap((p) => [p.name, ...p.aliases].map(normalise)));
    const metricWords = new Set([...knowledge.metrics.values()].flatMap((m) => m.words.map(normalise)));
    const slang = new Set([...knowledge.words].flatMap(([typed, plain]) => [normalise(typed), normalise(plain)]));
    const all = [...townOwners('towns').keys(), ...townOwners('ambiguous_towns').keys()];
    expect(all.filter((t) => placeNames.has(t))).toEqual([]);
    expect(all.filter((t) => metricWords.has(t))).toEqual([]);
    expect(all.filter((t) => slang.has(t))).toEqual([]);
    // A one-word town must not be a word of a figure's phrase either ("deal" of "deal lines").
    const metricParts = new Set([...metricWords].flatMap((w) => w.split(' ')));
    expect([...townOwners('towns').keys()].filter((t) => metricParts.has(t))).toEqual([]);
  });

  // Everyday words, and names shared with places elsewhere, may only be ambiguous towns.
  it('should read no everyday word or shared name as a place without context', () => {
    const everyday = ['march', 'deal', 'ware', 'wells', 'diss', 'eye', 'bury', 'sandwich', 'reading', 'bath', 'derby', 'may', 'nice', 'holt', 'clare', 'brandon', 'sandy', 'minster', 'newport', 'boston', 'york', 'rugby', 'barking', 'leigh', 'walton', 'hythe', 'st ives', 'hadleigh', 'rainham', 'ramsey'];
    const names = new Set([...knowledge.places.values()].flatMap((p) => [p.name, ...p.aliases, ...(p.towns ?? [])].map(normalise)));
    expect(everyday.filter((w) => names.has(w))).toEqual([]);
  });

  it.each(['wales', 'scotland', 'northern_ireland', 'london', 'yorkshire', 'avon_and_somerset'])(
    'should list %s as a place outside the region',
    (key) => {
      const place = knowledge.places.get(key);
      expect(place).toBeDefined();
      expect(place!.in_region).toBeUndefined();
      expect(place!.towns).toBeUndefined();
    },
  );
});

describe('ambiguous_towns in places.yaml', () => {
  const FIXTURE = resolve(import.meta.dirname, '../fixtures/frame/data');
  const loadEdited = async (change: (t: string) => string) => {
    const dir = await mkdtemp(join(tmpdir(), 'clbot-places-'));
    try {
      await cp(FIXTURE, dir, { recursive: true });
      const file = join(dir, 'places.yaml');
      const before = await readFile(file, 'utf8');
      const after = change(before);
      expect(after).not.toBe(before);
      await writeFile(file, after);
      return await loadKnowledge(dir, 'data');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('should load ambiguous towns of a region county', async () => {
    const { knowledge, problems } = await loadEdited((t) => t.replace('ambiguous_towns: [deal]', 'ambiguous_towns: [deal, sandwich]'));
    expect(problems).toEqual([]);
    expect(knowledge!.places.get('kent')!.ambiguous_towns).toEqual(['deal', 'sandwich']);
  });

  it.each([
    ['on a place outside the region', (t: string) => t.replace('wales: { name: Wales }', 'wales: { name: Wales, ambiguous_towns: [newport] }'), 'wales.ambiguous_towns', 'only for counties in the region'],
    ['also listed as a town', (t: string) => t.replace('ambiguous_towns: [deal]', 'ambiguous_towns: [deal, ely]'), 'cambridgeshire.towns.2', 'also listed under "kent"'],
  ])('should reject an ambiguous town %s, naming the file and field', async (_name, change, field, message) => {
    const { knowledge, problems } = await loadEdited(change);
    expect(knowledge).toBeUndefined();
    const problem = problems.find((p) => p.message.includes(message));
    expect(problem, problems.map(formatProblem).join('\n')).toBeDefined();
    expect(problem!.file).toBe('data/places.yaml');
    expect(problem!.field).toBe(field);
  });
});
