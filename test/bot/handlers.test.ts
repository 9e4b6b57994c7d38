import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { ChartFile, revivedPayload } from '../../src/bot/chart-photo.js';
import { ChartCache } from '../../src/chart/render.js';
import { hasFooter } from '../../src/reply/compose.js';
import { logicFigure, realEngine } from '../helpers/fixtures.js';
import { callbackUpdate, inlineUpdate, mediaUpdate, testBot, textUpdate, TOKEN } from '../helpers/telegram.js';

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});

const KENT_ARRESTS = logicFigure('kent', 'arrests');
const ESSEX_ARRESTS = logicFigure('essex', 'arrests');

const buttonsOf = (payload: Record<string, any>) => (payload.reply_markup?.inline_keyboard ?? []).flat() as { text: string; callback_data?: string }[];

describe('commands', () => {
  it('should welcome on /start with topic buttons whose data fits in 64 bytes', async () => {
    const { bot, calls } = testBot(engine);
    await bot.handleUpdate(textUpdate('/start'));
    const sent = calls.find((c) => c.method === 'sendMessage')!;
    expect(sent.payload.text).toContain('Hello');
    expect(hasFooter(sent.payload.text)).toBe(true);
    expect(sent.payload.parse_mode).toBe('HTML');
    const buttons = buttonsOf(sent.payload).filter((b) => b.callback_data);
    expect(buttons.length).toBeGreaterThanOrEqual(5);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data!)).toBeLessThanOrEqual(64);
  });

  it.each([
    ['/start report', 'Crimestoppers anonymously'],
    ['/start essex', `${ESSEX_ARRESTS} arrests`],
    ['/start arrests-kent', `In Kent, ${KENT_ARRESTS} people were arrested`],
    ['/help', 'You can ask me'],
    ['/report', 'contact your local police force'],
    ['/about', 'Bedfordshire Police, published Friday 18 March 2022'],
    ['/privacy', "I don't store them, but for one case"],
  ])('should answer %s from the engine', async (command, expected) => {
    const { bot, sent } = testBot(engine);
    await bot.handleUpdate(textUpdate(command));
    expect(sent()).toHaveLength(1);
    expect(sent()[0]).toContain(expected);
    expect(hasFooter(sent()[0]!)).toBe(true);
  });

  it('should treat an unknown deep link as a plain /start', async () => {
    const { bot, sent } = testBot(engine);
    await bot.handleUpdate(textUpdate('/start <script>'));
    expect(sent()[0]).toContain('Hello');
  });
});

describe('free text', () => {
  it('should answer with figures, follow-up buttons and escaped HTML', async () => {
    const { bot, calls } = testBot(engine);
    await bot.handleUpdate(textUpdate('how many got nicked in essex'));
    const sent = calls.find((c) => c.method === 'sendMessage')!;
    expect(sent.payload.text).toContain(`In Essex, ${ESSEX_ARRESTS} people were arrested`);
    expect(buttonsOf(sent.payload).map((b) => b.callback_data)).toContain('q:Which county had the most arrests?');
  });

  it('should keep context between messages in a private chat', async () => {
    const { bot, sent } = testBot(engine);
    await bot.handleUpdate(textUpdate('how many arrests in essex'));
    await bot.handleUpdate(textUpdate('what about kent?'));
    expect(sent()[1]).toContain(`In Kent, ${KENT_ARRESTS} people were arrested`);
  });

  it('should escape markup so that the HTML parse mode cannot be broken', async () => {
    const { bot, calls } = testBot(engine);
    await bot.handleUpdate(textUpdate('<b>hi</b> & <script>'));
    const text = calls.find((c) => c.method === 'sendMessage')!.payload.text as string;
    expect(text).not.toMatch(/<(?!\/?(b|i|u|s|a|code|pre)\b)/); // only Telegram tags could appear, and we send none
    expect(hasFooter(text)).toBe(true);
  });
});

describe('buttons', () => {
  it('should answer a topic button and stop its spinner', async () => {
    const { bot, calls } = testBot(engine);
    await bot.handleUpdate(callbackUpdate('t:what_is_county_lines'));
    expect(calls[0]!.method).toBe('answerCallbackQuery');
    expect(calls[1]!.payload.text).toContain('dedicated phone line');
  });

  it('should answer a suggested-question button in the conversation', async () => {
    const { bot, calls } = testBot(engine);
    await bot.handleUpdate(callbackUpdate('q:Which county had the most arrests?'));
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'sendMessage']);
    expect(calls[1]!.payload.text).toContain('Essex had the most arrests');
  });

  it('should answer a button that is not ours without crashing', async () => {
    const { bot, calls } = testBot(engine);
    await bot.handleUpdate(callbackUpdate('{"evil":true}'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('answerCallbackQuery');
    expect(calls[0]!.payload.text).toContain('expired');
    expect(calls[0]!.payload.text).toContain('0800 555 111');
  });
});

