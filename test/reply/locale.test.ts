import { describe, expect, it } from 'vitest';
import { localeProblems } from '../../src/intents/locales.js';
import type { Intent } from '../../src/intents/load.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import type { Language } from '../../src/knowledge/languages.js';
import { datesIn, footerIn, numberIn, poundsIn, sayIn, type LocaleSources } from '../../src/reply/locale.js';

// Invented figures and an invented week: nothing here depends on the published ones.
const week = {
  id: 'w1', name: 'Test week', start: '2030-05-06', end: '2030-05-10', published: '2030-05-17',
  region: { arrests: { value: 22 }, cash: { value: 150000, qualifier: 'more_than' } },
  counties: { essex: { arrests: { value: 5 } }, kent: { arrests: { value: 1 } }, norfolk: { arrests: { value: 2 } } },
  facts: {},
};
const knowledge = {
  operations: [week],
  metrics: new Map([
    ['arrests', { label: 'arrests', unit: 'count', summary: '{value} arrests' }],
    ['cash', { label: 'cash seized', unit: 'gbp', summary: '{value} in cash seized' }],
    ['phones', { label: 'phones seized', unit: 'count', summary: '{value} phones seized' }],
  ]),
  places: new Map([
    ['essex', { name: 'Essex', in_region: true }],
    ['kent', { name: 'Kent', in_region: true }],
    ['norfolk', { name: 'Norfolk', in_region: true }],
  ]),
  contacts: new Map([
    ['emergency', { name: 'Emergency', number: '999' }],
    ['police', { name: 'Police', number: '101' }],
    ['crimestoppers', { name: 'Crimestoppers', number: '0800 555 111' }],
  ]),
  languages: new Map<string, Language>(),
} as unknown as Knowledge;

const language = (code: string, over: Partial<Language>): Language =>
  ({ code, file: `data/lang/${code}.yaml`, language: code, native: code, translated_by: 'tests', reviewed: false, markers: [], lexicon: {}, skip: [], danger: {}, readAs: new Map(), figures: {}, topics: {}, sentences: {}, menu: { topics: {}, commands: {} }, ...over }) as unknown as Language;

const english = language('en', {
  locale: 'en-GB',
  sentences: {
    figure_county: 'In {place} ({dates}): {figure}.',
    figure_region: 'In the whole region ({dates}): {figure}.',
    not_published: 'A figure for {label} in {place} was not published.',
    more_than: 'more than {amount}',
    footer_emergency: 'Danger: {emergency}.',
    footer_police: 'Police: {police}.',
    footer_crimestoppers: 'Crimestoppers: {crimestoppers}.',
  },
});
// A Polish-like test locale: Polish plural rules and formats, and sentences written for the tests.
const polish = language('pl', {
  locale: 'pl-PL',
  sentences: { figure_county: 'W {place} ({dates}): {figure}.', not_published: 'Nie opublikowano: {label}, {place}.', more_than: 'ponad {amount}', footer_emergency: 'Niebezpieczeństwo: {emergency}.', footer_police: 'Policja: {police}.', footer_crimestoppers: 'Crimestoppers: {crimestoppers}.' },
  figures: {
    arrests: { label: 'zatrzymania', one: '{count} osoba', few: '{count} osoby', many: '{count} osób', other: '{count} osoby' },
    cash: { label: 'gotówka', one: '{count} w gotówce', few: '{count} w gotówce', many: '{count} w gotówce', other: '{count} w gotówce' },
  },
  topics: { what_is: 'Definicja ({dates}). Zadzwoń pod {police}.' },
});
const sources = (lang: Language): LocaleSources => ({ language: lang, english, knowledge });
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers, money and dates in the language', () => {
  it('groups thousands and places the pound sign as the locale does', () => {
    expect(nbsp(numberIn('pl-PL', 150000))).toBe('150 000');
    expect(nbsp(poundsIn('pl-PL', 150000))).toBe('150 000 £');
    expect(poundsIn('en-GB', 150000)).toBe('£150,000');
    expect(numberIn('bn-BD', 28)).toBe('২৮');
  });
  it('writes a week as a range in the language', () => {
    expect(datesIn('pl-PL', '2030-05-06', '2030-05-10')).toBe('6–10 maja 2030');
  });
});

