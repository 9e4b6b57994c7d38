import type { FrameParts } from '../frame/build.js';
import type { DangerReading } from '../frame/danger.js';
import type { FramePlace } from '../frame/types.js';
import { latestOperation, type Knowledge, type Operation } from '../knowledge/knowledge.js';
import { formatDateRange, listInWords } from '../knowledge/format.js';
import { englishWords } from '../knowledge/languages.js';
import type { Words } from '../knowledge/language-words.js';
import { phrasesIn, wordSetOf } from '../nlu/phrases.js';
import { PLACE_TOKEN } from '../nlu/places.js';
import type { SpeakerReading } from '../nlu/speaker.js';
import { placeName } from '../reply/fields.js';
import { dangerTopicRule, inStead, intentForMetric, metricCheckedBy, planAnswer, planContact, planFallback, type Planned } from './answers.js';
import { answersWithFigures, asksForFigures, speakerRoute, type EngineDeps } from './choose.js';
import type { Intent } from '../intents/load.js';
import { decide, followUp, livesIn, onlySocial, placeKeys, RANKING, recallOf, type Asked, type Followed, type PartReading, type Recall } from './parts.js';
import { facetSays, figureOf, otherTimeStatement, outsideSaid, timeNoteSaid, outsideStatements, planFigureCells, say, timeNote, townsSaid, townStatements, type FigureCell } from './plan.js';
import type { Said } from '../reply/locale.js';

/** A part's plan: a finished answer, or figures to list with the figures of the parts next to it. */
export type PartPlan = { planned: Planned } | { cells: FigureCell[]; frame: FrameParts; fromContext: boolean };

/**
 * Plans the figures one part asks for. A ranking, a sum, a share, a rate or a check is worked out by the
 * figure's topic (a ranking by the comparison topic); a figure topic the classifier chose with no figure
 * named (the overview) gives its own answer; places with no figure get their overview; a breakdown, another
 * time or a place outside the region get what was published, or that it was not. Otherwise the part is
 * figures for places: cells, listed with the cells of the parts next to it.
 */
export function planFigurePart(asked: Asked & { kind: 'figures' }, followed: Followed, deps: EngineDeps, previousMetric: string | undefined, speaker: SpeakerReading | undefined, u: PartReading['u']): PartPlan {
  const { frame, metrics, fromContext } = followed;
  const { knowledge } = deps;
  const kind = frame.operation.kind;
  const follow = { fromContext, previousMetric };
  const op = frame.weeks[0] ?? latestOperation(knowledge);
  // A ranking asked, or the comparison topic chosen for one figure across the counties ("rank the counties by
  // arrests", "how does essex compare"), but not when the region is asked beside a county ("herts vs the overall number").
  const region = frame.places.some((p) => p.kind === 'region');
  const ranks = RANKING.has(kind) || (asked.via?.answer.most !== undefined && kind === 'value' && metrics.length <= 1 && !(region && frame.counties.length > 0));
  if (ranks && deps.comparison) return { planned: planAnswer(deps.comparison, frame, deps, follow, speaker) };
  // "was it 28 in kent?" with no figure named: the figure of that place with that number, or the nearest to it
  // (so the check still finds Kent's arrests after staff correct the figure to 29).
  if (kind === 'confirm' && metrics.length === 0 && frame.operation.number !== undefined && frame.counties.length <= 1) {
    const checked = metricCheckedBy(op, frame.counties[0], frame.operation.number);
    const intent = checked && intentForMetric(checked, deps);
    if (intent) return { planned: planAnswer(intent, { ...frame, metrics: [checked] }, deps, follow, speaker) };
  }
  // A topic chosen with no figure named ("what happened in kent?": the overview) gives its own answer.
  if (metrics.length === 0 && asked.via) return { planned: planAnswer(asked.via, frame, deps, follow, speaker) };
  // A sum, a share, a rate, a difference: worked out by the figure's topic (arrests, the headline figure, unless another is named).
  if (kind !== 'value' && kind !== 'confirm') {
    const intent = intentForMetric(metrics[0] ?? 'arrests', deps);
    if (intent) return { planned: planAnswer(intent, frame, deps, follow, speaker) };
  }
  if (metrics.length === 0) {
    const overview = deps.byId.get('overview');
    const otherTime = frame.time.kind !== 'none' && frame.weeks.length === 0;
    if (!frame.facet && !otherTime && (frame.counties.length > 0 || region) && overview) return { planned: planAnswer(overview, frame, deps, follow, speaker) };
    return { planned: planFallback(frame, deps, asksForFigures(u.tokens, englishWords(knowledge.languages))) };
  }
  // Only places outside the region: no figures there, and never the region's instead.
  if (frame.counties.length === 0 && !region && frame.places.some((p) => p.kind === 'outside_region')) {
    const intent = intentForMetric(metrics[0]!, deps);
    return { planned: intent ? planAnswer(intent, frame, deps, follow, speaker) : planFallback(frame, deps, true) };
  }
  const rows: (string | undefined)[] = frame.counties.length > 0 ? [...frame.counties, ...(region && regionBeside(u.tokens, englishWords(knowledge.languages)) ? [undefined] : [])] : [undefined];
  return { cells: rows.flatMap((place) => metrics.map((metric) => ({ place, metric }))), frame, fromContext };
}

