import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { DANGER_FIRST_LINE, hasFooter } from '../../src/reply/compose.js';
import { realEngine } from '../helpers/fixtures.js';
import { callbackUpdate, inlineUpdate, testBot, textUpdate } from '../helpers/telegram.js';

// "999 first" means the first sentence of the reply, on every path. The engine runs on the logic fixture,
// whose lang/xx.yaml is an invented language ("hulpa messa bij deura": help, a knife, at the door).
let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

const opensWith999 = (text: string) => text.trimStart().startsWith(DANGER_FIRST_LINE);
const INVENTED = 'hulpa messa bij deura';

describe('999 first on every path', () => {
  it.each([
    ['English, in a private chat', textUpdate('theres a man with a knife outside my house right now')],
    ['another language, in a private chat', textUpdate(INVENTED)],
    ['a mention in a group', textUpdate('@county_lines_info_bot theres a man with a knife outside my house right now', { group: true })],
    ['a message with several parts', textUpdate('how many arrests in essex? also theres a man with a knife outside my house right now')],
  ])('opens with the 999 line: %s', async (_path, update) => {
    const { bot, sent } = testBot(engine);
    await bot.handleUpdate(update);
    expect(sent()).toHaveLength(1);
    expect(opensWith999(sent()[0]!)).toBe(true);
    expect(hasFooter(sent()[0]!)).toBe(true);
  });

  it('says the 999 line in the message\'s language too, straight after the English one', async () => {
    const { bot, sent } = testBot(engine);
    await bot.handleUpdate(textUpdate(INVENTED));
    const [first, second] = sent()[0]!.split('\n');
    expect(first).toBe(DANGER_FIRST_LINE);
    expect(second).toContain('Zork 999 nu');
  });

  it('opens an inline answer with the 999 line, and shows it as the description', async () => {
    const { bot, calls } = testBot(engine);
    await bot.handleUpdate(inlineUpdate(INVENTED));
    const [article] = calls.find((c) => c.method === 'answerInlineQuery')!.payload.results;
    expect(opensWith999(article.input_message_content.message_text)).toBe(true);
    expect(article.description).toContain('999');
  });

  it('opens the answer to a suggested-question button with the 999 line', async () => {
    const { bot, calls } = testBot(engine);
    await bot.handleUpdate(callbackUpdate('q:someone is being stabbed outside my house now'));
    const sent = calls.find((c) => c.method === 'sendMessage')!;
    expect(opensWith999(sent.payload.text)).toBe(true);
  });

  it('answers another language that is not danger with a short note in it, then the numbers', async () => {
    const { bot, sent } = testBot(engine);
    await bot.handleUpdate(textUpdate('hoeveela messa vorjara'));
    expect(opensWith999(sent()[0]!)).toBe(false);
    expect(sent()[0]).toContain('Dis bot spreek Engels.');
    expect(hasFooter(sent()[0]!)).toBe(true);
  });
});
