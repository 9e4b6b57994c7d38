import { beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_TTL_MS } from '../../src/engine/context.js';
import { MemoryContextStore } from '../../src/engine/context-store.js';
import { converse } from '../../src/engine/conversation.js';
import type { Engine } from '../../src/engine/engine.js';
import { realEngine } from '../helpers/fixtures.js';

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

async function chat(messages: [string, number][]) {
  const store = new MemoryContextStore(CONTEXT_TTL_MS, 100, () => now);
  let now = 0;
  const replies = [];
  for (const [text, at] of messages) {
    now = at;
    replies.push(await converse(engine, store, 'c1', text, at));
  }
  return replies;
}

describe('follow-up context', () => {
  it('should carry the figure to a new county: "arrests in Essex?" then "what about Kent?"', async () => {
    const [, kent] = await chat([['How many arrests in Essex?', 0], ['what about Kent?', 1000]]);
    expect(kent!.intent).toBe('arrests');
    expect(kent!.text).toContain('In Kent, 28 people were arrested');
  });

  it('should carry the county to a new figure: "what happened in Kent?" then "how many deal lines?"', async () => {
    const [overview, lines] = await chat([['What happened in Kent?', 0], ['how many deal lines?', 1000]]);
    expect(overview!.text).toContain('28 arrests');
    expect(lines!.text).toContain('In Kent, 10 deal lines were seized');
  });

  it('should follow a comparison with a county', async () => {
    const [, norfolk] = await chat([['which county seized the most deal lines', 0], ['and norfolk?', 1000]]);
    expect(norfolk!.text).toContain('deal line figure for Norfolk was not published');
  });

  it('should drop the county when the user asks for the whole region', async () => {
    const [, total] = await chat([['arrests in essex', 0], ['how many arrests in total', 1000]]);
    expect(total!.text).toContain('151 people were arrested in the whole region');
  });

  it('should forget context after it expires', async () => {
    const [, later] = await chat([['How many arrests in Essex?', 0], ['what about Kent?', CONTEXT_TTL_MS + 1]]);
    expect(later!.intent).toBe('overview');
    expect(later!.text).not.toContain('people were arrested');
  });

  it('should keep separate conversations apart', async () => {
    const store = new MemoryContextStore();
    const t = Date.now();
    await converse(engine, store, 'a', 'how many arrests in essex', t);
    await converse(engine, store, 'b', 'how many deal lines in essex', t);
    expect((await converse(engine, store, 'a', 'what about kent', t + 1)).text).toContain('28 people were arrested');
  });

  it('should store only the figures and counties answered, never the message', async () => {
    const store = new MemoryContextStore();
    const t = Date.now();
    await converse(engine, store, 'a', 'my name is Jo, how many arrests in essex', t);
    const kept = await store.get('a');
    expect(kept).toMatchObject({ metrics: ['arrests'], places: ['essex'], region: false, earlier: [], at: t });
    // Keys of data/ and intents/ only (a topic answered in words is kept as its id), never the words typed.
    expect(Object.keys(kept!).every((k) => ['metrics', 'places', 'region', 'earlier', 'topic', 'at'].includes(k))).toBe(true);
    expect(JSON.stringify(kept)).not.toMatch(/jo|name|how many/i);
  });
});

describe('MemoryContextStore', () => {
  it('should drop the oldest conversation when full', async () => {
    const store = new MemoryContextStore(CONTEXT_TTL_MS, 2, () => 0);
    for (const key of ['a', 'b', 'c']) await store.set(key, { at: 0 });
    expect(await store.get('a')).toBeUndefined();
    expect(store.size).toBe(2);
  });
});