/**
 * Figure cells of one or more parts next to each other, as one answer. One cell is answered by its figure's
 * topic, in the words of its intent file; several make one list. What was not asked of the week (another
 * time, a place outside the region, a town, a breakdown) is said first, once.
 */
export function planCells(group: readonly { cells: FigureCell[]; frame: FrameParts; fromContext: boolean }[], deps: EngineDeps, speaker: SpeakerReading | undefined): Planned {
  const { knowledge } = deps;
  const first = group[0]!;
  const week = first.frame.weeks[0] ?? latestOperation(knowledge);
  const asked = group.flatMap((g) => g.cells).filter((c, i, all) => all.findIndex((d) => d.place === c.place && d.metric === c.metric) === i);
  const fromContext = group.some((g) => g.fromContext);
  // One figure is answered by its topic, which says what stands in for it; in a list, the figure standing in is given.
  const cells = asked.length === 1 ? asked : asked.map((c) => ({ ...c, metric: inStead(week, knowledge, c.place, c.metric) })).filter((c, i, all) => all.findIndex((d) => d.place === c.place && d.metric === c.metric) === i);
  if (cells.length === 1) {
    const intent = intentForMetric(cells[0]!.metric, deps);
    // A breakdown asked in another part ("total arrests and how many were charged") is still said.
    const facet = first.frame.facet ?? group.find((g) => g.frame.facet)?.frame.facet ?? null;
    if (intent) return planAnswer(intent, { ...first.frame, facet, metrics: [cells[0]!.metric] }, deps, { fromContext }, speaker);
  }
  const frames = group.map((g) => g.frame);
  const op = first.frame.weeks[0] ?? latestOperation(knowledge);
  // A breakdown the release gives no figures for at all ("how many gangs are operating"): said plainly, with no figures.
  const noFigures = frames.map((f) => f.facet && knowledge.facets.get(f.facet.key)).find((f) => f?.no_figures);
  if (noFigures) return { body: say(knowledge, 'facet_no_figure', { says: facetSays(noFigures, op, knowledge), dates: formatDateRange(op.start, op.end) }), rule: 'facet-no-figures', intent: null, act: 'out_of_scope', said: [{ kind: 'sentence', key: 'facet_not_published' }] };
  if (frames.every((f) => f.time.kind !== 'none' && f.weeks.length === 0)) return { body: otherTimeStatement(first.frame, knowledge), rule: 'other-time', intent: null, act: 'out_of_scope', said: [{ kind: 'sentence', key: 'other_time' }] };
  const counties = [...new Set(cells.flatMap((c) => (c.place ? [c.place] : [])))];
  const places = frames.flatMap((f) => f.places);
  const facets = [...new Set(frames.flatMap((f) => (f.facet ? [f.facet.key] : [])))].flatMap((k) => knowledge.facets.get(k) ?? []);
  const notes = [...timeNote(first.frame, op, knowledge), ...outsideStatements(places, knowledge), ...townStatements(places, counties, knowledge), ...facets.map((f) => facetSays(f, op, knowledge))];
  const time = timeNoteSaid(first.frame, op, knowledge);
  const notesSaid: Said[] | undefined = time && [...time, ...outsideSaid(places, knowledge), ...townsSaid(places, counties), ...(facets.length > 0 ? [{ kind: 'sentence', key: 'facet_not_given' } as const] : [])];
  const list = planFigureCells(op, knowledge, cells);
  const after = fromContext ? [say(knowledge, 'from_last_question', { places: listInWords(counties.map((c) => placeName(knowledge, c))) })] : [];
  const metricIntent = intentForMetric(cells[0]!.metric, deps) ?? null;
  return {
    body: [...(notes.length > 0 ? [notes.join(' ')] : []), list.body, ...after].join('\n\n'),
    rule: list.rule,
    intent: metricIntent,
    act: 'figure',
    places: counties,
    metrics: [...new Set(cells.map((c) => c.metric))],
    ...(notesSaid && { said: [...notesSaid, { kind: 'figures', week: op.id, cells, fromContext }] }),
  };
}


