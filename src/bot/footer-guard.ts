import type { Transformer } from 'grammy';
import { currentFooter, hasFooter } from '../reply/compose.js';
import { escapeHtml } from './html.js';
import type { Logger } from './logger.js';

type Payload = Record<string, unknown>;

/**
 * The second line of defence for the footer: checks every outgoing message, edit, photo caption and inline
 * answer, and adds the footer (logging the fault) if a code path ever sent text without it.
 */
export function footerGuard(logger: Logger): Transformer {
  const mend = (text: unknown, method: string): unknown => {
    if (typeof text !== 'string' || hasFooter(text)) return text;
    logger.error({ event: 'footer_missing', method }, 'an outgoing text lacked the contact footer; added it');
    return `${text}\n\n${escapeHtml(currentFooter().text)}`;
  };
  return (prev, method, payload, signal) => {
    if (method === 'sendMessage' || method === 'editMessageText') {
      const p = payload as Payload;
      payload = { ...p, text: mend(p.text, method) } as typeof payload;
    } else if (method === 'sendPhoto') {
      const p = payload as Payload;
      payload = { ...p, caption: mend(p.caption, method) } as typeof payload;
    } else if (method === 'answerInlineQuery') {
      const p = payload as Payload & { results?: Payload[] };
      const results = (p.results ?? []).map((r) => {
        const content = r.input_message_content as Payload | undefined;
        return content && 'message_text' in content ? { ...r, input_message_content: { ...content, message_text: mend(content.message_text, method) } } : r;
      });
      payload = { ...p, results } as unknown as typeof payload;
    }
    return prev(method, payload, signal);
  };
}
