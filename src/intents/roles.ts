/**
 * Every intent the code relies on by id, with what it is for. The one table `npm run check` reads to
 * make sure none of them has been deleted or renamed (a test keeps it in step with the code).
 */
export const INTENT_ROLES = {
  fallback: 'the reply to questions the bot cannot answer',
  emergency: 'the 999-first reply when someone is in danger',
  greeting: 'the /start welcome',
  help: 'the /help reply and unknown commands',
  privacy: 'the /privacy reply',
  source: 'the /about reply',
  overview: 'the /results command, a county named on its own, and the "Results of the week" button',
  comparison: 'the "Which county had most?" button',
  how_to_report: 'the /report command and the "How to report" button',
  anonymity: 'the /anonymous command and the "Report anonymously" button',
  what_is_county_lines: 'the /what command and the "What is county lines?" button',
  exploitation_signs: 'the /signs command and the "Signs of exploitation" button',
  support: 'the "Someone to talk to" button: services that are not the police',
  cuckooing: 'the "What is cuckooing?" button',
} as const satisfies Record<string, string>;

export type IntentRole = keyof typeof INTENT_ROLES;