/** A part answered in words: the topic for this speaker, a danger topic only when the danger reading backs it. */
export function planTextPart(asked: Asked & { kind: 'text' }, part: PartReading, deps: EngineDeps, speaker: SpeakerReading | undefined, danger: DangerReading): Planned | undefined {
  const choice = speakerRoute(asked.choice, speaker, deps.byId);
  if (choice.intent.danger) return dangerTopicRule(choice.intent, danger, deps, speaker, part.frame);
  return planAnswer(choice.intent, part.frame, deps, {}, speaker);
}


/** What the parts of a message were answered with, and what to remember of them. */
export interface PartsAnswered {
  answers: { planned: Planned; part: PartReading; rule: string }[];
  /** The figures and places answered, for the next message; undefined when none were. */
  recall: Recall | undefined;
  /** The topic last answered in words (an intent's id), for the next message; undefined when none was. */
  topic?: string;
}

/**
 * Answers each part of a message in the order asked, each once. A figure part follows up what was answered
 * before it (an earlier part, else the conversation); places named in any part count for the parts after it.
 * Figure cells of parts next to each other make one list. A place said on its own just before figures for it
 * ("what about herts, how many lines") is not answered twice. Social parts ("hi", "thanks") go when another
 * part is answered.
 */
export function answerParts(
  parts: readonly PartReading[],
  deps: EngineDeps,
  given: { recall: Recall | undefined; home: string | undefined; speaker: SpeakerReading | undefined; danger: DangerReading; messagePlaces?: string[]; topic?: Intent },
): PartsAnswered {
  const { knowledge } = deps;
  const { home, speaker, danger } = given;
  // Places the message named outside its question ("bruh. cambs. money. how much") count as said before it.
  const messagePlaces = given.messagePlaces ?? [];
  const told = messagePlaces.length > 0 && !parts.some((p) => p.frame.places.length > 0);
  let recall = told ? { metrics: [], places: messagePlaces, region: false, earlier: [] } : given.recall;
  let inConversation = !told;
  const plans: { plan: PartPlan; part: PartReading; rule: string; social: boolean; placesOnly: boolean }[] = [];
  let time: Pick<FrameParts, 'time' | 'weeks'> | undefined;
  let placeSaid = false;
  let topic = given.topic;
  for (const [i, given] of parts.entries()) {
    // "how many arrests and how many weapons in essex": the place said at the end holds for the figures before it.
    const asIs = placeSaid ? given : withPlacesAhead(given, parts.slice(i + 1), englishWords(knowledge.languages));
    placeSaid ||= given.frame.places.length > 0;
    // "did they do another one in the autumn and what did they get": a time said earlier in the message holds for the parts after it.
    const part = asIs.frame.time.kind === 'none' && time ? { ...asIs, frame: { ...asIs.frame, ...time } } : asIs;
    if (asIs.frame.time.kind !== 'none') time = { time: asIs.frame.time, weeks: asIs.frame.weeks };
    const asked = decide(part, deps, { answered: recall !== undefined, home: home !== undefined, ...(topic && { topic }) });
    if (asked.kind === 'none') {
      // A place said in a part that asks nothing ("ugh, kent. how many arrests and how many deal lines") is said
      // before the parts after it, as a place named outside the question is.
      const said = part.frame.counties.filter((c) => messagePlaces.includes(c));
      if (said.length > 0 && (recall === undefined || inConversation)) {
        recall = { metrics: [], places: said, region: false, earlier: [] };
        inConversation = false;
      }
      continue;
    }
    if (asked.kind === 'contact') {
      plans.push({ plan: { planned: planContact(part.frame, knowledge) }, part, rule: asked.rule, social: false, placesOnly: false });
    } else if (asked.kind === 'text') {
      const planned = planTextPart(asked, part, deps, speaker, danger);
      if (planned) plans.push({ plan: { planned }, part, rule: asked.rule, social: onlySocial(asked), placesOnly: false });
      if (planned?.intent && !onlySocial(asked)) topic = planned.intent;
      // "Did the Met take part? How many did they arrest?": a place or a figure a text part names counts for the
      // parts after it ("what's a deal line?" then "how many were seized in herts?").
      const places = placeKeys(part.frame.places);
      const metrics = part.frame.metrics;
      if (places.length > 0 || metrics.length > 0) {
        recall = { metrics: metrics.length > 0 ? metrics : inConversation ? [] : (recall?.metrics ?? []), places, region: places.length === 0, earlier: [] };
        inConversation = false;
      }
    } else {
      const followed = followUp(part, asked, recall, home, knowledge);
      const fromConversation = followed.fromContext && inConversation;
      const last = plans.at(-1);
      // A place said first and the figures that follow for it ("kent, how many deal lines"; "across the region, how many phones") make one answer.
      const regionFirst = last?.placesOnly === true && last.part.frame.places.length > 0 && last.part.frame.places.every((p) => p.kind === 'region') && followed.frame.counties.length === 0;
      if (last && !inConversation && (followed.fromContext || regionFirst) && (last.placesOnly ? followed.metrics.length > 0 : worksOnLast(last.plan, followed))) plans.pop();
      const plan = planFigurePart(asked, { ...followed, fromContext: fromConversation }, deps, recall?.metrics[0], speaker, part.u);
      // The part as answered: its frame with what it took from before.
      // Saying where one lives ("i live in chelmsford,") is context: it goes when another part is answered.
      const saysWhere = followed.metrics.length === 0 && livesIn(part.u, englishWords(knowledge.languages)) !== undefined;
      plans.push({ plan, part: { ...part, frame: followed.frame }, rule: `${asked.rule}>${followed.rule}`, social: saysWhere, placesOnly: followed.metrics.length === 0 && !asked.via?.answer.most });
      const planned = 'planned' in plan ? plan.planned : undefined;
      const metrics = planned?.metrics ?? (planned?.intent?.metric ? [planned.intent.metric] : followed.metrics);
      // A ranking's answer names its county: that is the place answered.
      const answeredPlaces = planned?.places?.length ? planned.places.map((key): FramePlace => ({ kind: 'county_with_figures', key, said: key })) : undefined;
      recall = recallOf({ ...followed, metrics, ...(answeredPlaces && { frame: { ...followed.frame, places: answeredPlaces } }) }, recall);
      inConversation = false;
    }
  }
  const kept = plans.some((p) => !p.social) ? plans.filter((p) => !p.social) : plans;
  const answers: PartsAnswered['answers'] = [];
  for (let i = 0; i < kept.length; i++) {
    const k = kept[i]!;
    if ('planned' in k.plan) {
      answers.push({ planned: k.plan.planned, part: k.part, rule: k.rule });
      continue;
    }
    const group = [k.plan];
    while (i + 1 < kept.length && !('planned' in kept[i + 1]!.plan)) group.push(kept[++i]!.plan as Exclude<PartPlan, { planned: Planned }>);
    answers.push({ planned: planCells(group, deps, speaker), part: k.part, rule: k.rule });
  }
  // Each answer once: one another answer holds whole ("200 arrests" and "not said how many were charged. 200 arrests") goes.
  const distinct = answers.filter((a, i) => !answers.some((b, j) => j !== i && b.planned.body.includes(a.planned.body) && (b.planned.body !== a.planned.body || j < i)));
  // The topic answered in words, to remember for "who said that?": none when the message answered figures alone.
  const inWords = distinct.filter((a) => a.planned.intent && !answersWithFigures(a.planned.intent) && a.planned.act !== 'out_of_scope').at(-1)?.planned.intent;
  return { answers: distinct, recall: inConversation ? undefined : recall, ...(inWords && { topic: inWords.id }) };
}