describe('inline mode', () => {
  it('should return the answer as an article with the footer and a cache time', async () => {
    const { bot, calls } = testBot(engine);
    await bot.handleUpdate(inlineUpdate('arrests in kent'));
    const call = calls.find((c) => c.method === 'answerInlineQuery')!;
    expect(call.payload.cache_time).toBe(300);
    const [article] = call.payload.results;
    expect(article.type).toBe('article');
    expect(article.input_message_content.message_text).toContain(`In Kent, ${KENT_ARRESTS} people were arrested`);
    expect(hasFooter(article.input_message_content.message_text)).toBe(true);
  });

  it('should offer the main topics for an empty query', async () => {
    const { bot, calls } = testBot(engine);
    await bot.handleUpdate(inlineUpdate(''));
    const results = calls.find((c) => c.method === 'answerInlineQuery')!.payload.results as any[];
    expect(results.length).toBeGreaterThanOrEqual(5);
    for (const r of results) expect(hasFooter(r.input_message_content.message_text)).toBe(true);
  });
});

describe('groups', () => {
  it.each([
    ['a plain message', textUpdate('how many arrests in essex', { group: true }), 0],
    ['a mention of the bot', textUpdate('@county_lines_info_bot how many arrests in essex', { group: true }), 1],
    ['a reply to the bot', textUpdate('what about kent', { group: true, replyToBot: true }), 1],
    ['a command', textUpdate('/help@county_lines_info_bot', { group: true }), 1],
    ['a command for another bot', textUpdate('/help@some_other_bot', { group: true }), 0],
    ['a mention of someone else', textUpdate('@someone_else arrests?', { group: true }), 0],
    ['a sticker', mediaUpdate({ sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } }, { group: true }), 0],
  ])('should send %i replies to %s', async (_name, update, expected) => {
    const { bot, sent } = testBot(engine);
    await bot.handleUpdate(update);
    expect(sent()).toHaveLength(expected);
  });

  it('should answer a mention without the mention getting in the way', async () => {
    const { bot, sent } = testBot(engine);
    await bot.handleUpdate(textUpdate('@county_lines_info_bot how many arrests in essex', { group: true }));
    expect(sent()[0]).toContain(`In Essex, ${ESSEX_ARRESTS} people were arrested`);
  });

  it('should keep context per user in a group', async () => {
    const { bot, sent } = testBot(engine);
    await bot.handleUpdate(textUpdate('@county_lines_info_bot deal lines in essex', { group: true, userId: 1 }));
    await bot.handleUpdate(textUpdate('@county_lines_info_bot arrests in norfolk', { group: true, userId: 2 }));
    await bot.handleUpdate(textUpdate('@county_lines_info_bot what about kent', { group: true, userId: 1 }));
    expect(sent()[2]).toContain('In Kent, 10 deal lines were seized');
  });
});

describe('other messages', () => {
  it.each([
    ['sticker', { sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } }],
    ['photo', { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] }],
    ['voice note', { voice: { file_id: 'v', file_unique_id: 'v', duration: 3 } }],
    ['location', { location: { latitude: 52.1357, longitude: -0.4667 } }],
    ['contact', { contact: { phone_number: '+447700900123', first_name: 'Alex' } }],
  ])('should say it reads text when sent a %s, and log nothing from it', async (_kind, content) => {
    const { bot, sent, logLines } = testBot(engine);
    await bot.handleUpdate(mediaUpdate(content));
    expect(sent()[0]).toContain('I can only read text messages');
    expect(hasFooter(sent()[0]!)).toBe(true);
    const logs = logLines.join('');
    for (const secret of ['52.1357', '7700900123', 'Alex', 'Sam', 'sam_private']) expect(logs).not.toContain(secret);
  });
});

