import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { asWrittenInEnglish } from '../../src/evaluation/judge.js';
import { dateIn, datesIn } from '../../src/reply/locale.js';
import { loadEngine, PROJECT_ROOT } from '../../src/engine/load-engine.js';
import type { Engine, EngineReply } from '../../src/engine/engine.js';
import { groupThousands } from '../../src/knowledge/format.js';

/** Every question of every set in test/eval/, whatever the case format. */
async function allQuestions(): Promise<{ file: string; text: string }[]> {
  const dir = resolve(PROJECT_ROOT, 'test/eval');
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const out: { file: string; text: string }[] = [];
  for (const file of files) {
    const cases = parse(await readFile(resolve(dir, file), 'utf8')) as { text?: unknown }[];
    for (const c of cases ?? []) if (typeof c?.text === 'string') out.push({ file, text: c.text });
  }
  return out;
}

const NOT_GIVEN = /not published|doesn't|does not|don't have|only have|not by town|was not|were not|wasn't|weren't|no figures?|can't/i;
const DATES = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2}(?: \w+)?(?: \d{4})?|\b(?:19|20)\d\d\b|\b(?:101|999|0800 555 111)\b/g;

let engine: Engine;
let questions: { file: string; text: string }[];
let figures: string[];
beforeAll(async () => {
  engine = await loadEngine();
  questions = await allQuestions();
  const op = engine.knowledge.operations[0]!;
  figures = [...new Set([...Object.values(op.region), ...Object.values(op.counties).flatMap((c) => Object.values(c))].map((f) => groupThousands(f.value)))];
});

/** The reply without the footer, dates, years and contact numbers: what is left of digits is figures. */
const bodyOf = (r: EngineReply) => {
  let body = r.text.split('\n\nIf anyone is in immediate danger')[0]!.replace(DATES, '');
  // Helplines (116 000, 0808 800 5000, ...) are contacts, not figures.
  for (const c of engine.knowledge.contacts.values()) if (c.number) body = body.replaceAll(c.number, '');
  return body;
};
const firstFigure = (text: string) => {
  const m = /\d[\d,]*/.exec(text);
  return m ? m.index : -1;
};

// Whenever a question asks about a place outside the region, another time, or a breakdown the release
// doesn't give, the reply says so plainly before any figure, and a place outside the region never gets
// the region's figures.
describe('no figure for something that was not asked, without saying so', () => {
  it('should hold on every question of every evaluation set', () => {
    expect(questions.length).toBeGreaterThan(500);
    const problems: string[] = [];
    for (const { file, text } of questions) {
      // Honesty is the planner's, whatever the language: read in the message's language, said in English (the languages' own words are judged by the evaluation sets).
      const r = engine.answer(text, undefined, 0, { answerIn: 'en' });
      const f = r.frame;
      const body = bodyOf(r);
      const figureAt = firstFigure(body);
      const saidAt = body.search(NOT_GIVEN);
      // "how many came from London" names London as the answer to a breakdown, not as the place asked about.
      const placeIsValue = f.facet !== null && engine.knowledge.facets.get(f.facet.key)?.place_is_value === true;
      const outsideOnly = !placeIsValue && f.places.some((p) => p.kind === 'outside_region') && !f.places.some((p) => p.kind !== 'outside_region');
      const otherTime = f.time.kind !== 'none' && f.time.operations.length === 0;
      const facet = f.facet !== null && f.act === 'figure';
      const townOnly = f.places.length > 0 && f.places.every((p) => p.kind === 'town') && f.act === 'figure';
      if ((outsideOnly || otherTime || facet || townOnly) && figureAt >= 0 && (saidAt < 0 || saidAt > figureAt)) {
        problems.push(`${file}: "${text}" gave a figure before saying what was not published: ${body.slice(0, 160)}`);
      }
      if ((outsideOnly || otherTime) && figures.some((n) => new RegExp(`(?<![\\d,])${n}(?![\\d,])`).test(body))) {
        problems.push(`${file}: "${text}" gave a published figure for ${otherTime ? 'another time' : 'a place outside the region'}: ${body.slice(0, 160)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('should give no published figure for a place outside the region or another time, in the message\'s own language', () => {
    const problems: string[] = [];
    const op = engine.knowledge.operations[0]!;
    for (const { file, text } of questions) {
      const r = engine.answer(text, undefined, 0);
      if (r.answeredIn === 'en') continue;
      const f = r.frame;
      const outsideOnly = f.facet === null && f.places.some((p) => p.kind === 'outside_region') && !f.places.some((p) => p.kind !== 'outside_region');
      const otherTime = f.time.kind !== 'none' && f.time.operations.length === 0;
      if (!outsideOnly && !otherTime) continue;
      const lang = engine.knowledge.languages.get(r.answeredIn)!;
      const locale = lang.locale ?? lang.code;
      // Without the footer, the week's dates as the language writes them and the contact numbers: what is left of digits is figures.
      let body = r.text.split('\n\n').slice(0, -1).join('\n\n').replaceAll(datesIn(locale, op.start, op.end), '').replaceAll(dateIn(locale, op.published), '');
      for (const c of engine.knowledge.contacts.values()) if (c.number) body = body.replaceAll(c.number, '');
      body = asWrittenInEnglish(body.replace(DATES, ''));
      if (figures.map((n) => n.replaceAll(',', '')).some((n) => new RegExp(`(?<!\\d)${n}(?!\\d)`).test(body))) problems.push(`${file}: "${text}" gave a published figure in ${lang.language}: ${body.slice(0, 160)}`);
    }
    expect(problems).toEqual([]);
  });
});
