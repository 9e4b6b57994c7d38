import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MATCH, type Engine, type EngineDeps } from '../../src/engine/engine.js';
import { undecidedSpeakerRule } from '../../src/engine/choose.js';
import type { Understanding } from '../../src/nlu/understand.js';
import { chooseTone } from '../../src/engine/tone.js';
import { DANGER_FIRST_LINE } from '../../src/reply/compose.js';
import { readSpeaker as read } from '../../src/nlu/speaker.js';
import { fixtureWords, realEngine } from '../helpers/fixtures.js';

const en = await fixtureWords();
const readSpeaker = (text: string) => read(text, en);

let engine: Engine;
beforeAll(async () => {
  engine = await realEngine();
});
const ask = (text: string) => engine.answer(text, undefined, 0);
const NOT_IN_TROUBLE = 'You are not in trouble for asking for help';

describe('help for parents and young people', () => {
  // The same question, asked by a parent and by a teenager, gets an answer written for each.
  it.each([
    ['is there anyone to talk to who isnt police', 'im 15, is there anyone to talk to who isnt police', 'support'],
    ['will my son be in trouble if a gang made him deal', 'im 15, will i be in trouble if a gang made me deal', 'in_trouble'],
    ['what are the signs my son is being groomed', 'im 14, how do i know if older lads are grooming me', 'exploitation_signs'],
  ])('should answer "%s" for a parent and "%s" for a teenager', (parent, teen, intent) => {
    const forParent = ask(parent);
    const forTeen = ask(teen);
    expect(forParent.intent).toBe(intent);
    expect(forTeen.intent).toBe(intent);
    expect(forParent.tone).toBeUndefined();
    expect(forParent.text).not.toContain(NOT_IN_TROUBLE);
    expect(forTeen.tone).toBe('young');
    expect(forTeen.text).toContain(NOT_IN_TROUBLE);
    // Services made for young people, as well as the footer.
    for (const number of ['116 000', '0800 1111', 'fearless.org', '101', '0800 555 111']) expect(forTeen.text).toContain(number);
  });

  it('should put 999 first for a young person who owes a gang money, in the young tone', () => {
    const reply = ask('im 15, older lads gave me a phone and say i owe them');
    expect(reply.text.startsWith(DANGER_FIRST_LINE)).toBe(true);
    expect(reply.intent).toBe('young_worried');
    expect(reply.tone).toBe('young');
    expect(reply.text).toContain('116 000');
  });

  it('should still answer danger right now with the emergency intent', () => {
    for (const text of ['im 15 and the lads i owe are outside my house right now', 'theyre kicking my door in over money i owe them']) {
      const reply = ask(text);
      expect(reply.intent, text).toBe('emergency');
      expect(reply.text.startsWith(DANGER_FIRST_LINE), text).toBe(true);
    }
  });

  // Regression: being held somewhere got a phones figure, because "phone" named a figure and no trigger matched.
  it.each([
    'theyve locked me in a bedroom at some house, my phone is nearly flat',
    'im 15 and they wont let me out of the flat, they took my phone off me',
    'been kept at a place in ipswich for days and im not allowed to go home',
    'my daughter rang, they are keeping her there against her will',
  ])('should put 999 first for someone held against their will: "%s"', (text) => {
    const reply = ask(text);
    expect(reply.text.startsWith(DANGER_FIRST_LINE)).toBe(true);
    expect(reply.frame.act).toBe('emergency');
    expect(reply.intent).not.toBe('phones');
  });

  // Held-against-will words must not catch an event "being held" or a raid on a trap house.
  it.each(['where was the week of action being held', 'police raided a trap house, how many arrests'])('should not read "%s" as danger', (text) => {
    expect(ask(text).text.startsWith(DANGER_FIRST_LINE)).toBe(false);
  });

  // Regression: a parent, a teacher or a neighbour worried about someone got "It's kind to look out for a friend."
  it.each([
    ['my best mate keeps vanishing for days and comes back with a new phone, i think hes running for someone', 'friend_worried', 'young'],
    ['his dad moved out and now he keeps vanishing for days and comes back with a new phone, i think hes running for someone', 'exploitation_signs', undefined],
    ['one of my pupils keeps vanishing for days and comes back with a new phone, i think hes running for someone', 'exploitation_signs', 'professional'],
    ['the bloke next door keeps vanishing for days and lads with new phones keep turning up at his flat', 'cuckooing', undefined],
  ])('should answer "%s" with %s for the one asking', (text, intent, tone) => {
    const reply = ask(text);
    expect(reply.intent).toBe(intent);
    expect(reply.tone).toBe(tone);
    if (intent !== 'friend_worried') expect(reply.text).not.toContain('look out for a friend');
  });

  it('should give someone at work the guidance for staff when a worry sits between two guidance answers', () => {
    const e = { knowledge: engine.knowledge, byId: new Map(engine.intents.map((i) => [i.id, i])), fallback: engine.intents.find((i) => i.id === 'fallback')!, match: DEFAULT_MATCH } as unknown as EngineDeps;
    const torn = { tokens: [], ranked: [{ intent: 'cuckooing', score: 0.52 }, { intent: 'friend_worried', score: 0.45 }], coverage: 1 } as unknown as Understanding;
    expect(undecidedSpeakerRule(torn, readSpeaker('receptionist at a gp surgery, a boy came in hurt'), e)).toMatchObject({ intent: { id: 'exploitation_signs' }, rule: 'undecided-speaker-professional' });
    // Nobody known asking, or a figure in the lead: no guess.
    expect(undecidedSpeakerRule(torn, readSpeaker('a boy came in hurt'), e)).toBeUndefined();
    const figures = { tokens: [], ranked: [{ intent: 'cash', score: 0.5 }, { intent: 'phones', score: 0.45 }], coverage: 1 } as unknown as Understanding;
    expect(undecidedSpeakerRule(figures, readSpeaker('im a teacher'), e)).toBeUndefined();
  });

  // The danger reading comes first: a danger topic ranked top, unsure, is one more guidance answer, and a parent
  // torn between it and others gets the parents' answer, not "I can't help with that".
  it('should give a parent the guidance for parents when a danger topic leads, unsure', () => {
    const e = { knowledge: engine.knowledge, byId: new Map(engine.intents.map((i) => [i.id, i])), fallback: engine.intents.find((i) => i.id === 'fallback')!, match: DEFAULT_MATCH } as unknown as EngineDeps;
    const torn = { tokens: [], ranked: [{ intent: 'young_worried', score: 0.33 }, { intent: 'exploitation_signs', score: 0.3 }], coverage: 1 } as unknown as Understanding;
    const parents = engine.intents.find((i) => i.id === 'fallback')!.speakers!.parent!;
    expect(undecidedSpeakerRule(torn, readSpeaker('how do i talk to my son about this'), e)).toMatchObject({ intent: { id: parents }, rule: 'undecided-speaker-parent' });
    // However weakly the guess leads: a parent never gets "I can't help" while a guidance answer leads.
    const weak = { tokens: [], ranked: [{ intent: 'found_something', score: 0.2 }, { intent: 'fallback', score: 0.19 }], coverage: 1 } as unknown as Understanding;
    expect(undecidedSpeakerRule(weak, readSpeaker('my son was arrested in luton what do i do'), e)).toMatchObject({ intent: { id: parents } });
    // A parent's story that asks for no figures passes over figure topics, and a fallback that leads by less than the margin.
    const story = { tokens: ['my', 'son', 'was', 'arrested'], ranked: [{ intent: 'drugs', score: 0.4 }, { intent: 'fallback', score: 0.33 }, { intent: 'exploitation_signs', score: 0.27 }], coverage: 1 } as unknown as Understanding;
    const withKnowledge = { ...e, knowledge: engine.knowledge } as EngineDeps;
    expect(undecidedSpeakerRule(story, readSpeaker('my son was arrested'), withKnowledge)).toMatchObject({ intent: { id: parents } });
    // A young person's story between two guidance answers gets the help written for young people, never "I can't help".
    const young = engine.intents.find((i) => i.id === 'fallback')!.speakers!.young!;
    const torn2 = { tokens: [], ranked: [{ intent: 'friend_worried', score: 0.52 }, { intent: 'exploitation_signs', score: 0.47 }], coverage: 1 } as unknown as Understanding;
    expect(undecidedSpeakerRule(torn2, readSpeaker('i used to hold stuff for some older boys when i was at school, should i tell someone'), withKnowledge)).toMatchObject({ intent: { id: young } });
    const sure = { ...story, ranked: [{ intent: 'fallback', score: 0.7 }, { intent: 'exploitation_signs', score: 0.2 }] } as unknown as Understanding;
    expect(undecidedSpeakerRule(sure, readSpeaker('my son was arrested'), withKnowledge)).toBeUndefined();
  });

  // Regression: each sentence of a parent's story was answered on its own, the first as cuckooing ("his phone goes off").
  it('should read a parent\'s story told in several sentences whole, and give the guidance for parents', () => {
    const reply = ask('hes got a cut on his hand he wont explain, new clothes every week, and he flinches every time his phone goes off. im at my wits end i dont know who to turn to, his dad isnt around and i feel like im losing him');
    expect(reply.intent).not.toBe('cuckooing');
    expect(reply.text).toMatch(/NSPCC|0808 800 5000/);
    expect(reply.frame.rule).not.toContain('+');
  });

  it('should tell a teacher to take the worry to the designated safeguarding lead', () => {
    const reply = ask('a pupil told me today he is being made to carry drugs for someone, what should i do');
    expect(reply.tone).toBe('professional');
    expect(reply.text).toContain('designated safeguarding lead');
  });

  // Regression: a driver telling what they saw got the cash figures because "cash" named a figure.
  it('should give someone at work what to report, not figures, when a figure word is only part of their story', () => {
    const story = ask('im a bus driver, a lad of about 13 paid for his ticket with a fat roll of cash and kept getting calls');
    expect(story.intent).toBe('exploitation_signs');
    expect(story.text).toContain('To report what you saw');
    // Asking for the figure still gets it.
    expect(ask('how much cash was seized, im a bus driver').intent).toBe('cash');
  });

  it('should give a young person who owes a gang the debt trick, a trusted adult and their services', () => {
    const reply = ask('an older lad kept giving me free stuff and now says i owe him for it');
    expect(reply.text.startsWith(DANGER_FIRST_LINE)).toBe(true);
    expect(reply.tone).toBe('young');
    for (const words of ['not your fault', 'owe a debt', 'trusted adult', '116 000', '0800 1111', 'fearless.org']) expect(reply.text).toContain(words);
  });

  // A threat to a young person is danger now: 999 first, then the young tone.
  it.each(['they said theyll stab me if i dont pay, im 15', 'im 14 and theyre outside my house now'])('should put 999 first for "%s", in the young tone', (text) => {
    const reply = ask(text);
    expect(reply.intent).toBe('emergency');
    expect(reply.text.startsWith(DANGER_FIRST_LINE)).toBe(true);
    expect(reply.tone).toBe('young');
    expect(reply.text).toContain(NOT_IN_TROUBLE);
  });

  it('should point a young person who wants to report to Fearless', () => {
    const reply = ask('im 15 how do i report the dealers without them knowing');
    expect(reply.tone).toBe('young');
    expect(reply.text).toContain('fearless.org');
  });

  it('should give the teacher the guidance for staff', () => {
    const reply = ask('im a teacher and worried a pupil is being exploited, what are the signs');
    expect(reply.intent).toBe('exploitation_signs');
    expect(reply.tone).toBe('professional');
    expect(reply.text).toContain('Criminal exploitation of children and vulnerable adults');
    expect(reply.text).toContain('0808 800 5000');
  });

  // Regression: "has been taken over" (cuckooing) matched the emergency trigger "been taken".
  it('should answer a neighbour whose flat has been taken over with cuckooing guidance, not the emergency reply', () => {
    const reply = ask('my neighbours flat has been taken over by dealers and hes vulnerable');
    expect(reply.intent).toBe('cuckooing');
    expect(reply.text).toContain("Don't go to the door");
  });

  // Guidance says who wrote it and is never presented as part of the police release.
  it.each([
    ['what is cuckooing', 'Cheshire Police explain it like this:'],
    ['i found powder and cash in my sons room', 'Cheshire Police say:'],
    ['my son has new trainers and a second phone', 'Cheshire Police list these signs'],
    ['will my son go to prison if he was forced to carry drugs', "the Home Office's guidance says"],
  ])('should say where the guidance for "%s" comes from', (text, opening) => {
    const reply = ask(text);
    expect(reply.text).toContain(opening);
    expect(reply.text).toMatch(/not part of the results of the week of action/);
    const op = engine.knowledge.operations[0]!;
    const figures = [...Object.values(op.region), ...Object.values(op.counties).flatMap((c) => Object.values(c))].map((f) => f.value.toLocaleString('en-GB'));
    const body = reply.text.split('\n\nIf anyone is in immediate danger')[0]!;
    for (const figure of figures.filter((f) => f.length > 2)) expect(body, figure).not.toContain(figure);
  });
});

