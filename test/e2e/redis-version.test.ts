import { afterEach, describe, expect, it } from 'vitest';
import { BotApiStub } from '../helpers/bot-api-stub.js';
import { FakeRedis } from '../helpers/fake-redis.js';
import { freePort, startProcess, type Started } from '../helpers/process.js';
import { BOT_INFO, TOKEN } from '../helpers/telegram.js';

describe('the Redis version check at start-up', () => {
  let bot: Started | undefined;
  let api: BotApiStub | undefined;
  let redis: FakeRedis | undefined;
  afterEach(async () => {
    bot?.killAll();
    await api?.stop();
    await redis?.stop();
  });

  // Regression: on Redis 6, PEXPIRE … NX fails, so rate-limit counters never expired and a user was
  // limited for good after 12 messages; the bot started without a word.
  it('should refuse a Redis older than 7, naming REDIS_URL, the version found and what to do', async () => {
    redis = new FakeRedis('6.2.14');
    const redisUrl = await redis.start();
    api = new BotApiStub(TOKEN, BOT_INFO as unknown as Record<string, unknown>);
    const apiRoot = await api.start();
    const port = await freePort();
    bot = startProcess('npm', ['start'], {
      BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, WEBHOOK_URL: `http://127.0.0.1:${port}/hook`, WEBHOOK_SECRET: 'version-secret', HOST: '127.0.0.1', PORT: String(port),
      REDIS_URL: redisUrl, ADMIN_IDS: '', LOG_LEVEL: 'info', DATA_DIR: '', INTENTS_DIR: '',
    });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/REDIS_URL: this Redis is version 6\.2\.14, and the bot needs Redis 7 or later/);
    expect(bot.output()).toMatch(/unset REDIS_URL/);
    expect(bot.output()).not.toContain('"event":"started"');
    expect(api.callsTo('setWebhook')).toHaveLength(0);
  });
});
