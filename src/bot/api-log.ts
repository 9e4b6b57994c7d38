import type { Transformer } from 'grammy';
import { LogThrottle } from './log-throttle.js';
import type { Logger } from './logger.js';

/**
 * Logs every failed Bot API call (method and error code), including each attempt that auto-retry
 * repeats, so Telegram's outages and rate limits show in the logs: one line per method and error
 * per minute, with a count of those left out, so a 429 storm does not flood them. Payloads are never logged.
 */
export function apiFailureLog(logger: Logger, throttle = new LogThrottle(logger)): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) {
        throttle.log('warn', `api_error:${method}:${result.error_code}`, { event: 'api_error', method, code: result.error_code, retry_after: result.parameters?.retry_after }, 'Telegram answered with an error');
      }
      return result;
    } catch (error) {
      if (!signal?.aborted) throttle.log('warn', `api_unreachable:${method}`, { event: 'api_unreachable', method, err: error }, 'could not reach the Bot API');
      throw error;
    }
  };
}
