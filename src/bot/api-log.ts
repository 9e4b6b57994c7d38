import type { Transformer } from 'grammy';
import type { Logger } from './logger.js';

/**
 * Logs every failed Bot API call (method and error code), including each attempt that auto-retry
 * repeats, so Telegram's outages and rate limits show in the logs. Payloads are never logged.
 */
export function apiFailureLog(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) {
        logger.warn({ event: 'api_error', method, code: result.error_code, retry_after: result.parameters?.retry_after }, 'Telegram answered with an error');
      }
      return result;
    } catch (error) {
      if (!signal?.aborted) logger.warn({ event: 'api_unreachable', method, err: error }, 'could not reach the Bot API');
      throw error;
    }
  };
}
