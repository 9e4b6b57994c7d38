import type { EngineReply } from '../engine/engine.js';
import { figureOf } from '../engine/plan.js';
import type { Frame, FramePlace } from '../frame/types.js';
import { latestOperation, type Knowledge } from '../knowledge/knowledge.js';

/** What became of a message: answered, answered with "not published", not understood, or danger first. */
export type Outcome = 'answered' | 'not_published' | 'fallback' | 'danger';

/** One reply as counted: its outcome, and the names of the counters it adds one to. */
export interface Tally {
  outcome: Outcome;
  /** `kind:value` names (`act:figure`, `metric:arrests`, `place:essex`), each once. Keys of data/ and intents/ only, never text. */
  counters: string[];
}

/** The place a frame asked about, as a key: the county for a town, `region` for the region, `outside` elsewhere. */
export function placeKey(place: FramePlace): string {
  if (place.kind === 'region') return 'region';
  if (place.kind === 'outside_region') return 'outside';
  return place.county ?? place.key ?? 'outside';
}

/**
 * The figures a frame asked for that the week it is about did not publish, as `metric@place` (`region` for the
 * region), and each breakdown asked (the release gives none). A time no week covers is no figure asked.
 */
export function unpublishedAsked(frame: Frame, knowledge: Knowledge): string[] {
  const missing = frame.facet ? [`breakdown:${frame.facet.key}`] : [];
  if (frame.time.kind !== 'none' && frame.time.operations.length === 0) return missing;
  const op = knowledge.operations.find((o) => o.id === frame.time.operations[0]) ?? latestOperation(knowledge);
  const inRegion = frame.places.filter((p) => p.kind !== 'outside_region');
  const places = inRegion.length > 0 ? [...new Set(inRegion.map(placeKey))] : frame.places.length === 0 ? ['region'] : [];
  for (const metric of frame.metrics) {
    for (const place of places) if (!figureOf(op, place === 'region' ? undefined : place, metric)) missing.push(`${metric}@${place}`);
  }
  return missing;
}

/** The outcome of a reply: danger first wins, then a reply that matched nothing, then any figure not published. */
export function outcomeOf(reply: EngineReply, unpublished: readonly string[]): Outcome {
  if (reply.danger) return 'danger';
  if (reply.intent === null) return 'fallback';
  return unpublished.length > 0 ? 'not_published' : 'answered';
}

/**
 * What a reply adds to the day's counts: for each part asked, its act, figures, places, time and breakdown; the
 * topic answered; the language; and the outcome. Built from the frame's keys alone, never from the words typed.
 */
export function tallyOf(reply: EngineReply, knowledge: Knowledge): Tally {
  const frames = reply.frames ?? [reply.frame];
  const unpublished = [...new Set(frames.flatMap((f) => unpublishedAsked(f, knowledge)))];
  const outcome = outcomeOf(reply, unpublished);
  const counters = new Set([`outcome:${outcome}`, `language:${reply.language.code}`]);
  if (reply.intent) counters.add(`topic:${reply.intent}`);
  for (const frame of frames) {
    counters.add(`act:${frame.act}`);
    if (frame.time.kind !== 'none') counters.add(`time:${frame.time.kind}`);
    if (frame.facet) counters.add(`breakdown:${frame.facet.key}`);
    for (const metric of frame.metrics) counters.add(`metric:${metric}`);
    for (const place of frame.places) counters.add(`place:${placeKey(place)}`);
  }
  for (const u of unpublished) counters.add(`unpublished:${u}`);
  return { outcome, counters: [...counters] };
}
