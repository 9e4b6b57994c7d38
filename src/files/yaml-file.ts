import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { CORE_SCHEMA, load } from 'js-yaml';
import type * as YamlPackage from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problem.js';
import { decodeUtf8, explainYamlError, findSlips } from './slips.js';

/** A parsed YAML file that can say which line a field is on. */
export interface YamlFile {
  file: string;
  data: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** Lines with a slip already reported in plain words; other complaints about them are dropped. */
  slipLines?: ReadonlySet<number>;
}

/**
 * Parses YAML text. Syntax errors come back as problems with the line they are on.
 *
 * A file with no slip is read by js-yaml, about ten times faster than the `yaml` package on the language files
 * (start-up reads them all), with the same YAML 1.2 core schema and the same result; the line of a field is only
 * worked out, with `yaml`, when a problem needs it. A slip, a duplicate name or any syntax error is read by `yaml`,
 * whose errors say where and what.
 */
export function parseYaml(text: string, file: string): { doc?: YamlFile; problems: Problem[] } {
  const slips = findSlips(text, file);
  if (slips.length === 0) {
    const data = quickLoad(text);
    if (data.read) {
      let lineOf: YamlFile['lineOf'] | undefined;
      return { doc: { file, data: data.value, lineOf: (path) => (lineOf ??= slowParse(text, file, []).doc?.lineOf ?? (() => undefined))(path), slipLines: new Set() }, problems: [] };
    }
  }
  return slowParse(text, file, slips);
}

const require = createRequire(import.meta.url);
let yamlPackage: typeof YamlPackage | undefined;
/**
 * The `yaml` package (its one entry for Node, dist/index.js, whether imported or required), loaded the first time a
 * file has a slip or a problem needs a line: a start-up whose files are all well made never loads it.
 */
function yaml(): typeof YamlPackage {
  return (yamlPackage ??= require('yaml') as typeof YamlPackage);
}

/** The data of YAML text by js-yaml (duplicate names refused), or nothing read when it finds any error. */
function quickLoad(text: string): { read: true; value: unknown } | { read: false } {
  try {
    return { read: true, value: load(text, { schema: CORE_SCHEMA }) ?? null };
  } catch {
    return { read: false };
  }
}

/** Parses YAML text with `yaml`, keeping where each node is, for errors and line numbers. */
function slowParse(text: string, file: string, slips: Problem[]): { doc?: YamlFile; problems: Problem[] } {
  const { LineCounter, parseDocument, isMap, isNode, isScalar } = yaml();
  const lineCounter = new LineCounter();
  const doc: YamlPackage.Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    // A slip found in plain words usually causes the parser's complaints on the lines after it: show the slip only.
    if (slips.length > 0) return { problems: slips };
    const lines = text.split(/\r?\n/);
    return {
      problems: doc.errors.map((e) => {
        const line = lineToFix(lines, lineCounter.linePos(e.pos[0]).line, e.code);
        return { file, line, field: '', message: explainYamlError(e, lines[line - 1] ?? '', lines[line - 2] ?? ''), severity: 'error' as const };
      }),
    };
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    // A field's own line is its name's: a list under it starts on the next line.
    const parent = doc.getIn(path.slice(0, -1) as unknown[], true);
    if (path.length > 0 && isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
      if (pair && isNode(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]).line;
    }
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { doc: { file, data: doc.toJS(), lineOf, slipLines: new Set(slips.map((s) => s.line!)) }, problems: slips };
}

/** Reads and parses a YAML file; a missing or unreadable file becomes a problem, not a crash. */
export async function readYaml(path: string, file: string): Promise<{ doc?: YamlFile; problems: Problem[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file is missing' : String(error);
    return { problems: [{ file, field: '', message: reason, severity: 'error' }] };
  }
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) return { problems: [{ file, line: decoded.line, field: '', message: decoded.message, severity: 'error' }] };
  return parseYaml(decoded.text, file);
}

/** Validates parsed YAML against a zod schema, turning each zod issue into a located problem. */
export function validate<T>(doc: YamlFile, schema: z.ZodType<T>): { value?: T; problems: Problem[] } {
  const result = schema.safeParse(doc.data);
  if (result.success) return { value: result.data, problems: [] };
  return {
    problems: result.error.issues
      .map((issue) => ({
        file: doc.file,
        // An unknown field is found on its own line, not on the line of the block it sits in.
        line: (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? doc.lineOf([...issue.path, issue.keys[0]]) : undefined) ?? doc.lineOf(issue.path),
        field: issue.path.map(String).join('.'),
        message: issue.code === 'invalid_key' ? badName(String(issue.path[issue.path.length - 1])) : issue.message,
        severity: 'error' as const,
      }))
      .filter((p) => p.line === undefined || !doc.slipLines?.has(p.line)),
  };
}

/** Names (keys) are lower case with _ between words: `Essex` → `essex`, `Deal lines` → `deal_lines`. */
function badName(name: string): string {
  const suggestion = name.trim().toLowerCase().replace(/[\s-]+/g, '_').replace(/[^a-z0-9_]/g, '');
  return `"${name}" cannot be used as a name here: names are written in lower case, with _ instead of spaces${suggestion && suggestion !== name ? `. Type ${suggestion}: instead` : ''}.`;
}

/** How far back an unclosed bracket or quote is looked for. */
const OPENER_REACH = 20;

/**
 * The line to fix for a syntax error. The parser notices a bracket or quote left open, or a line indented
 * out of step, only on a later line: point at the line that opened it, or at the one out of step with the lines
 * before it.
 */
export function lineToFix(lines: readonly string[], reported: number, code: string): number {
  if (code !== 'BAD_INDENT' && code !== 'MISSING_CHAR') return reported;
  for (let n = Math.min(reported, lines.length); n >= Math.max(1, reported - OPENER_REACH); n--) {
    if (leavesOpen(lines[n - 1]!)) return n;
  }
  const filled = (n: number) => n >= 1 && n <= lines.length && lines[n - 1]!.trim() !== '' && !lines[n - 1]!.trim().startsWith('#');
  let before = reported - 1;
  while (before >= 1 && !filled(before)) before--;
  const indent = (n: number) => lines[n - 1]!.length - lines[n - 1]!.trimStart().length;
  if (!filled(reported) || !filled(before) || indent(before) === indent(reported)) return reported;
  // Of the two lines out of step with each other, the one indented as no other line is: "      arrests:" among
  // lines of four spaces.
  const used = (width: number) => lines.filter((l, i) => filled(i + 1) && l.length - l.trimStart().length === width).length;
  return used(indent(before)) < used(indent(reported)) ? before : reported;
}

/** Whether a line opens a bracket or a quote it does not close (a comment after # aside). */
function leavesOpen(line: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if (c === '"' || (c === "'" && (i === 0 || /[\s:,[{]/.test(line[i - 1]!)))) quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth > 0 || quote !== undefined;
}
