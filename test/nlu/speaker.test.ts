import { describe, expect, it } from 'vitest';
import { readSpeaker } from '../../src/nlu/speaker.js';

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

  it('should never throw on odd input', () => {
    expect(readSpeaker('').speaker).toBeUndefined();
    expect(readSpeaker(undefined as unknown as string).speaker).toBeUndefined();
  });
});
