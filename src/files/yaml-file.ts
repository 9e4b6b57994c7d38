import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problem.js';

/** A parsed YAML file that can say which line a field is on. */
export interface YamlFile {
  file: string;
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Parses YAML text. Syntax errors come back as problems with the line they are on. */
export function parseYaml(text: string, file: string): { doc?: YamlFile; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        field: '',
        message: `the file is not valid YAML (${e.message.split('\n')[0]}). Check the indentation and quotes on this line.`,
        severity: 'error' as const,
      })),
    };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { doc: { file, data: doc.toJS(), lineOf }, problems: [] };
}

/** Reads and parses a YAML file; a missing or unreadable file becomes a problem, not a crash. */
export async function readYaml(path: string, file: string): Promise<{ doc?: YamlFile; problems: Problem[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file is missing' : String(error);
    return { problems: [{ file, field: '', message: reason, severity: 'error' }] };
  }
  return parseYaml(text, file);
}

/** Validates parsed YAML against a zod schema, turning each zod issue into a located problem. */
export function validate<T>(doc: YamlFile, schema: z.ZodType<T>): { value?: T; problems: Problem[] } {
  const result = schema.safeParse(doc.data);
  if (result.success) return { value: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => ({
      file: doc.file,
      line: doc.lineOf(issue.path),
      field: issue.path.map(String).join('.'),
      message: issue.message,
      severity: 'error' as const,
    })),
  };
}
