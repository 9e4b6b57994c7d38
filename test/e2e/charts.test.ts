import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasFooter } from '../../src/reply/compose.js';
import { BotApiStub, type StubCall } from '../helpers/bot-api-stub.js';
import { LOGIC_DATA } from '../helpers/fixtures.js';
import { freePort, startProcess, type Started } from '../helpers/process.js';
import { redisUnavailable, TestRedis } from '../helpers/redis.js';
import { BOT_INFO, textUpdate, TOKEN } from '../helpers/telegram.js';

const BASE_ENV = { BOT_TOKEN: TOKEN, WEBHOOK_URL: '', WEBHOOK_SECRET: '', ADMIN_IDS: '', REDIS_URL: '', LOG_LEVEL: 'info', DATA_DIR: LOGIC_DATA, INTENTS_DIR: '' };
const SECRET = 'charts-secret';

/** The picture a sendPhoto uploaded, and its size from the PNG header. */
function uploadedPng(call: StubCall) {
  const photo = call.payload.photo as { name: string; bytes: Buffer };
  expect(photo.bytes.subarray(1, 4).toString()).toBe('PNG');
  return { name: photo.name, width: photo.bytes.readUInt32BE(16), height: photo.bytes.readUInt32BE(20) };
}

// The real process against the Bot API stand-in: the chart is uploaded with sendPhoto as multipart form data,
// in polling mode (sent at once) and in webhook mode with Redis (queued in BullMQ first, as JSON).
describe('charts through the real bot', () => {
  let api: BotApiStub;
  let apiRoot: string;
  let bot: Started | undefined;
  let redis: TestRedis | undefined;

  beforeEach(async () => {
    api = new BotApiStub(TOKEN, BOT_INFO as unknown as Record<string, unknown>);
    apiRoot = await api.start();
  });
  afterEach(async () => {
    bot?.killAll();
    bot = undefined;
    await api.stop();
    await redis?.stop();
    redis = undefined;
  });

  const photoTo = (chat: number) => api.waitFor((c) => c.method === 'sendPhoto' && c.payload.chat_id === chat);

  it('should upload a bar chart captioned with the answer and footer, and answer other questions in text', async () => {
    bot = startProcess('npm', ['start'], { ...BASE_ENV, TELEGRAM_API_ROOT: apiRoot });
    await bot.waitForOutput(/"mode":"polling"/);
    api.pushUpdate(textUpdate('which county had the most arrests', { userId: 601 }));
    const photo = await photoTo(601);
    expect(uploadedPng(photo)).toEqual({ name: 'chart.png', width: 1080, height: expect.any(Number) });
    expect(photo.payload.caption).toContain('Essex had the most arrests');
    expect(hasFooter(photo.payload.caption)).toBe(true);
    expect(photo.payload.reply_markup.inline_keyboard.length).toBeGreaterThan(0);

    api.pushUpdate(textUpdate('how many arrests in kent', { userId: 602 }));
    await api.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 602);
    expect(api.callsTo('sendPhoto').filter((c) => c.payload.chat_id === 602)).toHaveLength(0);
  });

  it.skipIf(redisUnavailable())('should send a chart queued in Redis in webhook mode', async () => {
    redis = await TestRedis.start();
    const port = await freePort();
    const hook = `http://127.0.0.1:${port}/hook`;
    bot = startProcess('npm', ['start'], { ...BASE_ENV, TELEGRAM_API_ROOT: apiRoot, WEBHOOK_URL: hook, WEBHOOK_SECRET: SECRET, HOST: '127.0.0.1', PORT: String(port), REDIS_URL: redis.url });
    await bot.waitForOutput(/"mode":"webhook"/);
    const update = textUpdate('essex vs kent arrests', { userId: 603 });
    const posted = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update) });
    expect(posted.status).toBe(200);
    const photo = await photoTo(603);
    expect(uploadedPng(photo).width).toBe(1080);
    expect(hasFooter(photo.payload.caption)).toBe(true);
  });
});
