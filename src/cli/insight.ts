import { ConfigError, fileSettings, insightSettings, loadConfig } from '../config.js';
import { createLogger } from '../bot/logger.js';
import { Insight } from '../insight/insight.js';
import { formatReport } from '../insight/report.js';
import { loadKnowledge } from '../knowledge/load.js';
import { RedisInsightStore } from '../store/insight-redis.js';
import { SharedStore } from '../store/redis.js';
import { exitAfterOutput } from './exit.js';

const NO_REDIS = `REDIS_URL is not set, so the bot keeps its counts in its own memory, where this command cannot read them.
Ask the bot instead: send /insight to it in a private chat from an account listed in ADMIN_IDS.
To keep the counts in Redis (shared by every instance, and readable here), set REDIS_URL (see .env.example).`;

/**
 * `npm run insight [-- --json]`: what people asked over the last 7 days and what the bot could not answer, from
 * the counts in Redis; the same report as the staff-only /insight. `--json` prints the report's fields as JSON.
 */
async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const config = loadConfig();
  if (!config.REDIS_URL) {
    console.error(NO_REDIS);
    return 1;
  }
  const store = new SharedStore(config.REDIS_URL, createLogger('silent'));
  try {
    await store.connect();
    if (!store.available) {
      console.error(`Redis at REDIS_URL cannot be reached, so there are no counts to read. Check that Redis is running, and that REDIS_URL (${new URL(config.REDIS_URL).host}) is right.`);
      return 1;
    }
    const report = await new Insight(new RedisInsightStore(store), insightSettings(config)).report();
    if (json) console.log(JSON.stringify(report, null, 2));
    else {
      const { knowledge } = await loadKnowledge(fileSettings(config).dataDir);
      console.log(formatReport(report, knowledge));
    }
    return 0;
  } finally {
    await store.close();
  }
}

main().then(exitAfterOutput, (error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `insight failed: ${String(error)}`);
  exitAfterOutput(1);
});
