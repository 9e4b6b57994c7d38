import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';

/** A recorded Bot API call. */
export interface StubCall {
  method: string;
  payload: Record<string, any>;
  /** True once the stand-in answered the call with success (a 429 or 500 leaves it unset). */
  ok?: boolean;
}

type Fault = { code: 429; retryAfter: number } | { code: 500 };

/**
 * A small stand-in for Telegram's Bot API, served on 127.0.0.1 for end-to-end tests. It speaks the
 * real HTTP protocol (POST /bot<token>/<method>), queues updates for long polling, records every call,
 * and can fail chosen calls with 429 or 500.
 */
export class BotApiStub {
  readonly calls: StubCall[] = [];
  private readonly updates: Update[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly delays = new Map<string, number[]>();
  private readonly outages = new Map<string, { until: number; retryAfter: number }>();
  private waiters: (() => void)[] = [];
  private server?: Server;
  private nextMessageId = 1;

  constructor(
    readonly token: string,
    readonly botInfo: Record<string, unknown>,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.route(req)
        .then((body) => res.writeHead(body.ok ? 200 : body.error_code, { 'content-type': 'application/json' }).end(JSON.stringify(body)))
        .catch(() => res.writeHead(500).end());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Queues an update for the next getUpdates. */
  pushUpdate(update: Update): void {
    this.updates.push(update);
    this.release();
  }

  /** Makes the next call of `method` fail with this fault. */
  failNext(method: string, fault: Fault): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), fault]);
  }

  /** Answers every call of `method` with 429 and this retry_after for the next `ms` milliseconds, like a rate-limit storm. */
  startOutage(method: string, ms: number, retryAfter: number): void {
    this.outages.set(method, { until: Date.now() + ms, retryAfter });
  }

  /** Whether an outage started with startOutage is still on. */
  inOutage(method: string): boolean {
    return (this.outages.get(method)?.until ?? 0) > Date.now();
  }

  /** Makes the next call of `method` take this long to answer, like a slow Telegram. */
  slowNext(method: string, ms: number): void {
    this.delays.set(method, [...(this.delays.get(method) ?? []), ms]);
  }

  callsTo(method: string): StubCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls of `method` that succeeded: for sendMessage, the messages people actually got. */
  delivered(method: string): StubCall[] {
    return this.calls.filter((c) => c.method === method && c.ok);
  }

  /** Resolves when a recorded call matches, or rejects after `timeoutMs`. */
  async waitFor(predicate: (c: StubCall) => boolean, timeoutMs = 15_000): Promise<StubCall> {
    const started = Date.now();
    for (;;) {
      const found = this.calls.find(predicate);
      if (found) return found;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for a Bot API call; saw: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private async route(req: IncomingMessage): Promise<{ ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: object }> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (!match) return { ok: false, error_code: 404, description: 'Not Found' };
    if (match[1] !== this.token) return { ok: false, error_code: 401, description: 'Unauthorized' };
    const method = match[2]!;
    const type = req.headers['content-type'] ?? '';
    const payload = type.startsWith('multipart/form-data') ? multipartPayload(body, type) : body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, any>) : {};
    const call: StubCall = { method, payload };
    this.calls.push(call);
    const delay = this.delays.get(method)?.shift();
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const outage = this.outages.get(method);
    if (outage && outage.until > Date.now()) {
      return { ok: false, error_code: 429, description: `Too Many Requests: retry after ${outage.retryAfter}`, parameters: { retry_after: outage.retryAfter } };
    }
    const fault = this.faults.get(method)?.shift();
    if (fault?.code === 429) return { ok: false, error_code: 429, description: `Too Many Requests: retry after ${fault.retryAfter}`, parameters: { retry_after: fault.retryAfter } };
    if (fault?.code === 500) return { ok: false, error_code: 500, description: 'Internal Server Error' };
    const result = await this.answer(method, payload);
    call.ok = true;
    return { ok: true, result };
  }

  private async answer(method: string, payload: Record<string, any>): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return this.botInfo;
      case 'getUpdates': {
        const offset = Number(payload.offset ?? 0);
        const pending = () => this.updates.filter((u) => u.update_id >= offset);
        if (pending().length === 0) {
          // Long poll, but briefly, so a stopping bot is not held up.
          await new Promise<void>((resolve) => {
            this.waiters.push(resolve);
            setTimeout(resolve, Math.min(Number(payload.timeout ?? 0), 1) * 1000);
          });
        }
        return pending().slice(0, Number(payload.limit ?? 100));
      }
      case 'sendMessage':
      case 'sendPhoto':
      case 'editMessageText':
        // Telegram echoes the whole message; its id, date and chat are all the bot reads.
        return { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: payload.chat_id, type: 'private' } };
      default:
        return true;
    }
  }
}

/**
 * An upload (sendPhoto with a file) as Telegram reads it: each field, JSON ones parsed, and each file's bytes and
 * name in place of its `attach://` reference (so `payload.photo` is the picture itself). grammY's multipart body
 * is read by hand: undici's FormData parser in Node 20 refuses it.
 */
function multipartPayload(body: Buffer, type: string): Record<string, any> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (!boundary) throw new Error(`no boundary in ${type}`);
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const files = new Map<string, { name: string; bytes: Buffer }>();
  const fields: Record<string, any> = {};
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(at + delimiter.length, next);
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0) {
      const head = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + 4, part.length - (part.subarray(-2).toString() === '\r\n' ? 2 : 0));
      const name = /name="([^"]*)"/.exec(head)?.[1];
      // grammY writes the file name unquoted: filename=chart.png
      const filename = /filename="?([^"\r\n;]*)"?/.exec(head)?.[1];
      if (name && filename !== undefined) files.set(name, { name: filename, bytes: Buffer.from(content) });
      else if (name) {
        const value = content.toString('utf8');
        // As in JSON: objects and numbers (chat_id) are values, not text.
        fields[name] = /^[[{]|^-?\d+$/.test(value) ? JSON.parse(value) : value;
      }
    }
    at = next;
  }
  for (const [key, value] of Object.entries(fields)) {
    const attached = typeof value === 'string' && value.startsWith('attach://') ? files.get(value.slice(9)) : undefined;
    if (attached) fields[key] = attached;
  }
  return fields;
}
