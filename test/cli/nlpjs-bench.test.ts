import { describe, expect, it } from 'vitest';
import { costRatio, median, messageSource, pairedBatches, perMessage, trainingDocuments, trainNlpJs } from '../../src/cli/nlpjs-bench.js';

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

describe('pairedBatches', () => {
  /** A clock that moves only when a step says so: a costs 2 per message, b 1, whenever they run. */
  const fake = () => {
    let time = 0;
    const order: string[] = [];
    const step = (name: string, cost: number) => (text: string) => {
      order.push(`${name}:${text}`);
      time += cost;
    };
    return { clock: () => time, order, a: step('a', 2), b: step('b', 1) };
  };

  it('should run every batch by both sides, in turn a then b, then b then a', async () => {
    const f = fake();
    await pairedBatches(['1', '2', '3', '4', '5'], f.a, f.b, { batch: 2, clock: f.clock });
    expect(f.order).toEqual(['a:1', 'a:2', 'b:1', 'b:2', 'b:3', 'b:4', 'a:3', 'a:4', 'a:5', 'b:5']);
  });

  it("should give each side's cost per message in each pair, and b's over a's", async () => {
    const f = fake();
    const paired = await pairedBatches(['1', '2', '3', '4', '5'], f.a, f.b, { batch: 2, clock: f.clock });
    expect(paired).toEqual({ a: [2, 2, 2], b: [1, 1, 1], ratios: [0.5, 0.5, 0.5] });
  });

  it('should wait for a step that answers with a promise', async () => {
    let done = 0;
    await pairedBatches(['1', '2'], async () => {
      await new Promise((r) => setTimeout(r, 1));
      done += 1;
    }, () => undefined, { batch: 1 });
    expect(done).toBe(2);
  });
});

describe('messageSource', () => {
  it('should give the questions as written first, then the questions again, each with a number of its own', () => {
    const next = messageSource(['arrests in kent', 'what is county lines']);
    expect(next(3)).toEqual(['arrests in kent', 'what is county lines', 'arrests in kent 2']);
    expect(next(2)).toEqual(['what is county lines 3', 'arrests in kent 4']);
  });

  it('should never give a text twice, even where a question as written is another with a number', () => {
    const next = messageSource(['kent', 'kent 2', 'kent']);
    const given = [...next(5), ...next(5)];
    expect(new Set(given).size).toBe(given.length);
    expect(given.slice(0, 2)).toEqual(['kent', 'kent 2']);
  });

  it('should say what to fix when there are no questions', () => {
    expect(() => messageSource([])).toThrow(/questions\.yaml/);
  });
});

describe('perMessage', () => {
  // NLP.js keeps what it read of each text it has classified: timed on texts it has seen, it only looks them up.
  it('should time every round, and its warm-up, on texts the step has not seen before', async () => {
    const seen: string[] = [];
    const rounds = await perMessage(messageSource(['arrests in kent', 'knives in essex', 'what is cuckooing']), 3, 40, (text) => {
      seen.push(text);
    });
    expect(rounds).toHaveLength(3);
    expect(seen).toHaveLength(500 + 3 * 40);
    expect(new Set(seen).size).toBe(seen.length);
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
