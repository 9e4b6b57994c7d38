import { describe, expect, it } from 'vitest';
import { costRatio, median, trainingDocuments, trainNlpJs } from '../../src/cli/nlpjs-bench.js';

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[9, 1, 5, 3, 7], 5],
    // Even counts take the upper middle, as bench always has.
    [[4, 1, 3, 2], 3],
  ])('should give the middle of %j as %d', (xs, expected) => {
    expect(median(xs)).toBe(expected);
  });

  it('should leave its input in order', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });

  it('should say what to fix when there are no rounds', () => {
    expect(() => median([])).toThrow(/BENCH_RUNS/);
  });
});

describe('trainingDocuments', () => {
  it('should give every example of every intent, labelled with its intent, in file order', () => {
    const intents = [
      { id: 'arrests', examples: ['how many arrests', 'how many got nicked'] },
      { id: 'greeting', examples: ['hi'] },
    ];
    expect(trainingDocuments(intents)).toEqual([
      { intent: 'arrests', text: 'how many arrests' },
      { intent: 'arrests', text: 'how many got nicked' },
      { intent: 'greeting', text: 'hi' },
    ]);
  });
});

describe('costRatio', () => {
  it.each([
    [0.25, 0.05, '5.00×'],
    [0.05, 0.1, '0.50×'],
    [0.1, 0, 'n/a'],
  ])('should give %d ms against %d ms as %s', (engine, nlpJs, expected) => {
    expect(costRatio(engine, nlpJs)).toBe(expected);
  });
});

describe('trainNlpJs', () => {
  it('should train NLP.js in memory and classify by the examples it was given', async () => {
    const nlp = await trainNlpJs(
      trainingDocuments([
        { id: 'arrests', examples: ['how many arrests were there', 'how many people got arrested', 'number of arrests in kent'] },
        { id: 'greeting', examples: ['hello', 'hi there', 'good morning'] },
      ]),
    );
    expect((await nlp.classify('en', 'how many arrests in essex')).intent).toBe('arrests');
    expect((await nlp.classify('en', 'hello there')).intent).toBe('greeting');
  });
});
