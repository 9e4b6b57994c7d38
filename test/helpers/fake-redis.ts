import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in that speaks just enough of Redis's protocol (RESP) to pass for a server of any version:
 * INFO reports `version`, PING answers PONG, everything else OK. For testing what the bot does with
 * a Redis older than it supports, without installing one.
 */
export class FakeRedis {
  private server?: Server;
  readonly commands: string[] = [];
  constructor(readonly version: string) {}

  async start(): Promise<string> {
    this.server = createServer((socket) => {
      let buffer = Buffer.alloc(0);
      socket.on('error', () => undefined);
      socket.on('data', (chunk) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
          const parsed = parseCommand(buffer);
          if (!parsed) break;
          buffer = buffer.subarray(parsed.used);
          socket.write(this.reply(parsed.args));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `redis://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private reply(args: string[]): string {
    const command = (args[0] ?? '').toUpperCase();
    this.commands.push(command);
    if (command === 'PING') return '+PONG\r\n';
    if (command === 'INFO') {
      const info = `# Server\r\nredis_version:${this.version}\r\nredis_mode:standalone\r\n# Persistence\r\nloading:0\r\n`;
      return `$${Buffer.byteLength(info)}\r\n${info}\r\n`;
    }
    return '+OK\r\n';
  }
}

/** Parses one RESP array of bulk strings from the start of `buffer`, or undefined if it is not all there yet. */
function parseCommand(buffer: Buffer): { args: string[]; used: number } | undefined {
  const text = buffer.toString('latin1');
  if (!text.startsWith('*')) {
    // An inline command: one line of words.
    const end = text.indexOf('\r\n');
    return end < 0 ? undefined : { args: text.slice(0, end).split(' '), used: end + 2 };
  }
  let at = text.indexOf('\r\n');
  if (at < 0) return undefined;
  const count = Number(text.slice(1, at));
  at += 2;
  const args: string[] = [];
  for (let i = 0; i < count; i++) {
    const lineEnd = text.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const length = Number(text.slice(at + 1, lineEnd));
    const start = lineEnd + 2;
    if (text.length < start + length + 2) return undefined;
    args.push(text.slice(start, start + length));
    at = start + length + 2;
  }
  return { args, used: at };
}
