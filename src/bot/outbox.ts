import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transformer } from 'grammy';

/** A Bot API call a handler made, kept to be sent after the webhook has answered Telegram. */
export interface OutgoingCall {
  method: string;
  payload: Record<string, unknown>;
}

const capturing = new AsyncLocalStorage<OutgoingCall[]>();
const stopping = new AsyncLocalStorage<AbortSignal>();
const stopSignals = new WeakSet<AbortSignal>();

/**
 * Runs `handle` (the bot handling one update) with its Bot API calls collected instead of sent,
 * and returns them in order. The handler sees each call succeed at once, so nothing it does waits
 * on Telegram; the calls are sent afterwards from the reply queue.
 */
export async function collectCalls(handle: () => Promise<void>): Promise<OutgoingCall[]> {
  const calls: OutgoingCall[] = [];
  await capturing.run(calls, handle);
  return calls;
}

/** A plausible result for a collected call. No handler reads it; grammY only needs a well-formed answer. */
function fakeResult(call: OutgoingCall): unknown {
  if (call.method === 'sendMessage' || call.method === 'editMessageText') {
    return { message_id: 0, date: Math.floor(Date.now() / 1000), chat: { id: call.payload.chat_id, type: 'private' } };
  }
  return true;
}

/** The transformer that collects calls made inside `collectCalls`; elsewhere calls go through. */
export function outbox(): Transformer {
  return async (prev, method, payload, signal) => {
    const calls = capturing.getStore();
    if (!calls) return prev(method, payload, signal);
    const call = { method, payload: { ...(payload as Record<string, unknown>) } };
    calls.push(call);
    return { ok: true, result: fakeResult(call) } as Awaited<ReturnType<typeof prev>>;
  };
}

/** Runs `send` so that the Bot API calls in it stop waiting between retries once `stop` aborts (on shutdown). */
export function withStopSignal<T>(stop: AbortSignal, send: () => Promise<T>): Promise<T> {
  stopSignals.add(stop);
  return stopping.run(stop, send);
}

/** Outer transformer: hands calls made under `withStopSignal` its signal, so auto-retry's waits end on shutdown. */
export function stopSignalIn(): Transformer {
  return (prev, method, payload, signal) => prev(method, payload, signal ?? (stopping.getStore() as typeof signal));
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
