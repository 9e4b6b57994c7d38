import readability from 'text-readability';
import { PLACEHOLDER_PATTERN } from '../reply/template.js';

/**
 * The highest Flesch-Kincaid grade an answer template should read at: grade 4 is about a reading age of 9
 * (reading age is roughly the grade plus five). Raise it only with care: these answers are for everyone.
 */
export const READING_GRADE_LIMIT = 4;

/** The reading age a Flesch-Kincaid grade stands for, roughly. */
export const readingAge = (grade: number) => Math.max(5, Math.round(grade + 5));

/**
 * Prepares a template for scoring: a {field} becomes a one-syllable word (the figure or name that goes
 * there is not the writer's wording), bullet points and lines become sentences.
 */
export function asProse(template: string): string {
  return template
    .replace(PLACEHOLDER_PATTERN, 'it')
    .split('\n')
    .map((line) => line.replace(/^\s*[•*-]\s*/, '').trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const capital = line.charAt(0).toUpperCase() + line.slice(1);
      return /[.!?:;"')]$/.test(capital) ? capital.replace(/:$/, '.') : `${capital}.`;
    })
    .join(' ')
    // A sentence that opens with a {field} still starts a sentence.
    .replace(/([.!?]["')]?\s+)([a-z])/g, (_, end: string, letter: string) => end + letter.toUpperCase());
}

/** The Flesch-Kincaid grade of a template's own wording, scored by the text-readability package. */
export function templateGrade(template: string): number {
  const prose = asProse(template);
  return prose === '' ? 0 : readability.fleschKincaidGrade(prose);
}
