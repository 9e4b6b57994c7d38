import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  asksForFigures,
  clausesOf,
  createDangerCheck,
  happeningNow,
  setAsideNegated,
  setAsidePastHarm,
  inClauseLanguages,
  progressiveHarm,
  isHypothetical,
  missingChild,
  namesChild,
  onlyAPlea,
  readClause,
  readCues,
  readDanger,
  setAsideFiguresOfSpeech,
  setAsideSafePhrases,
  somethingHarmful,
  type DangerCheck,
} from '../../src/frame/danger.js';
import { loadLanguages } from '../../src/knowledge/languages.js';
import { PROJECT_ROOT } from '../../src/files/project-root.js';

// The rules are tested on the fixture word lists (test/fixtures/danger/lang/): a small English list and an
// invented language. Staff editing data/lang/ never turn these red; the danger evaluation sets (test/eval/danger-*.yaml)
// run today's lists through the engine, and the regression gate holds them.
let check: DangerCheck;
beforeAll(async () => {
  const { languages, problems } = await loadLanguages(resolve(PROJECT_ROOT, 'test/fixtures/danger'), 'fixtures');
  expect(problems).toEqual([]);
  check = createDangerCheck([['kicking my door in', 'emergency']], languages!.values());
});

const cues = (text: string) => readCues(clausesOf(text, check)[0]!, check);
const read = (text: string) => readDanger(text, check);
/** A clause's cues as readClause sees them: figures of speech and safe phrases set aside. */
const clean = (text: string) => setAsideSafePhrases(setAsideFiguresOfSpeech(cues(text)));

describe('the parts of danger, each a named rule', () => {
  it('setAsidePastHarm: a harm with "now", "just" or told as going on is not of the past', () => {
    expect(read('i got stabbed last year').rule).toBe('no-danger:past');
    expect(read('they stabbed him last year and now theyre outside').rule).toBe('danger:past-harm-here-now');
    expect(read('he stabbed him 5 mins ago').value).toBe(true);
    expect(setAsidePastHarm(cues('he stabbed him 5 mins ago')).parts.harm).toHaveLength(1);
  });

  it('isHypothetical: a "what if" phrase anywhere, or a conditional word opening the clause', () => {
    expect(isHypothetical(cues('what should i do if someone has a knife outside'))).toBe(true);
    expect(isHypothetical(cues('if they come to my house with knives'))).toBe(true);
    expect(isHypothetical(cues('they said theyll stab me if i talk'))).toBe(false);
  });

  it('asksForFigures: a question about figures, unless it also calls for help', () => {
    expect(asksForFigures(cues('how many knives outside my house'))).toBe(true);
    expect(read('how many knives were found outside essex').value).toBe(false);
    expect(read('how many knives were seized, someone has a knife outside right now').value).toBe(true);
    expect(asksForFigures(cues('how many of them are outside help me'))).toBe(false);
  });

  it('asksForFigures: a plea that is only a polite word does not stop a question about figures', () => {
    expect(asksForFigures(cues('how many knives pls'))).toBe(true);
    expect(asksForFigures(cues('how many knives help pls'))).toBe(false);
  });

  it('setAsideFiguresOfSpeech: idioms, jokes and a threat whose subject is family are no danger', () => {
    expect(somethingHarmful(setAsideFiguresOfSpeech(cues('this traffic is killing me')))).toBeUndefined();
    expect(setAsideFiguresOfSpeech(cues('my mum is gonna kill me')).parts.threat).toEqual([]);
    expect(setAsideFiguresOfSpeech(cues('lol my mate is gonna kill me')).parts.threat).toEqual([]);
    // A weapon keeps a family threat real.
    expect(setAsideFiguresOfSpeech(cues('my mums boyfriend is gonna kill me he has a knife')).parts.threat).not.toEqual([]);
    expect(setAsideFiguresOfSpeech(cues('the dealer is gonna kill me')).parts.threat).not.toEqual([]);
  });

  it('setAsideFiguresOfSpeech: harm done by family is never a figure of speech', () => {
    expect(read('my mum is stabbing him now').value).toBe(true);
  });

  it('setAsideSafePhrases: a safe phrase inside a longer phrase of another part says nothing ("come home" in "hasnt come home")', () => {
    // The fixture lists "come home" as safe and "hasnt come home" as missing.
    const c = setAsideSafePhrases(readCues(['my', 'son', 'hasnt', 'come', 'home'], check));
    expect(c.parts.safe).toEqual([]);
    expect(c.parts.missing).toHaveLength(1);
  });

  it('setAsideSafePhrases: words inside a phrase of safety say nothing of danger', () => {
    expect(setAsideSafePhrases(cues('im not in danger')).parts.threat).toEqual([]);
    expect(setAsideSafePhrases(cues('its fine now')).parts.now).toEqual([]);
  });

  it('namesChild: a child word, or a young age before an age word', () => {
    expect(namesChild(cues('my son'))).toBe(true);
    expect(namesChild(clausesOf('my 14yo', check).map((t) => readCues(t, check))[0]!)).toBe(true);
    expect(namesChild(cues('my 40 year old brother'))).toBe(false);
  });

  it('missingChild: at risk with a sign of risk, missing without one, nothing once safe', () => {
    expect(missingChild(clean('my son hasnt come home and i think the gang took him'))).toBe('at_risk');
    expect(missingChild(clean('my son hasnt come home'))).toBe('missing');
    expect(missingChild(clean('my son was missing and hes back'))).toBeUndefined();
    expect(missingChild(clean('my cat is missing'))).toBeUndefined();
    expect(missingChild(clean('the gang took him, my son'))).toBe('at_risk');
    expect(missingChild(clean('my ex took him, my son'))).toBe('missing');
  });

  it('happeningNow: now, just, here or a plea, in words other than the harmful ones', () => {
    const c = cues('theyre stabbing him outside');
    expect(happeningNow(c, somethingHarmful(c)!.hit)).toBe(true);
    const alone = cues('he was stabbed');
    expect(happeningNow(alone, somethingHarmful(alone)!.hit)).toBe(false);
  });

  it('progressiveHarm: a progressive word next to a harmful one tells harm going on', () => {
    expect(progressiveHarm(cues('my dad is stabbing him'))).toBe(true);
    expect(read('my dad is stabbing him').value).toBe(true);
    expect(progressiveHarm(cues('he was stabbing people'))).toBe(false);
  });

  it('inClauseLanguages: words of other languages count only in the languages of the clause\'s content words', () => {
    // "vorjara" (invented: last year) says nothing of an English clause; it does of an invented one.
    expect(read('he is stabbing him vorjara').value).toBe(true);
    expect(read('hij stekkte hem vorjara').value).toBe(false);
    expect(inClauseLanguages(cues('he is stabbing him vorjara')).parts.past).toEqual([]);
  });

  it('onlyAPlea: a message that is nothing but a call for help, not one bare "help"', () => {
    expect(onlyAPlea(cues('help pls'))).toBe(true);
    expect(onlyAPlea(cues('please help'))).toBe(true);
    expect(onlyAPlea(cues('help'))).toBe(false);
    expect(onlyAPlea(cues('help with figures'))).toBe(false);
  });
});

