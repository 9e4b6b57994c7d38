import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './process.js';

/** Whether this machine can run redis-server (CI installs it; see .ci/run). */
export const REDIS_SERVER_FOUND = spawnSync('redis-server', ['--version']).status === 0;

/** Why Redis tests cannot run here, or undefined when they can. In CI a missing Redis is a failure, not a skip. */
export function redisUnavailable(): string | undefined {
  if (REDIS_SERVER_FOUND || process.env.TEST_REDIS_URL) return undefined;
  const why = 'redis-server is not installed (apt-get install -y redis-server); skipping the tests that need Redis';
  if (process.env.CI) throw new Error(`${why}: CI must run them`);
  console.warn(`\n*** ${why} ***\n`);
  return why;
}

/** A throw-away redis-server on a free loopback port, that a test can stop to simulate an outage. */
export class TestRedis {
  private child?: ChildProcess;
  constructor(readonly port: number) {}

  static async start(): Promise<TestRedis> {
    const redis = new TestRedis(await freePort());
    await redis.launch();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async launch(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
    client.on('error', () => undefined);
    const started = Date.now();
    for (;;) {
      try {
        if (client.status !== 'ready') await client.connect().catch(() => undefined);
        if ((await client.ping()) === 'PONG') break;
      } catch {
        /* not up yet */
      }
      if (Date.now() - started > 10_000) throw new Error(`redis-server did not start on port ${this.port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    client.disconnect();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}
