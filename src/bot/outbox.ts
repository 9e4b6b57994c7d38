import type { Context, MiddlewareFn, Transformer } from 'grammy';

/** A Bot API call a handler made, kept to be sent after the webhook has answered Telegram. */
export interface OutgoingCall {
  method: string;
  payload: Record<string, unknown>;
}

const collecting = new WeakMap<object, OutgoingCall[]>();
const stopSignals = new WeakSet<AbortSignal>();

/**
 * Runs `handle` (the bot handling `update`) with the Bot API calls made for that update collected
 * instead of sent, and returns them in order. The handler sees each call succeed at once, so nothing
 * it does waits on Telegram; the calls are sent afterwards from the reply queue.
 */
export async function collectCalls(update: object, handle: () => Promise<void>): Promise<OutgoingCall[]> {
  const calls: OutgoingCall[] = [];
  collecting.set(update, calls);
  try {
    await handle();
  } finally {
    collecting.delete(update);
  }
  return calls;
}

/** A plausible result for a collected call. No handler reads it; grammY only needs a well-formed answer. */
function fakeResult(call: OutgoingCall): unknown {
  if (call.method === 'sendMessage' || call.method === 'editMessageText') {
    return { message_id: 0, date: Math.floor(Date.now() / 1000), chat: { id: call.payload.chat_id, type: 'private' } };
  }
  return true;
}

/**
 * Middleware, installed first: for an update handled inside `collectCalls`, the context's API
 * collects its calls (grammY gives each update its own API object, so nothing else is affected).
 */
export function outbox(): MiddlewareFn<Context> {
  return (ctx, next) => {
    const calls = collecting.get(ctx.update);
    if (calls) {
      ctx.api.config.use(async (_prev, method, payload) => {
        const call = { method, payload: { ...(payload as Record<string, unknown>) } };
        calls.push(call);
        return { ok: true, result: fakeResult(call) } as never;
      });
    }
    return next();
  };
}

/** Marks `signal` as a reply queue's stop signal: aborting it ends waits between retries, never a request on the wire. */
export function stopSignal(signal: AbortSignal): AbortSignal {
  stopSignals.add(signal);
  return signal;
}

/**
 * Inner transformer, next to the network: a request already on its way to Telegram is never cut off
 * by the stop signal. It may have been delivered, and sending it again would answer twice.
 */
export function stopSignalOut(): Transformer {
  return async (prev, method, payload, signal) => {
    const stop = signal && stopSignals.has(signal as AbortSignal) ? (signal as AbortSignal) : undefined;
    if (!stop) return prev(method, payload, signal);
    if (stop.aborted) throw new ShutdownError(method);
    const result = await prev(method, payload);
    // Failed, and the process is stopping: hand the reply back rather than wait out retry_after here.
    if (!result.ok && stop.aborted) throw new ShutdownError(method);
    return result;
  };
}

/** A reply not sent because this process is stopping; the reply queue hands it to another instance. */
export class ShutdownError extends Error {
  constructor(method: string) {
    super(`${method} not sent: this instance is stopping (aborted); the reply goes back to the queue`);
    this.name = 'ShutdownError';
  }
}
