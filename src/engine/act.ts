import { FALLBACK_INTENT, type Intent } from '../intents/load.js';
import type { Act } from '../frame/types.js';

/** The act an intent answers: its `act:` if given, else figures for figure templates, emergency for danger, fact otherwise. */
export function actOfIntent(intent: Pick<Intent, 'id' | 'act' | 'danger' | 'answer' | 'metric'> | undefined): Act {
  if (!intent || intent.id === FALLBACK_INTENT) return 'out_of_scope';
  if (intent.act) return intent.act;
  if (intent.danger) return 'emergency';
  if (intent.metric || intent.answer.region || intent.answer.county || intent.answer.most) return 'figure';
  return 'fact';
}
