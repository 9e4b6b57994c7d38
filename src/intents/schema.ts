import { z } from 'zod';
import { strictObject, text, textList } from '../files/zod-helpers.js';

/** One template, or several to try in order: the first whose figures were all published is used. */
const templates = z.union([text('a reply template'), textList('reply templates')], {
  error: 'should be a reply template, or a list of them (each line starting "- ")',
});

/** The `answer:` part of an intent file. Templates name dataset fields in {braces}; they never hold figures. */
export const answerSchema = strictObject({
  /** The whole reply, for intents that give no figure. */
  text: templates.optional(),
  /** The reply for a young person (see src/nlu/speaker.ts): short, warm, second person. Used instead of `text`. */
  young: templates.optional(),
  /** The reply for someone asking through their work (a teacher, carer or driver). Used instead of `text`. */
  professional: templates.optional(),
  /** Reply when no county is named: region-wide figures. */
  region: templates.optional(),
  /** Reply for one named county. */
  county: templates.optional(),
  /** Reply for a county that has none of the figures the county templates need. */
  missing: templates.optional(),
  /** Comparisons: the county with the most, the fewest, and two or more counties side by side. */
  most: templates.optional(),
  fewest: templates.optional(),
  versus: templates.optional(),
  /** Comparisons: when no county figures were published for that measure. */
  none: templates.optional(),
});

/** `intents/<id>.yaml`: one thing people ask, how they ask it, and how the bot answers. */
export const intentSchema = strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'use only lower-case letters, digits and _ (for example deal_lines)'),
  description: text('one line saying what this intent is for'),
  /** The figure this intent is about; lets "what about Kent?" and "which county had the most?" follow on. */
  metric: z.string().optional(),
  /** 999 comes first, and these phrases win over every other intent. */
  danger: z.boolean().optional(),
  /** Right whatever time the question is about (how to report, anonymity): still answered for "last year" or "next week". */
  timeless: z.boolean().optional(),
  triggers: textList('phrases that always mean this intent', 1).optional(),
  /**
   * What kind of answer this is, for the question frame: figure, fact, report, greeting, help, emergency.
   * Left out, it follows from the answer: figures for region/county/most answers, emergency for danger, fact otherwise.
   */
  act: z.enum(['figure', 'fact', 'report', 'greeting', 'help', 'emergency'], { error: 'should be one of figure, fact, report, greeting, help, emergency' }).optional(),
  /** The tone when nothing says who is asking: `young` for intents young people mostly ask (a friend, a debt). */
  default_tone: z.enum(['young', 'professional'], { error: 'should be young or professional' }).optional(),
  /**
   * Who this intent is not written for, and the intent that answers them instead: a parent worried about a
   * "friend" who is really their son gets the parents' answer (`speakers: { parent: exploitation_signs }`).
   */
  speakers: z.partialRecord(z.enum(['young', 'parent', 'professional', 'neighbour'], { error: 'should be one of young, parent, professional, neighbour' }), z.string().regex(/^[a-z][a-z0-9_]*$/, 'should be an intent id')).optional(),
  examples: textList('example questions', 1),
  tests: textList('test questions', 0).default([]),
  answer: answerSchema,
  follow_up: textList('suggested next questions', 0).default([]),
  /**
   * Why a template may read above a reading age of nine, beside the part of `answer:` it is for
   * (`text: "it quotes the police release word for word"`). `npm run check` then stops warning about it.
   */
  readability: z.partialRecord(z.enum(Object.keys(answerSchema.shape) as [keyof typeof answerSchema.shape, ...(keyof typeof answerSchema.shape)[]]), text('a reason')).optional(),
});

export type IntentFile = z.infer<typeof intentSchema>;
export type Answer = z.infer<typeof answerSchema>;
export type Templates = string | string[];
