import { beforeAll, describe, expect, it } from 'vitest';
import { normalise, words } from '../../src/nlu/normalise.js';
import { createPlaceFinder, placeSkeletons, type PlaceFinder } from '../../src/nlu/places.js';
import { realEngine } from '../helpers/fixtures.js';

let finder: PlaceFinder;
beforeAll(async () => {
  finder = createPlaceFinder((await realEngine()).knowledge.places);
});
const placesIn = (text: string) => finder.find(words(normalise(text))).places;

describe('createPlaceFinder', () => {
  it.each([
    ['arrests in Essex?', ['essex']],
    ['herts', ['hertfordshire']],
    ['beds police', ['bedfordshire']],
    ['what did Cambs do', ['cambridgeshire']],
    ['Essex Police figures', ['essex']],
    ['esex', ['essex']],
    ['hertfordshir', ['hertfordshire']],
    ['norfok', ['norfolk']],
    ['bedfordsire', ['bedfordshire']],
    ['cambridge', ['cambridgeshire']],
    ['kent and essex and norfolk', ['kent', 'essex', 'norfolk']],
    ['essex vs kent', ['essex', 'kent']],
    ['suffolk', ['suffolk']],
    ['lincs', ['lincolnshire']],
    ['bedz', ['bedfordshire']],
    ['harts', ['hertfordshire']],
    ["Kent's arrests", ['kent']],
    ['kents deal lines', ['kent']],
    ['deals in essex', ['essex']],
    ['cmbrdgshr arrests', ['cambridgeshire']],
    ['hrtfrdshr dl lns', ['hertfordshire']],
    ['esx', ['essex']],
  ])('should find the counties in "%s"', (text, expected) => {
    expect(placesIn(text)).toEqual(expected);
  });

  // Near-misses of short words are other words, not counties.
  it.each(['i went there', 'it is hers', 'he sent it', 'rent is high', 'wessex water'])('should find no county in "%s"', (text) => {
    expect(placesIn(text)).toEqual([]);
  });

  it('should never read a plain word it is given (sorry, a pleasantry) as a misspelt county, and still read a misspelling', async () => {
    const { places } = (await realEngine()).knowledge;
    const find = (plainWords: string[], text: string) => createPlaceFinder(places, { plainWords: new Set(plainWords) }).find(words(normalise(text)), text).places;
    expect(find([], 'no sorry arrests')).toEqual(['surrey']);
    expect(find(['sorry'], 'no sorry arrests')).toEqual([]);
    expect(find(['sorry'], 'arrests in surey')).toEqual(['surrey']);
  });

  it('should read the month names it is given as times, never towns', async () => {
    const { places } = (await realEngine()).knowledge;
    const monthsOf = (months: string[]) => createPlaceFinder(places, { months });
    expect(monthsOf(['march']).find(words(normalise('arrests in March')), 'arrests in March').places).toEqual([]);
    expect(monthsOf(['frostmonth']).find(words(normalise('arrests in March')), 'arrests in March').places).toEqual(['cambridgeshire']);
  });

  it('should read a town that is also a month as the town where the asker says they live there, not where a figure was "in" it', () => {
    // An invented county with a town named as a month.
    const fens = new Map([['fenshire', { name: 'Fenshire', aliases: [], in_region: true, towns: [], ambiguous_towns: ['frostmonth'] }]]);
    const finder = createPlaceFinder(fens, { months: ['frostmonth'], livesIn: { phrases: ['live in', 'were in'], asker: ['i', 'we'] } });
    const placesOf = (text: string) => finder.find(words(normalise(text)), text).places;
    expect(placesOf('i live in frostmonth, any arrests near us')).toEqual(['fenshire']);
    expect(placesOf('we were in frostmonth')).toEqual(['fenshire']);
    expect(placesOf('how many arrests were in frostmonth')).toEqual([]);
  });

  it('should read a short town as a place after "in", or right next to a figure word, but not a word the examples use otherwise', async () => {
    const { places } = (await realEngine()).knowledge;
    const withFigures = createPlaceFinder(places, { figureWords: new Set(['arrests', 'lines']), commonWords: new Set(['deal']) });
    const found = (text: string) => withFigures.find(words(normalise(text))).places;
    expect(placesIn('ely arrests')).toEqual([]);
    expect(found('ely arrests')).toEqual(['cambridgeshire']);
    expect(found('arrests ely')).toEqual(['cambridgeshire']);
    expect(found('what about ely')).toEqual([]);
    expect(found('arrests in ely')).toEqual(['cambridgeshire']);
    expect(found('deal lines in kent')).toEqual(['kent']);
    expect(found('ely, how many were arrested at the station')).toEqual([]);
    expect(found('ely county lines arrests')).toEqual(['cambridgeshire']);
    expect(found('the ely arrests')).toEqual(['cambridgeshire']);
    expect(found('what about ely and the arrests')).toEqual([]);
    expect(found('deal, any arrests there')).toEqual([]);
  });

  it('should read a county\'s short name misspelt even when the examples use it ("bedz" for beds), but not a town that is an everyday word', async () => {
    const { places } = (await realEngine()).knowledge;
    const withExamples = createPlaceFinder(places, { commonWords: new Set(['beds', 'cambs', 'deal']) });
    expect(withExamples.find(words('bedz arrests')).places).toEqual(['bedfordshire']);
    expect(withExamples.find(words('cambz arrests')).places).toEqual(['cambridgeshire']);
    expect(withExamples.find(words('deel lines')).places).toEqual([]);
  });

  it('should read a short name typed with the key beside a letter only where a place is meant', () => {
    expect(placesIn('arrests in kenr')).toEqual(['kent']);
    expect(placesIn('kenr')).toEqual([]);
    expect(placesIn('i lent him money')).toEqual([]);
    expect(placesIn('wssex')).toEqual(['essex']);
  });

  it('should read a short name past one letter left out when it sounds the same', () => {
    expect(placesIn('lutn')).toEqual(['bedfordshire']);
    expect(placesIn('kent')).toEqual(['kent']);
    expect(placesIn('hers')).toEqual([]);
  });

  it('should replace a multi-word alias with a single marker', () => {
    expect(finder.find(words(normalise('arrests by essex police today'))).tokens).toEqual(['arrests', 'by', 'zplace', 'today']);
  });
});