describe('reliability', () => {
  it('should tell a flooding user once, then drop the excess', async () => {
    const { bot, sent } = testBot(engine, { rateLimit: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 10; i++) await bot.handleUpdate(textUpdate(`arrests in essex ${i}`, { userId: 99 }));
    expect(sent()).toHaveLength(4);
    expect(sent()[3]).toContain('faster than I can answer');
    expect(hasFooter(sent()[3]!)).toBe(true);
  });

  it('should still reply with the footer when answering fails', async () => {
    const broken = { ...engine, answer: () => { throw new Error('boom'); } } as Engine;
    const { bot, sent, logLines } = testBot(broken);
    await bot.handleUpdate(textUpdate('how many arrests in essex'));
    expect(sent()[0]).toContain('something went wrong');
    expect(hasFooter(sent()[0]!)).toBe(true);
    expect(logLines.join('')).toContain('update_failed');
  });

  it('should log update type, intent and latency, never text, names or the token', async () => {
    const { bot, logLines } = testBot(engine);
    await bot.handleUpdate(textUpdate('my name is Jo Bloggs, how many people got arrested in essex'));
    const entry = JSON.parse(logLines.find((l) => l.includes('"event":"update"'))!);
    expect(entry).toMatchObject({ type: 'message', chat_type: 'private', intent: 'arrests' });
    expect(typeof entry.ms).toBe('number');
    const logs = logLines.join('');
    for (const secret of ['Jo Bloggs', 'arrested in essex', 'Sam', TOKEN]) expect(logs).not.toContain(secret);
  });
});

describe('charts', () => {
  const LONG = 'which county had the most arrests and what is county lines and what are the signs and how do i report';

  it('should send a comparison as a bar chart, captioned with the whole answer and footer, buttons under it', async () => {
    const { bot, calls } = testBot(engine, { charts: new ChartCache() });
    await bot.handleUpdate(textUpdate('which county had the most arrests'));
    expect(calls.map((c) => c.method)).toEqual(['sendPhoto']);
    const { payload } = calls[0]!;
    expect((payload.photo as ChartFile).png.subarray(1, 4).toString()).toBe('PNG');
    expect(payload.caption).toContain(`Essex had the most arrests: ${ESSEX_ARRESTS}`);
    expect(hasFooter(payload.caption)).toBe(true);
    expect(buttonsOf(payload).length).toBeGreaterThan(0);
  });

  it('should send an answer too long for a caption after the chart, as a message with the buttons', async () => {
    const { bot, calls } = testBot(engine, { charts: new ChartCache() });
    await bot.handleUpdate(textUpdate(LONG));
    expect(calls.map((c) => c.method)).toEqual(['sendPhoto', 'sendMessage']);
    expect(calls[0]!.payload.caption).toMatch(/^Arrests by county/);
    expect(hasFooter(calls[0]!.payload.caption)).toBe(true);
    expect(calls[0]!.payload.reply_markup).toBeUndefined();
    expect(calls[1]!.payload.text).toContain('Essex had the most arrests');
  });

  it('should answer in text when there is no comparison, or no charts', async () => {
    const withCharts = testBot(engine, { charts: new ChartCache() });
    await withCharts.bot.handleUpdate(textUpdate('how many arrests in essex'));
    expect(withCharts.calls.map((c) => c.method)).toEqual(['sendMessage']);
    const without = testBot(engine);
    await without.bot.handleUpdate(textUpdate('which county had the most arrests'));
    expect(without.calls.map((c) => c.method)).toEqual(['sendMessage']);
  });

  it('should send the answer as text when the chart cannot be drawn, and log it', async () => {
    const broken = {
      png: () => {
        throw new Error('no fonts');
      },
    } as unknown as ChartCache;
    const { bot, calls, logLines } = testBot(engine, { charts: broken });
    await bot.handleUpdate(textUpdate('which county had the most arrests'));
    expect(calls.map((c) => c.method)).toEqual(['sendMessage']);
    expect(calls[0]!.payload.text).toContain('Essex had the most arrests');
    expect(logLines.join('')).toContain('"event":"chart_failed"');
  });

  it('should write a chart into the Redis reply queue as base64 and send it as an upload again', () => {
    const file = new ChartFile(Buffer.from('png bytes'));
    const queued = JSON.parse(JSON.stringify({ chat_id: 1, photo: file, caption: 'c' })) as Record<string, unknown>;
    const revived = revivedPayload(queued);
    expect(revived.photo).toBeInstanceOf(ChartFile);
    expect((revived.photo as ChartFile).png.toString()).toBe('png bytes');
    expect(revivedPayload({ chat_id: 1, text: 'plain' })).toEqual({ chat_id: 1, text: 'plain' });
  });
});
