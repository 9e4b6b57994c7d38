import type { Intent } from '../intents/load.js';
import type { ChatContext } from './context.js';
import type { Recall } from './parts.js';

/**
 * What a conversation remembers between messages, and what it remembers after one: the figures and places
 * last answered (keys of data/, never the words typed), and the county the person said they live in.
 */

/** The conversation's last figures, as the context keeps them; an older context named only a topic, whose figure it was. */
export function recalled(context: ChatContext | undefined, byId: ReadonlyMap<string, Pick<Intent, 'metric'>>): Recall | undefined {
  if (!context) return undefined;
  const metric = context.intent ? byId.get(context.intent)?.metric : undefined;
  const metrics = context.metrics ?? (metric ? [metric] : []);
  const places = context.places ?? [];
  if (metrics.length === 0 && places.length === 0 && !context.region) return undefined;
  return { metrics, places, region: context.region ?? places.length === 0, earlier: context.earlier ?? [], ...(context.earlierMetrics?.length && { earlierMetrics: context.earlierMetrics }) };
}

/**
 * The context after a message: the figures and places it answered, else what was kept before; the topic it
 * answered in words (`topic`), else the one before unless it answered figures alone; and the person's county
 * when known. Unchanged when the message answered nothing and said no home.
 */
export function contextAfter(
  context: ChatContext | undefined,
  answered: Recall | undefined,
  home: string | undefined,
  now: number,
  byId: ReadonlyMap<string, Pick<Intent, 'metric'>>,
  topic?: string,
): ChatContext | undefined {
  if (!answered && topic === undefined && home === context?.home) return context;
  const kept = answered ?? recalled(context, byId);
  const lastTopic = topic ?? (answered ? undefined : context?.topic);
  return {
    ...(kept && { metrics: kept.metrics, places: kept.places, region: kept.region, earlier: kept.earlier }),
    ...(kept?.earlierMetrics?.length && { earlierMetrics: kept.earlierMetrics }),
    ...(home && { home }),
    ...(lastTopic && { topic: lastTopic }),
    at: now,
  };
}