describe('normalise', () => {
  it.each([
    ["What's <b>the</b> deal?!", 'whats the deal'],
    ['🔪 knives 🔪', 'knives'],
    ['ARRESTS\u200b in\u00a0ESSEX', 'arrests in essex'],
    ['&amp; kent', 'kent'],
    ['\u202egnirts', 'gnirts'],
    // Line breaks and tabs used to be deleted, joining the words either side ("arrestsin").
    ['arrests\nin\tessex', 'arrests in essex'],
    ['knives\r\nin kent', 'knives in kent'],
    ['soft\u00adhyphen', 'softhyphen'],
  ])('should reduce %j to %j', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });
});

describe('placeSkeletons: place names typed without their vowels', () => {
  it('should read a name by its skeleton, double letters typed or not', () => {
    const index = placeSkeletons(['essex', 'norfolk'], new Set());
    expect(index.get('esx')).toBe('essex');
    expect(index.get('essx')).toBe('essex');
    expect(index.get('nrflk')).toBe('norfolk');
  });

  it('should leave a skeleton an everyday word of the examples has ("sry" is sorry, not Surrey), or two names share', () => {
    expect(placeSkeletons(['surrey'], new Set(['sorry'])).has('sry')).toBe(false);
    expect(placeSkeletons(['surrey'], new Set(['surrey'])).get('sry')).toBe('surrey');
    expect(placeSkeletons(['barton', 'burton'], new Set()).has('brtn')).toBe(false);
  });
});
