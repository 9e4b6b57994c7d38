import { describe, expect, it } from 'vitest';
import { readSpeaker as read } from '../../src/nlu/speaker.js';
import { fixtureWords } from '../helpers/fixtures.js';

const en = await fixtureWords();
const readSpeaker = (text: string) => read(text, en);

describe('readSpeaker', () => {
  it.each([
    ['im 15, older lads gave me a phone and say i owe them', 'young'],
    ["I'm 14 and scared", 'young'],
    ['my mates are running for some older lads', 'young'],
    ['they said i owe them money', 'young'],
    ['i cant tell my mum what happened', 'young'],
    ['my mum and my mate think something is wrong', 'young'],
    ['my son has new trainers and a second phone', 'parent'],
    ['I found powder and cash in my daughters room', 'parent'],
    ['im a teacher and a pupil keeps going missing', 'professional'],
    ['as a taxi driver i keep picking up kids late at night', 'professional'],
    ['i drive a cab and keep taking kids to the same flat', 'professional'],
    ['my 15 year old is being groomed', 'parent'],
    ['my 14yo keeps going missing', 'parent'],
    ['im a year 10 form tutor and a lad in my group keeps missing lessons', 'professional'],
    ['pupil told me today hes being made to sell', 'professional'],
    ['student was found with cash and two phones in his locker', 'professional'],
    ['cabbie here, a kid keeps booking rides to the same house', 'professional'],
    ['school nurse here, a year 8 girl has new nails and a new phone every week', 'professional'],
    ['night porter at a hotel, same lads book a room every weekend - receptionist says they pay cash', 'professional'],
    ['his dad isnt around and he comes home with things i never bought him', 'parent'],
    ['grandson keeps going out at 3am and wont say where', 'parent'],
    ['the bloke in the flat upstairs looks scared and his curtains stay shut', 'neighbour'],
    ['an older lad keeps giving me free stuff and now wants a favour', 'young'],
    ['teacher keeps asking me whats wrong, should i tell her', 'young'],
    ['can i tell someone without my mum finding out', 'young'],
    // A young person's age beats words a teacher would use too.
    ['im 16 and a pupil in my year keeps getting picked up by older lads', 'young'],
    // "her mum" points to a parent only when nothing points to a young person.
    ['my best mate has new trainers and her mum says she stays out all night', undefined],
    // A young person speaks of their class too: that alone does not make a teacher.
    ['a lad in my class keeps getting picked up by a car after school, what should i do', undefined],
    ['how many arrests in essex', undefined],
    ['my mum is vulnerable and people keep staying at hers', undefined],
    ['my mate wants to know how many arrests there were', undefined],
  ])('should read "%s" as %s', (text, speaker) => {
    expect(readSpeaker(text).speaker).toBe(speaker);
  });

  it('should report the words that decided, and its own name', () => {
    const reading = readSpeaker('im 15 and i owe them');
    expect(reading.rule).toBe('speaker');
    expect(reading.words).toEqual(expect.arrayContaining(['im 15', 'i owe them']));
  });

  it('should take its phrases from the words it is given', () => {
    const none = { young_ages: [], young_strong: [], young_weak: [], parent: [], parent_weak: [], neighbour: [], professional: [], jobs: [], jobs_here: [] };
    const invented = { ...none, young_ages: ['twelvish'], young_strong: ['skibidi'], parent: ['my sprog'], neighbour: ['the flat yonder'], jobs: ['lollipop lady'], jobs_here: ['dinner lady'] };
    expect(read('im twelvish', invented)).toEqual({ speaker: 'young', rule: 'speaker', words: ['im twelvish'] });
    expect(read('skibidi, what happens now', invented).speaker).toBe('young');
    expect(read('my sprogs room has cash in it', invented)).toMatchObject({ speaker: 'parent', words: ['my sprogs'] });
    expect(read('my twelvish year old is out late', invented)).toMatchObject({ speaker: 'parent', words: ['my twelvish year old'] });
    expect(read('im a lollipop lady and kids talk to me', invented).speaker).toBe('professional');
    expect(read('dinner lady here, a boy has two phones', invented).speaker).toBe('professional');
    expect(read('the flat yonder has people coming and going', invented).speaker).toBe('neighbour');
    expect(read('im 15 and my son said i owe them', none).speaker).toBeUndefined();
  });

  it('should never throw on odd input', () => {
    expect(readSpeaker('').speaker).toBeUndefined();
    expect(readSpeaker(undefined as unknown as string).speaker).toBeUndefined();
  });
});
