import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYaml } from '../../src/files/yaml-file.js';

const TEXT = [
  'name: Testish',
  'start: 2022-03-07',
  'answer: "no"',
  'flag: no',
  'list:',
  '  - one',
  '  - 2',
  'nested:',
  '  words: [ile, "ilu", osób]',
  '',
].join('\n');

describe('parseYaml', () => {
  it('reads the same data as the yaml package (YAML 1.2 core: dates and "no" stay text)', () => {
    const { doc, problems } = parseYaml(TEXT, 'data/x.yaml');
    expect(problems).toEqual([]);
    expect(doc!.data).toEqual(parse(TEXT));
    expect(doc!.data).toMatchObject({ start: '2022-03-07', flag: 'no' });
    expect(parseYaml('', 'data/empty.yaml').doc!.data).toBeNull();
  });

  it('finds the line of a field when a problem needs it', () => {
    const { doc } = parseYaml(TEXT, 'data/x.yaml');
    expect(doc!.lineOf(['nested', 'words'])).toBe(9);
    expect(doc!.lineOf(['list', 1])).toBe(7);
    expect(doc!.lineOf(['start'])).toBe(2);
  });

  it('refuses a name given twice, with its line, as before', () => {
    const { doc, problems } = parseYaml('name: a\nname: b\n', 'data/x.yaml');
    expect(doc).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file: 'data/x.yaml', line: 2, severity: 'error' })]);
  });

  it('reports a syntax error with its line', () => {
    const { doc, problems } = parseYaml('name: [a, b\nother: c\n', 'data/x.yaml');
    expect(doc).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: 'data/x.yaml', severity: 'error' });
    expect(problems[0]!.line).toBeGreaterThan(0);
  });
});