describe('readClause and readDanger', () => {
  it.each([
    ['someone is stabbing him right now', 'danger:harm-now'],
    ['theres a man with a knife outside', 'danger:weapon-now'],
    ['im locked in', 'danger:held'],
    ['she overdosed', 'danger:ambulance'],
    ['they have taken over my flat and are still in there', 'danger:home_taken-now'],
    ['my son hasnt come home and the gang took him to london', 'danger:missing-child-at-risk'],
    ['help theyre outside', 'danger:help-here'],
    ['help pls', 'danger:help-alone'],
    ['theyre kicking my door in', 'danger:trigger:kicking my door in'],
    ['im going round right now to sort them out', 'danger:confront-now'],
  ])('reads danger in "%s" (%s)', (text, rule) => {
    const r = read(text);
    expect(r.value).toBe(true);
    expect(r.rule).toBe(rule);
  });

  it.each([
    ['how many knives were seized', 'no-danger:figure-question'],
    ['i got stabbed last year', 'no-danger:past'],
    ['what if someone has a knife outside', 'no-danger:hypothetical'],
    ['this traffic is killing me', 'no-danger:nothing-harmful'],
    ['my mum is gonna kill me', 'no-danger:figure-of-speech'],
    ['im not in danger, i have a knife at home', 'no-danger:safe-now'],
    ['stab in the dark, was kent top', 'no-danger:figure-of-speech'],
  ])('sets aside "%s" (%s)', (text, rule) => {
    const r = read(text);
    expect(r.value).toBe(false);
    expect(r.rule).toBe(rule);
  });

  it('reads each clause on its own: a past threat then "fine now" is no danger; a past story then danger now is', () => {
    expect(read('they threatened me ages ago but its fine now').value).toBe(false);
    expect(read('he was stabbed last year. now theyre outside with knives').value).toBe(true);
  });

  it('gives the next step: a missing child with no sign of risk, or someone thinking of going round', () => {
    expect(read('my son hasnt come home')).toMatchObject({ value: false, next: 'missing_child' });
    expect(read('should i go round and sort them out')).toMatchObject({ value: false, next: 'confront' });
    expect(read('my son hasnt come home and the gang took him')).toMatchObject({ value: true, next: 'missing_child' });
  });

  it('reads an invented language from its own lists, and votes for it', () => {
    const r = read('hulpa messa bij deura');
    expect(r.value).toBe(true);
    expect(r.languages.filter((l) => l === 'xx').length).toBeGreaterThanOrEqual(2);
    expect(read('hoeveela messa vorjara').value).toBe(false);
    expect(read('hij stekkte hem vorjara').value).toBe(false);
    expect(read('hij stekkte hem nuda').value).toBe(true);
  });

  it('folds marks and splits digits from letters, as people type', () => {
    expect(read('theres a man with a knífe outside').value).toBe(true);
    expect(clausesOf('my 14yo', check)).toEqual([['my', '14', 'yo']]);
    expect(clausesOf('my ١٤ yo', check)).toEqual([['my', '14', 'yo']]);
  });

  it('setAsidePastHarm: each harmful word belongs to the time word nearest it', () => {
    expect(read('i got stabbed ago, can i report it now').value).toBe(false);
    expect(read('he was stabbed last year and now theres a knife outside').value).toBe(true);
    expect(setAsidePastHarm(cues('i got stabbed last year')).parts.harm).toEqual([]);
  });

  it('setAsideNegated: a harmful word just after a "not" is set aside', () => {
    expect(setAsideNegated(cues('they have not threatened me')).parts.threat).toEqual([]);
    expect(read('they have not threatened me, he is outside').value).toBe(false);
  });

  it('reads a home taken over as danger only when now is said: "here" is where a home is anyway', () => {
    expect(read('they have taken over my flat').value).toBe(false);
    expect(read('they have taken over my flat and are still in there').value).toBe(true);
    // A place word alone is where the home is, not when: "in there" says nothing of now.
    expect(read('they have taken over my flat in there').value).toBe(false);
  });

  it('reads a child taken by the people who harm children as danger, as a child missing at risk is', () => {
    expect(read('dealers grabbed my daughter')).toMatchObject({ value: true, rule: 'danger:child-taken-at-risk', next: 'missing_child' });
  });

  it('reads a child missing long ago as a story of then: no danger and no next step for a missing child', () => {
    expect(read('my son hasnt come home')).toMatchObject({ next: 'missing_child' });
    const then = read('my son went missing years ago');
    expect(then.value).toBe(false);
    expect(then.next).toBeUndefined();
  });

  it('marks a child found, or someone found and home, as set aside', () => {
    expect(read('my son went missing, hes back now')).toMatchObject({ value: false, rule: 'no-danger:found-since', setAside: true });
    expect(read('the police found her and she is home now')).toMatchObject({ value: false, rule: 'no-danger:found-since', setAside: true });
  });

  it('reads someone going round armed, or going round now, as danger', () => {
    expect(read('my husband went round with a machete to sort them out')).toMatchObject({ value: true, rule: 'danger:confront-now', next: 'confront' });
  });

  it('reads an age before or after its word', () => {
    expect(namesChild(cues('my daughter yo 13'))).toBe(true);
    expect(namesChild(cues('she is 13 yo'))).toBe(true);
  });

  it('reads the people who harm children, here now, with a child near, as danger', () => {
    expect(read('the dealers are outside right now and my kids are out there').rule).toBe('danger:them-near-child-now');
    expect(read('the dealers are outside right now').value).toBe(false);
  });

  it('setAsidePastHarm: a past time said first sets the scene for what follows it ("a year ago they stabbed him now...")', () => {
    expect(read('a year ago they stabbed him now he is fine').value).toBe(false);
  });

  it('harmGoingOn: harm told as going on beats a phrase of safety', () => {
    expect(read('he has just stabbed my brother, im not in danger').value).toBe(true);
  });

  it('splitAtTurns: "but" splits a sentence, so safety before it says nothing of danger after it', () => {
    expect(read('im fine now but theres a man with a knife outside').value).toBe(true);
  });

  it('never lets a child found set aside harm going on as it is told', () => {
    expect(read('my son went missing, hes back and they are threatening him now').value).toBe(true);
    expect(read('my son went missing, hes back now').value).toBe(false);
  });

  it('lets a child found in any clause end the worry of a clause before', () => {
    expect(read('my son hasnt come home and the gang took him, but hes back')).toMatchObject({ value: false, rule: 'no-danger:found-since' });
  });

  it('reads a conditional inside a threat phrase as the threat ("if I tell, they will..."), not a what-if', () => {
    expect(isHypothetical(cues('if i tell theyll kill me'))).toBe(false);
  });

  it('reads harm in one sentence and "now" or "here" in the next as danger now', () => {
    expect(read('they have taken over my flat. theyre in the kitchen now').rule).toBe('danger:harm-then-here');
    expect(read('they have taken over my flat. theyre in the kitchen now').next).toBe('home_taken');
    expect(read('i got stabbed last year. i am outside now').value).toBe(false);
  });

  it('marks what it set aside, and what was harmful but not now, for the classifier rule', () => {
    expect(read('i got stabbed last year').setAside).toBe(true);
    expect(read('he was stabbed').harmful).toBe(true);
    expect(read('the gang are dealers').concern).toBe(true);
  });

  it('reads the clause words only once when no spelling changed', () => {
    expect(readClause(cues('theres a knife outside')).value).toBe(true);
  });
});
