import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/engine/context.js';
import type { Engine, EngineReply } from '../../src/engine/engine.js';
import { body, fixtureEngine, on } from '../frame/fixture.js';

// Conversations as data: each is a list of turns, each turn with what its reply must and must not say, and how
// many parts it answers. Fixture figures (invented, test/fixtures/frame/data): spring 2022 week: region 200
// arrests, 40 weapons, 12 knives, more than £90,000 cash; Essex 60 arrests and 9 deal lines, Kent 40 and 7,
// Cambridgeshire 20 arrests, Bedfordshire 10. Suffolk has no figures. Autumn 2021: Essex 30, Kent 20.

interface Turn {
  say: string;
  /** Each must appear in the reply's body. */
  has?: (string | RegExp)[];
  /** None may appear in the reply's body. */
  lacks?: (string | RegExp)[];
  /** How many parts the reply answers (1 when left out). */
  parts?: number;
  /** The reply opens with 999. */
  danger?: boolean;
}

interface Conversation {
  name: string;
  turns: Turn[];
}

const CONVERSATIONS: Conversation[] = [
  // Several parts in one message.
  { name: 'two figures for one place, as one list', turns: [{ say: 'knives and arrests for essex pls', has: ['Essex', '60 arrests', /knives seized not published/i], danger: false }] },
  { name: 'one figure for three places', turns: [{ say: 'Essex, Kent, Cambs - arrests for each', has: ['Essex: 60 arrests', 'Kent: 40 arrests', 'Cambridgeshire: 20 arrests'] }] },
  { name: 'a county and the region beside it', turns: [{ say: 'essex arrests and the total', has: ['Essex: 60 arrests', 'Whole region: 200 arrests'] }] },
  { name: 'a county\'s own total is not the region', turns: [{ say: 'how many arrests in essex in total', has: ['60'], lacks: ['200'] }] },
  { name: 'a text question and a figure, each once, in order', turns: [{ say: 'what is county lines and how many were arrested in kent', has: [/Fixture definition of county lines[\s\S]*40 people were arrested/], parts: 2 }] },
  { name: 'a danger topic the classifier is sure of for the whole message, with harm now, gets 999 first', turns: [{ say: 'shop worker. kid ran in begging me to hide him, 3 men waiting outside staring in', has: [/^Call 999 now/], danger: true }] },
  { name: 'a question read from a story keeps the whole message\'s topic', turns: [{ say: "i think my neighbours lad is running for a line, where do i pass that on", has: ['Fixture reporting advice'] }] },
  { name: 'a figure phrase uses up its words: "drug lines" names no drugs', turns: [{ say: 'how many drug lines were closed down in essex', has: ['9 deal lines'], lacks: [/drugs/i] }] },
  { name: 'a greeting goes when the message asks something', turns: [{ say: 'hiya mate! how many arrests in kent', has: ['40'], lacks: ['Hello'] }] },
  { name: 'the overview, chosen with no figure named', turns: [{ say: 'what were the results', has: ['200 arrests', '40 dangerous weapons seized'] }] },
  { name: 'two text questions', turns: [{ say: 'what is county lines and how do i report it', has: ['Fixture definition of county lines', /101/], parts: 2 }] },
  { name: 'a place said first is the place of the figures that follow', turns: [{ say: 'what about kent, how many deal lines did they take out', has: ['7 deal lines'], lacks: ['40 arrests'] }] },
  { name: 'a place in a text part counts for the figure part after it', turns: [{ say: 'did the met take part? how many did they arrest?', has: ['London'], lacks: ['200'], parts: 2 }] },
  { name: 'a time said first holds for the part after it', turns: [{ say: 'was there one in 2019 and how many arrests were there', has: [/I don't have figures for 2019/], lacks: ['200', '90'] }] },
  { name: 'a week said first is the week of the figures that follow', turns: [{ say: 'did they do one last year and how many arrests in essex', has: [/In Essex, 30 people were arrested/], lacks: ['60'], parts: 2 }] },
  { name: 'the region asked in a part of its own', turns: [{ say: 'how many arrests in kent and how many across the whole region?', has: ['Kent: 40 arrests', 'Whole region: 200 arrests'] }] },
  { name: 'a word joining the region to the list adds nothing up', turns: [{ say: 'essex and kent arrests, plus the regional total please', has: ['Essex: 60 arrests', 'Kent: 40 arrests', 'Whole region: 200 arrests'], lacks: ['100'] }] },
  { name: 'a working word the speller mends, with nothing else unknown', turns: [{ say: 'kent essex arrests diffrence', has: [/Kent had 20 fewer/] }] },
  { name: 'the rest of the region', turns: [{ say: 'kent arrests, and how many in the rest of the region', has: ['40 people', 'outside Kent there were 160'], parts: 2 }] },
  { name: 'the rest of the region after a county', turns: [{ say: 'how many arrests in kent', has: ['40'] }, { say: 'so how many werent in kent', has: ['outside Kent there were 160'] }] },
  { name: 'the region said first is the place of the figures that follow', turns: [{ say: 'Across the region, how many knives were seized and how many were arrested?', has: [/Whole region: .*12 knives seized.*200 arrests|Whole region: .*200 arrests.*12 knives seized/], lacks: ['40 dangerous weapons', 'Sorry'] }] },
  { name: 'the region on its own gets its figures', turns: [{ say: 'across the whole region?', has: ['200 arrests', '40 dangerous weapons'], lacks: ['Sorry'] }] },
  { name: 'a figure its topic would not give, not published for the region, is said so', turns: [{ say: 'how many vulnerable people were engaged with across the whole region', has: ['A figure for vulnerable people engaged with for the region was not published.'] }] },
  { name: 'a figure that stands in is the topic\'s to give', turns: [{ say: 'how much money was seized across the whole region', has: ['90,000'], lacks: [/money seized .*not published/i] }] },
  { name: 'a town beside a county is one of the places asked', turns: [{ say: 'chelmsford and kent arrests', has: ['Essex: 60 arrests', 'Kent: 40 arrests'] }] },
  { name: 'the town the person is in is not one of the places asked', turns: [{ say: 'i live in chelmsford, how many arrests in kent', has: ['40'], lacks: ['60'] }] },
  { name: 'a word never seen beside figures and places does not stop the answer', turns: [{ say: 'essex n kent arsts who had mor', has: ['60', '40'], lacks: ['Sorry'] }] },
  { name: 'a question about something else in a town is turned down, not given the county\'s figures', turns: [{ say: 'when do they collect the rubbish on my street in luton? its been a week', has: ['Sorry, I can only help'], lacks: ['seized', 'arrests'] }] },
  { name: 'a summary asked for, with a story around it, is still given', turns: [{ say: 'im doing a bit for our parish newsletter in hitchin, can u sum up what herts got out of the operation', lacks: ['Sorry'] }] },
  { name: 'one word never seen beside one figure and one place does not stop the answer', turns: [{ say: 'cate deal lines in kent', has: ['In Kent'], lacks: ['Sorry'] }] },
  { name: 'one word never seen in someone\'s own story about a place is about their story', turns: [{ say: 'did suffolk police ever catch whoever nicked my bike', has: ['Sorry, I can only help'] }] },
  { name: '"minus" between two counties is their difference', turns: [{ say: 'essex arrests minus kent arrests', has: [/Essex had 20 more/] }] },
  { name: '"&" sets the region beside a county', turns: [{ say: 'cash overall & knives in essex', has: ['Whole region', '90,000'], lacks: ['Sorry'] }] },
  { name: 'a county and a figure typed without their vowels', turns: [{ say: 'cmbrdgshr arsts', has: ['20'], lacks: ['Sorry'] }] },
  { name: 'a misspelt word of a question the bot suggests', turns: [{ say: 'can i report anonymusly', has: [/anonymous/i], lacks: ['Sorry'] }] },
  { name: 'a list of figures asks for them, whatever topic its words lean to', turns: [{ say: 'weapons, phones and cash?', has: ['40 dangerous weapons', '90,000'], lacks: [/found/i] }] },
  { name: 'one figure named in a question is no list: what a deal line is', turns: [{ say: 'wat r dealines', lacks: [/9 deal lines/] }] },
  { name: '"outside of" a county is the rest of the region', turns: [{ say: 'how many arrests outside of essex', has: ['outside Essex there were 140'] }] },
  { name: 'a breakdown\'s note says no sentence the answer says again', turns: [{ say: 'did they work with taxi firms', has: [/^(?![\s\S]*Fixture forces worked[\s\S]*Fixture forces worked)[\s\S]*Fixture forces worked with taxi firms/] }] },
  { name: 'how many times one county\'s figure is another\'s', turns: [{ say: 'how many times more arrests in essex than in cambs', has: ['Essex had 60 arrests and Cambridgeshire had 20: about 3 times as many'] }] },
  { name: 'a number checked against a county that published none of that number', turns: [{ say: 'was it 13 in kent?', has: ['None of the figures published for Kent was 13.'] }] },
  { name: 'a county beside the overall number is no ranking', turns: [{ say: 'essex arrests vs the overall number', has: ['Essex: 60 arrests', 'Whole region: 200 arrests'], lacks: [/the most/] }] },
  { name: 'figures for several places at a time no week holds are said not to be held, not given for another week', turns: [{ say: 'arrests in essex and kent in 2019', has: ["I don't have figures for 2019"], lacks: ['60', '30'] }] },
  { name: 'only a place outside the region, with nothing else understood', turns: [{ say: 'crime in london', has: ['Figures for London were not published'] }] },
  { name: 'a figure of a county with none published, beside a word never seen', turns: [{ say: 'suffolk arrests dinosaur', has: [/arrest figure for Suffolk was not published/], lacks: ['Sorry'] }] },
  { name: 'a word a sure topic\'s examples use is not a question for figures', turns: [{ say: 'where do the arrest figures come from', has: ['Every figure here comes from'], lacks: ['200'] }] },
  { name: 'the emergency topic is never given without danger: a what-if', turns: [{ say: 'what if someone has a knife outside', lacks: [/Call 999 now/], danger: false }] },
  { name: 'a danger topic with concern but no danger now gives its guidance, not the fallback', turns: [{ say: 'my son owes money to dealers', has: [/not their fault/], lacks: ['Sorry'], danger: false }] },
  { name: 'a misspelt town is named as it is spelt', turns: [{ say: 'arrests in chelmsfrod', has: ['Chelmsford is in Essex'], lacks: ['Chelmsfrod'] }] },
  // Follow-ups: ellipsis, corrections, pronouns, which one.
  { name: 'a comparison pointing back sets the county answered beside the one named', turns: [{ say: 'how many arrests in essex' }, { say: 'is that more than kent', has: ['Kent: 40', 'Essex: 60', /Essex had 20 more/] }] },
  { name: 'a share pointing back is the share of the county answered', turns: [{ say: 'how many arrests in cambridgeshire' }, { say: 'what % of the total is that', has: [/20 of the 200/, '10%'] }] },
  { name: 'the word that points back is no working-out: "the same" compares nothing', turns: [{ say: 'how many arrests in essex' }, { say: 'and the same for kent', has: ['40'], lacks: ['Essex: 60', /more than/] }] },
  { name: '"elsewhere" after a county is the rest of the region', turns: [{ say: 'how many arrests in essex' }, { say: 'so how many elsewhere', has: ['outside Essex there were 140'] }] },
  { name: 'a short question about the topic just answered in words', turns: [{ say: 'did they work with taxi firms' }, { say: 'who else', has: ['Fixture forces worked with taxi firms'], lacks: ['Sorry'] }] },
  { name: 'chatter after a topic does not repeat it', turns: [{ say: 'did they work with taxi firms' }, { say: 'lol', lacks: ['Fixture forces'] }] },
  { name: '"both" after two figures for one place asks both of a new place', turns: [{ say: 'how many arrests in essex' }, { say: 'and deal lines?', has: ['9 deal lines'] }, { say: 'and kent for both?', has: ['40 arrests', '7 deal lines'] }] },
  { name: '"same two" after two figures for one place', turns: [{ say: 'how many arrests in kent' }, { say: 'how many deal lines there' }, { say: 'same two for essex', has: ['60 arrests', '9 deal lines'] }] },
  { name: '"for both" after two places asks a new figure of both', turns: [{ say: 'how many arrests in essex' }, { say: 'and kent', has: ['40'] }, { say: 'and deal lines for both', has: ['Essex: 9 deal lines', 'Kent: 7 deal lines'] }] },
  { name: 'studying in a town says where the person is: its county\'s figures, no refusal', turns: [{ say: 'im at uni in chelmsford', has: ['Chelmsford is in Essex', '60'], lacks: ['Sorry'] }] },
  { name: 'a breakdown asked after figures is asked of them', turns: [{ say: 'how many arrests in essex' }, { say: 'names?', has: [/name/i, '60'], lacks: ['Sorry', /anonymous/i] }] },
  {
    name: 'ellipsis: a new place keeps the figure',
    turns: [
      { say: 'how many arrests in essex', has: ['60'] },
      { say: 'and kent?', has: ['40'], lacks: ['60'] },
    ],
  },
  {
    name: 'a correction replaces the place and keeps the figure',
    turns: [
      { say: 'arrests in kent', has: ['40'] },
      { say: 'no sorry i meant essex', has: ['60'], lacks: ['40'] },
    ],
  },
  {
    name: 'a place taken back is dropped',
    turns: [
      { say: 'arrests in bedfordshire', has: ['10'] },
      { say: 'I said Cambs not Beds', has: ['20'], lacks: [/\b10\b/] },
    ],
  },
  {
    name: 'a new figure keeps the place: "and deal lines there?"',
    turns: [
      { say: 'how many arrests in kent', has: ['40'] },
      { say: 'and deal lines there?', has: ['7'], lacks: ['200'] },
    ],
  },
  {
    name: 'the whole region after a county',
    turns: [
      { say: 'arrests in essex', has: ['60'] },
      { say: 'what about the whole region?', has: ['200'] },
    ],
  },
  {
    name: 'a pronoun: "how many of those were in kent"',
    turns: [
      { say: 'how many people were arrested altogether', has: ['200'] },
      { say: 'how many of those were in kent', has: ['40'] },
    ],
  },
  {
    name: '"which one had more?" compares the places asked one after the other',
    turns: [
      { say: 'arrests in kent', has: ['40'] },
      { say: 'and essex', has: ['60'] },
      { say: 'which one had more?', has: ['Kent', 'Essex', '40', '60'] },
    ],
  },
  {
    name: '"add them together" sums the places asked one after the other',
    turns: [
      { say: 'arrests in kent', has: ['40'] },
      { say: 'and essex', has: ['60'] },
      { say: 'add them together', has: ['100'] },
    ],
  },
  {
    name: '"whats the difference between them" works out the gap between the places asked one after the other',
    turns: [
      { say: 'arrests in kent', has: ['40'] },
      { say: 'and essex', has: ['60'] },
      { say: 'whats the difference between them', has: ['20'] },
    ],
  },
  {
    name: '"which was higher" compares with a comparing word of its own',
    turns: [
      { say: 'arrests in cambs', has: ['20'] },
      { say: 'and in bedfordshire', has: ['10'] },
      { say: 'which was higher', has: ['Cambridgeshire', 'Bedfordshire', '20', '10'] },
    ],
  },
  {
    name: 'where the person lives is kept, as a county, for "near me"',
    turns: [
      { say: 'i live in luton', has: ['Bedfordshire'] },
      { say: 'what is county lines', has: ['Fixture definition'] },
      { say: 'how many arrests round here', has: ['10'], lacks: ['200'] },
    ],
  },
  {
    name: 'a figure named in a text answer is the figure of the follow-up',
    turns: [
      { say: 'what is a deal line', lacks: ['200'] },
      { say: 'how many were seized in kent', has: ['7'] },
    ],
  },
  // Spelling and places.
  { name: 'a misspelt county and figure', turns: [{ say: 'arests in esex', has: ['60'] }] },
  { name: 'the words that ask misspelt too', turns: [{ say: 'how meny arests in esex', has: ['60'] }] },
  { name: 'a clause asking for figures with no figure named, after a question', turns: [{ say: 'kent and essex arrests? and the overall figure too', has: ['Kent: 40', 'Essex: 60', 'Whole region: 200'] }] },
  {
    name: 'the total of the places just answered is theirs, not the region\'s',
    turns: [
      { say: 'how many arrests in kent', has: ['40'] },
      { say: 'and in essex', has: ['60'] },
      { say: 'total of those two?', has: ['100 arrests together'], lacks: ['200', 'No, not'] },
      { say: 'and in total?', has: ['200'] },
    ],
  },
  {
    name: 'the county a ranking named is the place answered',
    turns: [
      { say: 'which county had the most arrests', has: ['Essex'] },
      { say: 'and how many deal lines did they get', has: ['In Essex, 9 deal lines'], lacks: ['200'] },
    ],
  },
  {
    name: 'a working-out between the county named and the one answered last',
    turns: [
      { say: 'how many arrests in essex', has: ['60'] },
      { say: 'and kent', has: ['40'] },
      { say: 'how many more in essex', has: [/Essex had 20 more/] },
    ],
  },
  {
    name: 'a total with a county, pointing back',
    turns: [
      { say: 'how many deal lines in essex', has: ['9'] },
      { say: 'whats that as a total with kent', has: ['16 deal lines seized together'] },
      { say: 'and kent in total', has: ['7'], lacks: ['together'] },
    ],
  },
  {
    name: 'the person\'s area is a place, with no figure named',
    turns: [
      { say: 'im in chelmsford' },
      { say: 'any numbers for round here?', has: ['Essex', '60 arrests'], lacks: ['Fixture reporting advice'] },
      { say: 'who do i report dealing round here to', has: ['Fixture reporting advice'] },
    ],
  },
  { name: 'the person\'s area alone, with no word for figures, is the place asked', turns: [{ say: 'im in chelmsford' }, { say: 'anything for my area?', has: ['Essex', '60 arrests'] }] },
  {
    name: 'a question answered in words about the person\'s area is no follow-up of figures, ranking words or not',
    turns: [{ say: 'im in chelmsford' }, { say: 'what are the most common signs of grooming round here', has: ['signs'], lacks: ['arrests'] }],
  },
  { name: 'a place of the person\'s own story is their area for "round here"', turns: [{ say: 'I drive a cab in Luton', lacks: [/\b10\b/] }, { say: 'how many arrests were there in my area', has: ['Bedfordshire', '10'] }] },
  { name: '"there" after a story naming one place is that place', turns: [{ say: 'my son goes to college in Luton' }, { say: 'were there many arrests round there?', has: ['Bedfordshire', '10'] }] },
  { name: '"add all three up" adds every place answered, not only the last two', turns: [{ say: 'arrests in kent', has: ['40'] }, { say: 'and essex?', has: ['60'] }, { say: 'and cambs?', has: ['20'] }, { say: 'add all three up', has: ['120'] }] },
  { name: 'a short working-out with nothing named works on what was answered', turns: [{ say: 'essex deal lines', has: ['9'] }, { say: 'kent deal lines', has: ['7'] }, { say: "what's the difference", has: ['2 more'] }] },
  { name: '"the gap between them" is a difference', turns: [{ say: 'arrests in kent', has: ['40'] }, { say: 'and essex', has: ['60'] }, { say: 'whats the gap between them', has: ['20 fewer'] }] },
  { name: 'a place named outside the question holds for each of its parts', turns: [{ say: 'we were on holiday in kent last spring, so how many arrests and how many deal lines were there', has: ['Kent: 40 arrests; 7 deal lines seized'], lacks: ['Whole region'] }] },
  { name: 'a place said in a part that asks nothing holds for the parts after it', turns: [{ say: 'ugh, kent. how many arrests and how many deal lines', has: ['Kent: 40 arrests; 7 deal lines seized'], lacks: ['Whole region'] }] },
  { name: 'the region as the whole of a share is no place asked: the county answered is the part', turns: [{ say: 'arrests in kent', has: ['40'] }, { say: 'what percentage of the regional total is that', has: ['40 of the 200', '20%'] }] },
  { name: 'parallel questions share the place said last', turns: [{ say: 'how many arrests and how many deal lines in kent', has: ['Kent: 40 arrests; 7 deal lines'], lacks: ['Whole region'] }] },
  { name: 'a figure asked another way before a place is the region\'s', turns: [{ say: 'deal lines and how many arrested in kent', has: ['Whole region', 'Kent: 40 arrests'] }] },
  { name: 'a clause that names a figure with no question word is asked too', turns: [{ say: 'Kent: number of people arrested, and how many deal lines were seized?', has: ['40', '7'] }] },
  { name: 'a county split into words', turns: [{ say: 'cam bridge shire arrests', has: ['20'] }] },
  { name: 'words run together', turns: [{ say: 'arrestsinkent', has: ['40'] }] },
  { name: 'a place run into the word before it', turns: [{ say: 'how many arrests inkent', has: ['40'] }] },
  { name: 'a place typed letter by letter', turns: [{ say: 'e s s e x arrests', has: ['60'] }] },
  { name: 'a short place name with a letter typed twice', turns: [{ say: 'kentt arrests', has: ['40'] }] },
  { name: 'a misspelt town, answered by its county', turns: [{ say: 'colchster arrests', has: ['Essex', '60'] }] },
  { name: 'a town misspelt by sound', turns: [{ say: 'kolchester arrests', has: ['Essex', '60'] }] },
  { name: 'a town of several words, one misspelt', turns: [{ say: 'arrests in bury st edmonds', has: [/Suffolk/, /not published/i] }] },
  { name: '"deal lines" is no town', turns: [{ say: 'how many deal lines in kent', has: ['7'], lacks: [/Deal is in Kent/] }] },
  { name: 'Deal with a place cue is the town', turns: [{ say: 'arrests in Deal', has: [/Deal is in Kent/, '40'] }] },
  { name: 'the comparison topic for one figure across the counties', turns: [{ say: 'rank the counties by arrests', has: ['Essex', 'Kent', 'Cambridgeshire', '60', '40', '20'] }] },
  {
    name: 'a check of a number keeps its figure for the follow-up',
    turns: [
      { say: 'was it 40 in kent?', has: [/^Yes, 40 is right/] },
      { say: 'and essex?', has: ['60'] },
    ],
  },
  { name: 'a check of a number near a figure checks that figure', turns: [{ say: 'was it 41 in kent?', has: [/^No, not 41\. In Kent, 40 people were arrested/] }] },
  { name: '"the most" is no place', turns: [{ say: 'which county had the most arrests', has: ['Essex', '60'], lacks: ['London'] }] },
  // What cannot be answered.
  { name: 'a figure the release does not give for a county is said plainly', turns: [{ say: 'how many deal lines in cambridgeshire', has: [/not published/i], lacks: [/\b9\b/, /\b7\b/] }] },
  { name: 'figures for a place outside the region: none, and never the region\'s', turns: [{ say: 'arrests and knives in scotland', has: ['Scotland'], lacks: ['200', '12 knives'] }] },
  { name: 'a breakdown with no figures at all, asked of several places', turns: [{ say: 'how many arrests and knives were handed in to the amnesty in essex and kent', has: [/amnesty/], lacks: ['60', '40'] }] },
  { name: 'a price question naming a figure word is out of scope', turns: [{ say: 'how much is a knife block at argos', lacks: ['12', '40'] }] },
  { name: 'a figure question whose best guess is another figure asks about something else', turns: [{ say: 'how many drug deaths were there in essex', lacks: ['30,000'] }] },
  { name: 'the figure of a topic the classifier is sure of comes first, with the figure the words name', turns: [{ say: 'did they actually help any of the kids being used or just arrest people', has: [/safeguarded/i, '200'] }] },
  { name: 'money of one\'s own is not the week\'s', turns: [{ say: 'can i get my cash back that police took off me', lacks: ['90,000'] }] },
  // A count with nothing said of what is counted, and the region beside counties.
  { name: 'a count asked again for another place in the same message', turns: [{ say: 'how many arrests in kent and how many in essex', has: ['Kent: 40 arrests', 'Essex: 60 arrests'] }] },
  { name: 'a count for another place after figures asks for the same figure', turns: [{ say: 'how many arrests in kent', has: ['40'] }, { say: 'how many in cambs', has: ['20'], lacks: ['deal lines'] }] },
  { name: 'a place with nothing but a count asked gets what was published there', turns: [{ say: 'how many in kent', has: ['40 arrests', '7 deal lines'] }] },
  { name: 'a count of something unnamed is not a place\'s figures', turns: [{ say: 'stop and search numbers for kent', lacks: ['40 arrests'] }] },
  { name: 'the region named beside two counties is its own total, not a sum', turns: [{ say: 'arrests in essex and kent and the eastern region total', has: ['Essex: 60 arrests', 'Kent: 40 arrests', 'Whole region: 200 arrests'], lacks: [/together/] }] },
  { name: 'a figure "in total" after a county\'s is the region\'s', turns: [{ say: 'knives in bedfordshire and knives in total', has: ['Bedfordshire: 4 knives', 'Whole region: 12 knives'] }] },
  { name: 'a breakdown asked in another part is still said', turns: [{ say: 'total arrests and how many were charged', has: [/charged/, '200'] }] },
  { name: 'digits typed for letters', turns: [{ say: 'arr3sts in e55ex', has: ['60'] }] },
  { name: '"total" with several figures and no place is the region\'s totals, not a sum', turns: [{ say: 'total cash, drugs and phones seized', has: ['90,000', '30,000'], lacks: [/together/] }] },
  { name: 'a question read from chatter keeps the figure the message named before it', turns: [{ say: 'essex and kent deal lines, which had more', has: ['Essex: 9', 'Kent: 7'], lacks: [/arrests/i] }] },
  { name: 'a second question joined on with a sign', turns: [{ say: 'arrests in kent + how do I report something', has: ['40', /101/], parts: 2 }] },
  { name: '"add those up" adds the places answered last and before', turns: [{ say: 'how many arrests in kent', has: ['40'] }, { say: 'and essex', has: ['60'] }, { say: 'add those up', has: ['100'] }] },
];

let engine: Engine;
beforeAll(async () => {
  engine = await fixtureEngine();
});

/** Runs a conversation's turns a second apart, keeping its context as the bot does. */
function run(turns: readonly Turn[]): EngineReply[] {
  let context: ChatContext | undefined;
  const start = on('2022-06-01');
  return turns.map((t, i) => {
    const reply = engine.answer(t.say, context, start + i * 1000);
    context = reply.context;
    return reply;
  });
}

const holds = (text: string, p: string | RegExp) => (typeof p === 'string' ? text.includes(p) : p.test(text));

describe('conversations, turn by turn', () => {
  for (const c of CONVERSATIONS) {
    it(`should answer: ${c.name}`, () => {
      const replies = run(c.turns);
      c.turns.forEach((t, i) => {
        const reply = replies[i]!;
        const said = body(reply.text);
        const where = `turn ${i + 1} "${t.say}" got: ${said}`;
        for (const p of t.has ?? []) expect(holds(said, p), `${where}\nmissing ${p}`).toBe(true);
        for (const p of t.lacks ?? []) expect(holds(said, p), `${where}\nshould not say ${p}`).toBe(false);
        expect(reply.frames?.length ?? 1, where).toBe(t.parts ?? 1);
        if (t.danger !== undefined) expect(reply.danger, where).toBe(t.danger);
        expect(reply.text).toContain('0800 555 111');
      });
    });
  }
});

describe('a message of many parts', () => {
  it('should answer each part once, in order, within one Telegram message', () => {
    const many = 'what is county lines and how do i report it and what are the signs and who ran it and how many arrests in essex and how many in kent and what is cuckooing and how can i stay anonymous';
    const reply = engine.answer(many, undefined, on('2022-06-01'));
    expect(reply.text.length).toBeLessThanOrEqual(4096);
    expect(reply.frames!.length).toBeGreaterThanOrEqual(3);
    expect(reply.text.match(/0800 555 111/g)!.length).toBeGreaterThanOrEqual(1);
    expect(body(reply.text).indexOf('Fixture definition')).toBeLessThan(body(reply.text).search(/\b60\b/));
  });
});

describe('what the conversation keeps', () => {
  it('should keep figure and county keys and the home county, never the words typed', () => {
    const [, second] = run([{ say: 'i live in luton' }, { say: 'arrests in kent' }]);
    expect(second!.context).toMatchObject({ metrics: ['arrests'], places: ['kent'], home: 'bedfordshire' });
    expect(JSON.stringify(second!.context)).not.toMatch(/luton|arrests in kent/);
  });

  it('should keep the topic answered in words as its id, never the words typed', () => {
    const [first] = run([{ say: 'did they work with taxi firms' }]);
    expect(first!.context).toMatchObject({ topic: 'awareness' });
    expect(JSON.stringify(first!.context)).not.toMatch(/taxi/);
  });
});
