import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiStub } from '../helpers/bot-api-stub.js';
import { freePort, startProcess, type Started } from '../helpers/process.js';
import { BOT_INFO, TOKEN } from '../helpers/telegram.js';

const SECRET = 'hostile-secret';
let nextId = 70_000;
const chat = { id: 4242, type: 'private', first_name: 'Test' };
const from = { id: 4242, is_bot: false, first_name: 'Test' };
const message = (extra: object) => ({ message_id: nextId, date: 1_700_000_000, chat, from, ...extra });

/** Updates no well-behaved Telegram would send, and some it would. Each must leave the bot running. */
const HOSTILE: [string, () => object, string][] = [
  ['a message with no chat or sender', () => ({ update_id: ++nextId, message: { message_id: 1, date: 0, text: 'hello' } }), 'message'],
  ['a message that is null', () => ({ update_id: ++nextId, message: null }), 'message'],
  ['an unknown update type', () => ({ update_id: ++nextId, future_update_kind: { anything: true } }), 'future_update_kind'],
  ['a 4,096-character message', () => ({ update_id: ++nextId, message: message({ text: 'how many arrests in essex '.repeat(158).slice(0, 4096) }) }), 'message'],
  ['only zero-width characters', () => ({ update_id: ++nextId, message: message({ text: '\u200b\u200c\u200d\u2060\ufeff'.repeat(20) }) }), 'message'],
  ['right-to-left text', () => ({ update_id: ++nextId, message: message({ text: '\u202eكم عدد الاعتقالات في إسيكس\u202c arrests' }) }), 'message'],
  ['a huge number of entities', () => ({ update_id: ++nextId, message: message({ text: 'x'.repeat(4000), entities: Array.from({ length: 5000 }, (_, i) => ({ type: 'bold', offset: i % 4000, length: 1 })) }) }), 'message'],
  ['entities pointing past the text', () => ({ update_id: ++nextId, message: message({ text: '/start', entities: [{ type: 'bot_command', offset: 50, length: 900 }, { type: 'mention', offset: -3, length: 2 }] }) }), 'message'],
  ['callback data that is not ours', () => ({ update_id: ++nextId, callback_query: { id: 'cq1', from, chat_instance: 'x', data: '\u0000\u00ff'.repeat(32) } }), 'callback_query'],
  ['a callback query with no message or data', () => ({ update_id: ++nextId, callback_query: { id: 'cq2', from, chat_instance: 'x' } }), 'callback_query'],
  ['an inline query with a huge query', () => ({ update_id: ++nextId, inline_query: { id: 'iq', from, query: '🔪'.repeat(2000), offset: '' } }), 'inline_query'],
  ['a text that is not a string', () => ({ update_id: ++nextId, message: message({ text: { toString: 'boom' } }) }), 'message'],
];

describe('hostile and malformed updates', () => {
  let api: BotApiStub;
  let bot: Started;
  let hook: string;
  let port: number;

  beforeAll(async () => {
    api = new BotApiStub(TOKEN, BOT_INFO as unknown as Record<string, unknown>);
    const apiRoot = await api.start();
    port = await freePort();
    hook = `http://127.0.0.1:${port}/hook`;
    bot = startProcess('npm', ['start'], { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, WEBHOOK_URL: hook, WEBHOOK_SECRET: SECRET, HOST: '127.0.0.1', PORT: String(port), REDIS_URL: '', ADMIN_IDS: '', LOG_LEVEL: 'info', DATA_DIR: '', INTENTS_DIR: '' });
    await bot.waitForOutput(/"mode":"webhook"/);
  });
  afterAll(async () => {
    bot.killAll();
    await api.stop();
  });

  it.each(HOSTILE)('should survive %s and log it by type', async (_name, make, type) => {
    const update = make() as { update_id: number };
    const res = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update) });
    expect(res.status).toBe(200);
    await bot.waitForOutput(new RegExp(`"update_id":${update.update_id},"type":"${type}"`), 5000);
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('should have answered the readable ones with the footer, within the length limit', () => {
    for (const c of api.callsTo('sendMessage')) {
      expect(String(c.payload.text)).toContain('0800 555 111');
      expect(String(c.payload.text).length).toBeLessThanOrEqual(4096);
    }
    expect(api.callsTo('sendMessage').length).toBeGreaterThanOrEqual(3);
  });
});
