import type { Bot } from 'grammy';
import type { BotContext, BotDeps } from './bot/context.js';
import { createBot } from './bot/create-bot.js';
import { MemoryDeduper, type UpdateClaims } from './bot/dedupe.js';
import { LogThrottle } from './bot/log-throttle.js';
import { createLogger, type Logger } from './bot/logger.js';
import { MemoryReplyQueue, SEND_CONCURRENCY, type ReplyQueue } from './bot/reply-queue.js';
import { startBot } from './bot/start.js';
import { runTerminalChat } from './cli/chat.js';
import { exitAfterOutput } from './cli/exit.js';
import { ConfigError, fileSettings, insightSettings, loadConfig, type Config } from './config.js';
import { MemoryContextStore } from './engine/context-store.js';
import { formatProblem, InvalidFilesError } from './files/problem.js';
import { describeFailure, LiveEngine, reloadNotice } from './reload/live-engine.js';
import { checkEdit } from './evaluation/gate.js';
import { PROJECT_ROOT } from './files/project-root.js';
import { watchFolders } from './reload/watch.js';
import { ChartCache } from './chart/render.js';
import { Insight } from './insight/insight.js';
import { MemoryInsightStore } from './insight/store.js';
import { RedisInsightStore } from './store/insight-redis.js';
import { RedisVersionError, SharedStore } from './store/redis.js';
import { SharedContextStore, SharedUpdateClaims, sharedRateCounter } from './store/shared-state.js';

const HOW_TO_CONNECT = `No BOT_TOKEN is set, so this is the terminal chat, on the same answers as the Telegram bot.
To connect to Telegram: get a token from @BotFather, then run  BOT_TOKEN=<token> npm start
(or put BOT_TOKEN=<token> in a .env file; see .env.example and the README).
`;

/** Loads the engine and keeps it current: edits under data/ and intents/ go live without a restart. */
async function liveEngine(config: Config, logger: Logger, tell?: (lines: string[]) => void): Promise<{ live: LiveEngine; stopWatching: () => void }> {
  const files = fileSettings(config);
  const { dataDir, intentsDir } = files;
  const live = await LiveEngine.start({
    ...files,
    // The same gate as `npm run check`: an edit that loses "Call 999 now" first is refused, and the last good version stays.
    gate: (engine) => checkEdit(engine, PROJECT_ROOT),
    onReload: (result) => {
      if (tell) tell(reloadNotice(result));
      else if (result.ok) {
        const { hash, intents, examples, warnings } = result.version;
        logger.info({ event: 'reloaded', version: hash, intents, examples, warnings: warnings.map(formatProblem) }, 'new data and intents in service');
      } else logger.error({ event: 'reload_failed', problems: describeFailure(result.failure) }, 'the edited files were refused; still serving the last good version');
    },
  });
  logger.info({ event: 'loaded', version: live.version.hash, intents: live.version.intents }, 'data and intents loaded');
  const stopWatching = watchFolders([dataDir, intentsDir], () => void live.reload(), undefined, (error) =>
    logger.warn({ event: 'watch_unavailable', err: error }, 'cannot watch the files for changes; checking them every two seconds instead'),
  );
  return { live, stopWatching };
}

const RATE_LIMIT = { limit: 12, windowMs: 10_000 };

/**
 * Context, rate limits, update claims, the reply queue and the insight counts: in Redis when REDIS_URL is set
 * (shared by all instances), else in memory.
 */
async function sharedState(config: Config, logger: Logger) {
  const memoryQueue = (bot: Bot<BotContext>, claims: UpdateClaims) =>
    new MemoryReplyQueue({ api: bot.api, logger, throttle: new LogThrottle(logger), limit: config.UPDATE_QUEUE_LIMIT, claims });
  if (!config.REDIS_URL) {
    const claims = new MemoryDeduper();
    return {
      deps: { contexts: new MemoryContextStore(), rateLimit: RATE_LIMIT, insight: new Insight(new MemoryInsightStore(), insightSettings(config)) },
      claims,
      replies: (bot: Bot<BotContext>): ReplyQueue => memoryQueue(bot, claims),
      close: async () => undefined,
    };
  }
  const store = new SharedStore(config.REDIS_URL, logger);
  await store.connect();
  logger.info({ event: 'shared_state', redis: store.available }, store.available ? 'shared state in Redis' : 'Redis not reachable yet; starting on in-memory state');
  const url = config.REDIS_URL;
  // Loaded only with Redis: a single instance has no use for BullMQ.
  const { RedisReplyQueue } = await import('./store/redis-reply-queue.js');
  return {
    deps: {
      contexts: new SharedContextStore(store),
      rateLimit: { ...RATE_LIMIT, storageClient: sharedRateCounter(store, RATE_LIMIT.windowMs) },
      insight: new Insight(new RedisInsightStore(store), insightSettings(config)),
    },
    claims: new SharedUpdateClaims(store),
    replies: (bot: Bot<BotContext>): ReplyQueue =>
      new RedisReplyQueue({ url, api: bot.api, logger, throttle: new LogThrottle(logger), concurrency: SEND_CONCURRENCY, fallback: memoryQueue(bot, new MemoryDeduper()) }),
    close: () => store.close(),
  };
}

async function runTelegram(config: Config): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL, config.BOT_TOKEN);
  const { live, stopWatching } = await liveEngine(config, logger);
  const shared = await sharedState(config, logger);
  const deps: BotDeps = { engine: () => live.current, live, startedAt: new Date(), logger, adminIds: config.ADMIN_IDS, charts: new ChartCache(), ...shared.deps };
  const bot = createBot(config.BOT_TOKEN!, deps, { apiRoot: config.TELEGRAM_API_ROOT });
  const running = await startBot(bot, live.current, config, { claims: shared.claims, replies: () => shared.replies(bot) }, logger);
  // Once serving: the first unanswered question should not wait for the dictionary.
  setTimeout(() => deps.insight?.prepare(), 0).unref();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'stopping', signal }, 'finishing updates in flight, then stopping');
    const force = setTimeout(() => {
      logger.error({ event: 'stop_timeout' }, 'updates did not finish in time; exiting anyway');
      logger.flush(() => process.exit(1));
    }, config.SHUTDOWN_DRAIN_SECONDS * 1000 + 10_000).unref();
    stopWatching();
    await running.stop();
    await shared.close();
    clearTimeout(force);
    logger.info({ event: 'stopped' }, 'stopped');
    logger.flush(() => process.exit(0));
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.BOT_TOKEN) {
    process.stdout.write(HOW_TO_CONNECT);
    // Reloads are told in plain words on stderr, out of the conversation's way.
    const tell = (lines: string[]) => process.stderr.write(`\n${lines.join('\n')}\n`);
    const { live, stopWatching } = await liveEngine(config, createLogger('warn', undefined, process.stderr), tell);
    await runTerminalChat(() => live.current);
    stopWatching();
    return;
  }
  await runTelegram(config);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof InvalidFilesError || error instanceof RedisVersionError) console.error(error.message);
  else console.error('The bot could not start:', error instanceof Error ? error.message : error);
  exitAfterOutput(1);
});
