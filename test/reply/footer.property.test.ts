import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { composeReply, DANGER_FIRST_LINE, hasFooter } from '../../src/reply/compose.js';
import { splitReply } from '../../src/bot/html.js';
import { realEngine } from '../helpers/fixtures.js';

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

/** Messages people could send, from ordinary to hostile. */
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('', ' ', '\u200b\u200b\u200b', '\u202eevil', '<script>alert(1)</script>', '{arrests}', '{{county}}', '%s%n', '\0', 'null', 'undefined', '🔪🔪🔪', 'a'.repeat(5000), 'ESSEX!!!!', 'what about'),
  fc.array(fc.constantFrom('arrests', 'essex', 'kent', 'knives', 'most', 'vs', 'what', 'about', 'stabbed', 'now', 'suffolk', '2019', '£', 'nicked', 'help'), { maxLength: 12 }).map((w) => w.join(' ')),
);

describe('the footer invariant', () => {
  it('should put 101, Crimestoppers 0800 555 111 and 999 on every reply, for any input and context', () => {
    fc.assert(
      fc.property(hostile, hostile, fc.integer({ min: 0, max: 2 * 60 * 60 * 1000 }), (first, second, gap) => {
        const a = engine.answer(first, undefined, 1_000_000);
        const b = engine.answer(second, a.context, 1_000_000 + gap);
        for (const reply of [a, b]) {
          expect(hasFooter(reply.text)).toBe(true);
          expect(reply.text.endsWith('Crimestoppers, anonymously: 0800 555 111.')).toBe(true);
          if (reply.danger) expect(reply.text.startsWith(DANGER_FIRST_LINE)).toBe(true);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('should read line breaks anywhere as spaces: same answer, footer kept, 999 first when in danger', () => {
    const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\t', '\n\n', ' \n ');
    // A message, and the same message with line breaks put in place of some of its spaces.
    const split = fc
      .tuple(fc.oneof(hostile, fc.constantFrom('my son is in danger', 'someone has a knife and is threatening me', 'how many arrests in essex', 'what is a county line')), fc.infiniteStream(fc.tuple(fc.boolean(), lineBreak)))
      .map(([text, choices]) => {
        const pieces = text.split(' ');
        const it = choices[Symbol.iterator]();
        const broken = pieces.reduce((acc, piece) => {
          const [swap, br] = it.next().value as [boolean, string];
          return `${acc}${swap ? br : ' '}${piece}`;
        });
        return { text, broken };
      });
    fc.assert(
      fc.property(split, fc.integer({ min: 0, max: 200 }), lineBreak, ({ text, broken }, at, br) => {
        // Also a break inserted anywhere, even inside a word.
        const anywhere = broken.slice(0, at) + br + broken.slice(at);
        const plain = engine.answer(text);
        const reply = engine.answer(broken);
        expect(reply.intent).toBe(plain.intent);
        expect(reply.danger).toBe(plain.danger);
        for (const r of [reply, engine.answer(anywhere)]) {
          expect(hasFooter(r.text)).toBe(true);
          if (r.danger) expect(r.text.startsWith(DANGER_FIRST_LINE)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('should keep the footer on every topic, including unknown ones', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...engine.intents.map((i) => i.id)), fc.string()), fc.option(fc.string()), (intent, place) => {
        expect(hasFooter(engine.answerTopic(intent, place ?? undefined).text)).toBe(true);
      }),
    );
  });

  it('should keep the footer on every part when a long reply is split for Telegram', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20_000 }), (body) => {
        for (const part of splitReply(composeReply(body))) {
          expect(part.length).toBeLessThanOrEqual(4096);
          expect(hasFooter(part)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('should give the footer even when the engine fails inside', () => {
    let fail = false;
    const knowledge = {
      ...engine.knowledge,
      get operations() {
        if (fail) throw new Error('data went missing');
        return engine.knowledge.operations;
      },
    };
    const fragile = createEngine(knowledge, engine.intents);
    fail = true;
    const reply = fragile.answer('how many arrests in essex');
    expect(reply.text).toContain('something went wrong');
    expect(hasFooter(reply.text)).toBe(true);
  });
});
