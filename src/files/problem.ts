/** One thing wrong with a staff-edited file, precise enough for a non-programmer to fix it. */
export interface Problem {
  /** Path relative to the project, for example `intents/arrests.yaml`. */
  file: string;
  /** 1-based line in the file, when it can be found. */
  line?: number;
  /** Dotted field path, for example `answer.county`; empty for the whole file. */
  field: string;
  /** What is wrong and what to do about it. */
  message: string;
  /** Warnings are reported but do not fail `npm run check` or a reload. */
  severity: 'error' | 'warning';
}

/** Formats a problem as one line: `file:line: field: message`. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const field = p.field ? `${p.field}: ` : '';
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${tag}${field}${p.message}`;
}

/** Thrown when staff files cannot be loaded; carries every problem found, not just the first. */
export class InvalidFilesError extends Error {
  constructor(readonly problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(
      `${errors.length} problem(s) in the data or intent files:\n` +
        errors.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'InvalidFilesError';
  }
}
