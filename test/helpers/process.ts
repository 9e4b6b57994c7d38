import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { PROJECT_ROOT } from '../../src/engine/load-engine.js';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A child process started as a user would (`npm start`), with its output collected. */
export interface Started {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Sends a signal to the bot's own process (its pid from the start-up log), as a process manager would. */
  signalBot(signal: NodeJS.Signals): void;
  /** Kills npm and everything it started, so no test leaves a bot running. */
  killAll(): void;
  /** Types a line on the process's standard input (started with `{ input: true }`). */
  type(line: string): void;
}

export function startProcess(command: string, args: string[], env: Record<string, string>, { input = false } = {}): Started {
  const child = spawn(command, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'test' },
    stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    // Its own process group, so killAll reaches npm's children too.
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    type(line) {
      if (!child.stdin) throw new Error('started without input: pass { input: true } to startProcess');
      child.stdin.write(`${line}\n`);
    },
    killAll() {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    },
    signalBot(signal) {
      const pid = /"event":"started"[^\n]*"pid":(\d+)/.exec(output)?.[1];
      if (!pid) throw new Error(`no start-up log with a pid yet; output:\n${output}`);
      process.kill(Number(pid), signal);
    },
    async waitForOutput(pattern, timeoutMs = 20_000) {
      const started = Date.now();
      while (!pattern.test(output)) {
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}; output so far:\n${output}`);
        if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${pattern}; output:\n${output}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}