describe('chooseTone', () => {
  const intent = { answer: { text: 'plain', young: 'young', professional: 'work' } };
  it.each([
    ['im 15 and scared', 'young', 'young'],
    ['im a teacher', 'professional', 'work'],
    ['my son is scared', 'plain', 'plain'],
    ['what is cuckooing', 'plain', 'plain'],
  ])('should choose the tone for "%s"', (text, tone, templates) => {
    const choice = chooseTone(intent, readSpeaker(text));
    expect(choice.tone).toBe(tone);
    expect(choice.templates).toBe(templates);
    expect(choice.rule).toMatch(/^tone: /);
  });

  it('should fall back to the plain answer when an intent has no young one', () => {
    expect(chooseTone({ answer: { text: 'plain' } }, readSpeaker('im 15')).templates).toBe('plain');
  });
});

describe('a parent who wants to talk with their child', () => {
  it('should get how to start the talk and that they are not to blame, each with who says so', () => {
    const r = ask('how do i talk to my son about county lines');
    expect(r.intent).toBe('exploitation_signs');
    expect(r.text).toMatch(/Talking with your child, from Action for Children:\n• /);
    expect(r.text).toMatch(/Southend-on-Sea City Council add: You are not to blame\./);
    expect(r.text).toContain('It is not part of the results of the week of action');
  });
});
