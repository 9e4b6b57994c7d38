import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { Insight, periodOf } from '../../src/insight/insight.js';
import { formatReport } from '../../src/insight/report.js';
import { MemoryInsightStore } from '../../src/insight/store.js';
import { realEngine } from '../helpers/fixtures.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 11, 1, 12); // well inside a 30-day key period
const SETTINGS = { minChats: 5, keepDays: 30, keyDays: 30 };

describe('Insight', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await realEngine();
  });
  /** An insight on memory whose clock the test moves. */
  const setUp = () => {
    let now = START;
    const insight = new Insight(new MemoryInsightStore(() => now), SETTINGS);
    const ask = (text: string, chat: number) => insight.note({ reply: engine.answer(text), text, chat, engine, now });
    return { insight, ask, at: (t: number) => void (now = t), now: () => now };
  };
  const unanswered = (name: string, phone: string) => `can the council fix the potholes on my road, I am ${name} on ${phone}`;

  it('should keep an unanswered question only once five different chats have sent it', async () => {
    const { insight, ask } = setUp();
    const people = [['Dave', '07700 900001'], ['Priya', '07700 900002'], ['Tom', '07700 900003'], ['Ana', '07700 900004'], ['Li', '07700 900005']];
    for (const [i, [name, phone]] of people.slice(0, 4).entries()) await ask(unanswered(name!, phone!), 100 + i);
    await ask(unanswered('Dave', '07700 900001'), 100); // the same chat again counts once
    expect((await insight.report(START)).unanswered).toEqual([]);
    await ask(unanswered(people[4]![0]!, people[4]![1]!), 104);
    const [question] = (await insight.report(START)).unanswered;
    expect(question).toEqual({ text: 'can the council fix the potholes on my road i am {name} on {phone}', chats: 5 });
  });

  it('should count the week by outcome and act, and list figures not published', async () => {
    const { insight, ask } = setUp();
    await ask('how many arrests in essex', 1);
    await ask('how many arrests in suffolk', 2);
    await ask('how many arrests in suffolk', 3);
    await ask('what time does the tip open on sunday', 4);
    const report = await insight.report(START);
    expect(report.counts).toMatchObject({ 'outcome:answered': 1, 'outcome:not_published': 2, 'outcome:fallback': 1, 'act:figure': 3, 'unpublished:arrests@suffolk': 2 });
    const text = formatReport(report, engine.knowledge);
    expect(text).toContain('4 messages');
    expect(text).toContain('arrests, Suffolk: 2');
  });

  it('should sum the last seven days, and drop counts older than the days kept', async () => {
    const { insight, ask, at } = setUp();
    await ask('how many arrests in essex', 1);
    at(START + 3 * DAY);
    await ask('how many arrests in essex', 1);
    expect((await insight.report(START + 3 * DAY)).counts['outcome:answered']).toBe(2);
    expect((await insight.report(START + 8 * DAY)).counts['outcome:answered']).toBe(1);
    expect((await insight.report(START + 10 * DAY)).counts['outcome:answered']).toBeUndefined();
    at(START + 31 * DAY);
    expect((await insight.store.counts(new Date(START).toISOString().slice(0, 10))).size).toBe(0);
  });

  it('should start counting chats afresh with a new key, so old hashes match nothing', async () => {
    const { insight, at } = setUp();
    const first = periodOf(START, SETTINGS.keyDays);
    const secret = await insight.store.secret(first.id, first.endsAt);
    at(first.endsAt + 1);
    const next = periodOf(first.endsAt + 1, SETTINGS.keyDays);
    expect(next.id).not.toBe(first.id);
    expect(await insight.store.secret(next.id, next.endsAt)).not.toBe(secret);
    expect(await insight.store.secret(first.id, first.endsAt)).not.toBe(secret); // the old key is gone for good
  });
});
