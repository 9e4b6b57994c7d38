import type { YAMLError } from 'yaml';
import type { Problem } from './problem.js';

/**
 * Common slips made when typing YAML by hand, found in the text itself so that the message can say
 * in plain words what to type instead. The YAML parser's own messages ("Implicit keys need to be on a
 * single line") mean nothing to most people.
 */

const CURLY = /^(?:\s*-\s+|\s*[^\s:#][^:#]*:\s+)([“‘])(.*)([”’])\s*$/;
const THOUSANDS = /\bvalue:\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?)\b/;

/** Slips that the parser accepts or misreads: curly quotes around a value, a number with a thousands comma, a tab. */
export function findSlips(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number, message: string) => problems.push({ file, line, field: '', message, severity: 'error' });
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (/^ *\t/.test(raw)) {
      at(line, 'this line is indented with a tab. YAML needs spaces: delete the tab and type spaces instead, lined up with the line above.');
      return;
    }
    const curly = CURLY.exec(raw);
    if (curly) {
      const straight = curly[1] === '“' ? '"' : "'";
      at(line, `the text is in curly quotes ${curly[1]} ${curly[3]}, which YAML does not read as quotes (word processors and some editors type them). Type straight quotes instead: ${straight}${curly[2]}${straight}`);
      return;
    }
    const thousands = THOUSANDS.exec(raw);
    if (thousands) {
      const figure = thousands[1]!;
      at(line, `write the number without commas: value: ${figure.replace(/,/g, '')} (not ${figure}). The bot adds the commas when it shows the figure.`);
    }
  });
  return problems;
}

/** The YAML parser's error in plain words, with what to type instead where the slip is a common one. */
export function explainYamlError(error: YAMLError, lineText: string, previousLine: string): string {
  return `the file is not valid YAML: ${plainYamlError(error, lineText, previousLine)}`;
}

function plainYamlError(error: YAMLError, lineText: string, previousLine: string): string {
  const noColon = [lineText, previousLine].map((l) => /^\s*([A-Za-z_][\w-]*)\s+([^:#\s].*?)\s*$/.exec(l)).find(Boolean);
  if (/[“”‘’]/.test(lineText)) {
    return 'this line has curly quotes “ ” or ‘ ’, which YAML does not read as quotes. Type straight quotes " or \' around the text instead.';
  }
  switch (error.code) {
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (noColon) return `"${noColon[0]!.trim()}" has no colon after its name. Type ${noColon[1]}: ${noColon[2]} (the name, a colon, a space, then the value).`;
      return 'a name on this line or the one above has no colon after it, or text with a colon in it needs quotes. Write name: value, and put text containing ": " in double quotes.';
    case 'TAB_AS_INDENT':
      return 'this line is indented with a tab. YAML needs spaces: delete the tab and type spaces instead, lined up with the line above.';
    case 'DUPLICATE_KEY':
      return 'this name appears twice at the same level. Keep only one of them.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return `this line is not lined up with the lines around it, or a bracket or quote is not closed. Use the same number of spaces as the line above, and close every { [ and ". (${firstLine(error.message)})`;
    default:
      return `${firstLine(error.message)}. Check the indentation and quotes on this line.`;
  }
}

const firstLine = (message: string) => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');

/**
 * Refuses text that is not UTF-8, such as a file saved as Windows-1252 from an old editor, naming
 * the first line with a character that cannot be read.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { line: number; message: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { line: 1, message: 'the file is saved as UTF-16 ("Unicode" in Notepad), not UTF-8. Save it again as UTF-8.' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    let start = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          break;
        }
        start = i + 1;
        line += 1;
      }
    }
    return {
      line,
      message: 'the file is saved as Windows-1252 (or another encoding), not UTF-8, so characters such as £ or ’ would come out broken. Save it as UTF-8 (in Notepad: File, Save as, Encoding: UTF-8).',
    };
  }
}