/**
 * A part that names figures but no place, nor the region, takes the places of the next part that names both,
 * when both ask the same way: parallel questions share the place said last ("how many arrests and how many
 * weapons in essex"), but "drugs worth and how many arrested in essex" asks the first of the region. The caller
 * applies it only while no earlier part of the message named a place.
 */
export function withPlacesAhead(part: PartReading, later: readonly PartReading[], words: Pick<Words, 'asks_count'>): PartReading {
  const { frame } = part;
  if (frame.metrics.length === 0 || frame.places.length > 0 || frame.operation.kind !== 'value') return part;
  const ahead = later.find((p) => p.frame.places.length > 0);
  if (!ahead || ahead.frame.metrics.length === 0 || ahead.frame.counties.length === 0) return part;
  const asks = phrasesIn(words.asks_count);
  const asking = asks.first(part.u.tokens);
  if (!asking || asking.at > 1 || asks.first(ahead.u.tokens)?.phrase !== asking.phrase) return part;
  return { ...part, frame: { ...frame, places: ahead.frame.places.filter((p) => p.kind !== 'region'), counties: ahead.frame.counties } };
}

/**
 * Whether a part ranks or adds up the figures the part just before it listed ("essex and kent deal lines, which
 * had more"): its answer gives them, so the list goes.
 */
