import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkAll, loadEngine } from '../../src/engine/load-engine.js';
import { formatProblem } from '../../src/files/problem.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { knowledgeAsOf } from '../../src/knowledge/knowledge.js';
import { operationLookup, regionLookup } from '../../src/reply/fields.js';
import { copyWorkspace, FIXTURE_DATA, type Workspace } from '../helpers/fixtures.js';

const SPRING = 'data/operations/2031-04-invented-spring-week.yaml';
const AUTUMN = 'data/operations/2031-10-invented-autumn-week.yaml';

describe('several weeks of action', () => {
  it('should load both invented weeks, newest first, each with its own figures', async () => {
    const { knowledge, problems } = await loadKnowledge(FIXTURE_DATA);
    expect(problems).toEqual([]);
    const [autumn, spring] = knowledge!.operations;
    expect([autumn!.id, spring!.id]).toEqual(['invented-2031-10', 'invented-2031-04']);
    expect(regionLookup(spring!, knowledge!)('arrests')).toBe('70');
    expect(regionLookup(autumn!, knowledge!)('arrests')).toBe('83');
    expect(regionLookup(autumn!, knowledge!)('knives')).toBeUndefined();
    expect(operationLookup(spring!, knowledge!)('dates')).toBe('Monday 7 April to Friday 11 April 2031');
  });

  it('should give the knowledge as it stood when an earlier week was the newest, and answer from it', async () => {
    const { knowledge } = await loadKnowledge(FIXTURE_DATA);
    expect(knowledgeAsOf(knowledge!, 'invented-2031-04').operations.map((op) => op.id)).toEqual(['invented-2031-04']);
    expect(knowledgeAsOf(knowledge!, 'invented-2031-10')).toBe(knowledge);
    expect(knowledgeAsOf(knowledge!, 'no-such-week')).toBe(knowledge);
    const engine = await loadEngine({ dataDir: FIXTURE_DATA });
    expect(engine.answer('how many arrests in the region').text).toContain('83');
    expect(engine.asOf('invented-2031-04').answer('how many arrests in the region').text).toContain('70');
    expect(engine.asOf('invented-2031-10')).toBe(engine);
  });

  it("should fill {facts.X} from the week's own facts first, then data/shared.yaml", async () => {
    const { knowledge } = await loadKnowledge(FIXTURE_DATA);
    const [autumn, spring] = knowledge!.operations.map((op) => operationLookup(op, knowledge!));
    const shared = knowledge!.sharedFacts;
    for (const week of [autumn!, spring!]) expect(week('facts.reporting')).toBe(shared.reporting);
    expect(spring!('facts.definition')).toBe(shared.definition);
    expect(autumn!('facts.definition')).toContain('(Invented) The autumn release');
    expect(autumn!('facts.awareness')).toContain('bus companies');
    expect(spring!('facts.awareness')).toContain('visited schools');
  });

  // Before shared facts, a week's file without facts.reporting left this answer with nothing but the footer.
  it('should answer how to report from the shared facts for a week whose file has no reporting fact', async () => {
    const engine = await loadEngine({ dataDir: FIXTURE_DATA });
    const { knowledge } = engine;
    expect(knowledge.operations[0]!.ownFacts.reporting).toBeUndefined();
    const reply = engine.answerTopic('how_to_report').text;
    expect(reply).toContain(knowledge.sharedFacts.reporting);
    expect(reply.split('\n\n')[0]!.length).toBeGreaterThan(40);
  });
});

describe('npm run check on weeks of action', () => {
  let ws: Workspace;
  beforeEach(async () => (ws = await copyWorkspace(FIXTURE_DATA)));
  afterEach(() => ws.remove());

  const check = async () => (await checkAll({ dataDir: ws.dataDir, intentsDir: ws.intentsDir })).problems.map(formatProblem).join('\n');

  it('should refuse a week that lacks a fact an answer needs, naming the week, the fact and the intent', async () => {
    await ws.edit(AUTUMN, (t) => t.replace(/ {2}statement: >-\n(?: {4}.*\n)+/, ''));
    expect(await check()).toMatch(
      new RegExp(`${AUTUMN}: facts\\.statement: this week has no \\{facts\\.statement\\}, so the answer in intents/police_statement\\.yaml would be empty for it\\. Add statement: under facts:`),
    );
  });

  it('should accept a week with no facts of its own when shared facts cover the answers that need them', async () => {
    await ws.edit('data/shared.yaml', (t) => `${t}  awareness: Shared awareness fact.\n  statement: Shared statement.\n`);
    await ws.edit(SPRING, (t) => t.replace(/\nfacts:\n[\s\S]*$/, '\n'));
    const { problems, knowledge } = await checkAll({ dataDir: ws.dataDir, intentsDir: ws.intentsDir });
    expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(knowledge!.operations[1]!.facts.statement).toBe('Shared statement.');
  });

  it('should warn about a region figure one week lacks that another week has', async () => {
    expect(await check()).toMatch(new RegExp(`${AUTUMN}: warning: region\\.deal_lines: this week has no value for .*which ${SPRING} has`));
  });
});

// A second week of action, added as the docs say, once answered "what weeks do you have" with October alone, and
// ranked October alone for "essex arrests march vs october".
describe('asking about several weeks', () => {
  let engine: Awaited<ReturnType<typeof loadEngine>>;
  beforeAll(async () => {
    engine = await loadEngine({ dataDir: FIXTURE_DATA });
  });
  const week = (id: string) => engine.knowledge.operations.find((op) => op.id === id)!;
  const essexArrests = (id: string) => week(id).counties.essex!.arrests!.value;

  it.each(['what weeks do you have', 'which weeks of action have you got'])('should list every week for "%s", with its dates', (text) => {
    const reply = engine.answer(text).text;
    for (const op of engine.knowledge.operations) {
      expect(reply).toContain(op.name);
      expect(reply).toContain(operationLookup(op, engine.knowledge)('dates')!);
    }
  });

  it('should change the week on a follow-up naming another month', () => {
    const first = engine.answer('how many arrests in essex');
    expect(first.text).toContain(`${essexArrests('invented-2031-10')} people were arrested`);
    const next = engine.answer('and in april?', first.context);
    expect(next.text).toContain(`${essexArrests('invented-2031-04')} people were arrested`);
  });

  it.each(['essex arrests april vs october', 'april or october, which had more arrests in essex', 'compare arrests in essex in april and october'])(
    'should set the weeks side by side for a place, oldest first, and say which had more: "%s"',
    (text) => {
      const reply = engine.answer(text).text;
      const [spring, autumn] = [essexArrests('invented-2031-04'), essexArrests('invented-2031-10')];
      expect(reply).toContain('Arrests in Essex, by week of action:\n');
      expect(reply.indexOf(`: ${spring}`)).toBeGreaterThan(-1);
      expect(reply.indexOf(`: ${spring}`)).toBeLessThan(reply.indexOf(`: ${autumn}`));
      const more = spring > autumn ? week('invented-2031-04').name : week('invented-2031-10').name;
      expect(reply).toContain(`The ${more} had ${Math.abs(spring - autumn)} more.`);
      expect(reply).not.toContain('\\n');
    },
  );
});
