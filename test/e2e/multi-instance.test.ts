import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BotApiStub } from '../helpers/bot-api-stub.js';
import { LOGIC_DATA } from '../helpers/fixtures.js';
import { freePort, startProcess, type Started } from '../helpers/process.js';
import { redisUnavailable, TestRedis } from '../helpers/redis.js';
import { BOT_INFO, textUpdate, TOKEN } from '../helpers/telegram.js';

const SECRET = 'multi-instance-secret';
const skip = redisUnavailable();

// Two bot processes in webhook mode behind one "load balancer" (the test), sharing one Redis.
describe.skipIf(skip)('several webhook instances sharing Redis', () => {
  let redis: TestRedis;
  let api: BotApiStub;
  let apiRoot: string;
  let instances: { bot: Started; hook: string }[] = [];
  let userId = 5000;

  beforeAll(async () => {
    redis = await TestRedis.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  beforeEach(async () => {
    api = new BotApiStub(TOKEN, BOT_INFO as unknown as Record<string, unknown>);
    apiRoot = await api.start();
    instances = [];
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const hook = `http://127.0.0.1:${port}/hook`;
      const bot = startProcess('npm', ['start'], {
        BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, WEBHOOK_URL: hook, WEBHOOK_SECRET: SECRET, HOST: '127.0.0.1', PORT: String(port),
        REDIS_URL: redis.url, ADMIN_IDS: '', LOG_LEVEL: 'info', DATA_DIR: LOGIC_DATA, INTENTS_DIR: '',
      });
      instances.push({ bot, hook });
    }
    await Promise.all(instances.map((i) => i.bot.waitForOutput(/"mode":"webhook"/)));
  });
  afterEach(async () => {
    for (const { bot } of instances) bot.killAll();
    await api.stop();
  });

  const post = (instance: number, update: object) =>
    fetch(instances[instance]!.hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update) });
  const repliesTo = (chatId: number) => api.callsTo('sendMessage').filter((c) => c.payload.chat_id === chatId).map((c) => String(c.payload.text));

  it('should keep a follow-up in context when the other instance gets it', async () => {
    const user = ++userId;
    expect((await post(0, textUpdate('how many arrests in essex', { userId: user }))).status).toBe(200);
    expect((await post(1, textUpdate('what about kent?', { userId: user }))).status).toBe(200);
    expect(repliesTo(user)[1]).toContain('In Kent, 28 people were arrested');
  });

  it('should answer an update posted to both instances once', async () => {
    const user = ++userId;
    const update = textUpdate('whats a county line', { userId: user });
    const statuses = await Promise.all([post(0, update), post(1, update)]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200]);
    expect(repliesTo(user)).toHaveLength(1);
  });

  it('should limit a user flooding both instances overall', async () => {
    const user = ++userId;
    for (let i = 0; i < 30; i++) await post(i % 2, textUpdate(`arrests in kent ${i}`, { userId: user }));
    const replies = repliesTo(user);
    expect(replies.filter((r) => r.includes('faster than I can answer'))).toHaveLength(1);
    expect(replies).toHaveLength(12 + 1); // the limit, plus one polite notice
  });

  it('should keep both instances answering when Redis dies mid-run, and log it once', async () => {
    const user = ++userId;
    await post(0, textUpdate('how many arrests in essex', { userId: user }));
    await redis.stop();
    try {
      for (let i = 0; i < 4; i++) expect((await post(i % 2, textUpdate(`how many deal lines in kent ${i}`, { userId: user + 1 + i }))).status).toBe(200);
      for (let i = 0; i < 4; i++) expect(repliesTo(user + 1 + i)[0]).toContain('In Kent, 10 deal lines were seized');
      for (const { bot } of instances) {
        expect(bot.child.exitCode).toBeNull();
        expect(bot.output().match(/"event":"redis_down"/g)).toHaveLength(1);
      }
    } finally {
      await redis.launch(); // for the tests after this one
    }
    // ...and recover when it comes back.
    await Promise.all(instances.map(({ bot }) => bot.waitForOutput(/"event":"redis_up"/, 10_000)));
  });
});