export function worksOnLast(last: PartPlan, followed: Followed): boolean {
  const kind = followed.frame.operation.kind;
  if ('planned' in last || !(RANKING.has(kind) || kind === 'sum' || kind === 'difference')) return false;
  const listed = new Set(last.cells.map((c) => c.metric));
  return followed.metrics.length > 0 && followed.metrics.every((m) => listed.has(m));
}

/**
 * Whether a part that names counties asks for the region as well: the region named ("and the region"), or
 * "total" and the like set beside a county or ending the part ("essex arrests and the total", "cash overall and
 * in cambs", "knives in beds + cash overall"), or asked before the county is joined on ("total knives, and beds
 * knives"), but not "in total" ("in essex in total" is Essex's total) nor a county's own ("total arrests in essex").
 */
export function regionBeside(tokens: readonly string[], words: Pick<Words, 'region_itself' | 'region_total' | 'beside' | 'joins'>): boolean {
  const itself = wordSetOf(words.region_itself);
  const total = wordSetOf(words.region_total);
  const beside = wordSetOf(words.beside);
  const joins = wordSetOf(words.joins);
  const last = tokens.length - 1;
  // "in total" is a place's own total straight after it ("in essex in total") or before any place is named ("in
  // total in essex"); after a place and another figure ("knives in beds and knives in total") it is the region's.
  const firstPlace = tokens.indexOf(PLACE_TOKEN);
  const inTotal = (i: number) => tokens[i - 1] === 'in' && firstPlace >= 0 && firstPlace < i - 2;
  // "total knives, and then just beds knives": the total is asked on its own, and the county joined on after it.
  const nextPlace = (i: number) => tokens.indexOf(PLACE_TOKEN, i + 1);
  const joinedAfter = (i: number) => firstPlace > i && tokens.slice(i + 1, nextPlace(i)).some((t) => joins.has(t));
  const totalBeside = (i: number) => (tokens[i - 1] !== 'in' && (beside.has(tokens[i - 1] ?? '') || beside.has(tokens[i + 1] ?? '') || i === last || joinedAfter(i))) || inTotal(i);
  return tokens.some((t, i) => (itself.has(t) && tokens[i - 1] !== 'in') || (total.has(t) && totalBeside(i)));
}
