import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs on stdout. They carry update types, intents and timings only: never message
 * text, names, phone numbers or the token. The token is also scrubbed from error messages.
 * Call `logger.flush()` before exiting.
 */
export function createLogger(level: string, token?: string, destination?: NodeJS.WritableStream): Logger {
  const scrub = (s: string) => (token ? s.split(token).join('[token]') : s);
  return pino(
    {
      level,
      base: undefined,
      serializers: {
        err: (err: unknown) => {
          if (!(err instanceof Error)) return { message: scrub(String(err)) };
          const e = err as Error & { error_code?: number; method?: string };
          return { type: e.name, message: scrub(e.message), code: e.error_code, method: e.method, stack: e.stack && scrub(e.stack) };
        },
      },
    },
    // Asynchronous writes to stdout: lines written while a write is in flight go out together. Flushed on exit.
    (destination as pino.DestinationStream | undefined) ?? pino.destination({ dest: 1, sync: false }),
  );
}