describe('sayIn: a part said from what the planner recorded', () => {
  it('takes the plural form the number needs (1, 2, 5, 22)', () => {
    const said = (place: string | undefined) => sayIn([{ kind: 'figures', week: 'w1', cells: [{ place, metric: 'arrests' }] }], sources(polish))!.text;
    expect(said('kent')).toContain('1 osoba');
    expect(said('norfolk')).toContain('2 osoby');
    expect(said('essex')).toContain('5 osób');
  });
  it('says a qualified amount with the language\'s "more than"', () => {
    const out = sayIn([{ kind: 'figures', week: 'w1', cells: [{ metric: 'cash' }] }], sources(polish))!;
    expect(nbsp(out.text)).toContain('ponad 150 000 £ w gotówce');
    // figure_region is missing from the test locale: that sentence alone falls back to English, and is named.
    expect(out.text.startsWith('In the whole region (6–10 maja 2030)')).toBe(true);
    expect(out.english).toEqual(['sentences.figure_region']);
  });
  it('says a figure not published in the language, never a number', () => {
    const out = sayIn([{ kind: 'figures', week: 'w1', cells: [{ place: 'kent', metric: 'phones' }] }], sources(polish))!;
    expect(out.text).toBe('Nie opublikowano: phones seized, Kent.');
    expect(out.english).toContain('figures.phones');
  });
  it('gives a topic with its fields, and nothing for a topic the file lacks', () => {
    expect(sayIn([{ kind: 'topic', id: 'what_is' }], sources(polish))!.text).toBe('Definicja (6–10 maja 2030). Zadzwoń pod 101.');
    expect(sayIn([{ kind: 'topic', id: 'signs' }], sources(polish))).toBeUndefined();
  });
  it('writes the footer in the language with the numbers of data/contacts.yaml', () => {
    expect(footerIn(sources(polish))).toBe('Niebezpieczeństwo: 999.\nPolicja: 101.\nCrimestoppers: 0800 555 111.');
  });
});

describe('localeProblems: npm run check on a language file', () => {
  const intents = [{ id: 'what_is', answer: { text: '{facts.definition}' } }, { id: 'signs', answer: { text: 'Signs.' } }] as unknown as Intent[];
  const check = (lang: Language) => localeProblems({ ...knowledge, languages: new Map([['en', english], [lang.code, lang]]) }, intents);
  const errors = (lang: Language) => check(lang).filter((p) => p.severity === 'error').map((p) => `${p.field}: ${p.message}`);

  it('passes the test locale with warnings for what falls back to English', () => {
    expect(errors(polish)).toEqual([]);
    const warnings = check(polish).filter((p) => p.severity === 'warning').map((p) => p.field);
    expect(warnings).toEqual(expect.arrayContaining(['sentences.figure_region', 'figures.phones', 'topics.signs']));
  });
  it('names a missing plural form, and the numbers that use it', () => {
    const { few: _, ...rest } = polish.figures.arrests!;
    const found = errors(language('pl', { ...polish, figures: { ...polish.figures, arrests: rest as never } }));
    expect(found).toEqual([expect.stringMatching(/^figures\.arrests\.few: is missing: pl uses this form for 2, 3, 22/)]);
  });
  it('refuses a field the English lacks, one it leaves out, and a typed number', () => {
    const found = errors(language('pl', { ...polish, sentences: { ...polish.sentences, figure_county: 'W {place}: {figure} ({year}).', footer_police: 'Policja: 101.' } }));
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/^sentences\.figure_county: names \{year\}/),
      expect.stringMatching(/^sentences\.figure_county: leaves out \{dates\}/),
      expect.stringMatching(/^sentences\.footer_police: has a number typed in it/),
      expect.stringMatching(/^sentences\.footer_police: leaves out \{police\}/),
    ]));
  });
  it('refuses a menu entry for a button or command that does not exist, and warns of one not translated', () => {
    const menu = { topics: ['what_is'], commands: ['start'] };
    const lang = language('pl', { ...polish, menu: { topics: { what_is: 'Co to jest?', nonsense: 'x' }, commands: {} } });
    const found = localeProblems({ ...knowledge, languages: new Map([['en', english], ['pl', lang]]) }, intents, menu);
    expect(found.filter((p) => p.severity === 'error').map((p) => p.field)).toEqual(['menu.topics.nonsense']);
    expect(found.filter((p) => p.severity === 'warning').map((p) => p.field)).toContain('menu.commands.start');
  });
  it('refuses a digit of another script and a topic that is not one', () => {
    const found = errors(language('pl', { ...polish, topics: { what_is: 'Zadzwoń pod ১০১.', nonsense: 'x' } }));
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^topics\.what_is: has a number typed/), expect.stringMatching(/^topics\.nonsense: is not a topic/)]));
  });
});
