import type { StaffAction, Tier } from '../../../contract/tickets';
import type { Translate } from '../../i18n/translate';

/** The tier above, where an escalation goes (社区 → 街道 → 区). */
export function tierAbove(tier: Tier): Tier {
  return tier === 'community' ? 'street' : 'district';
}

/** The tier below, where a ticket returned down goes. */
export function tierBelow(tier: Tier): Tier {
  return tier === 'district' ? 'street' : 'community';
}

/**
 * The name of a step as its button shows it: escalating and returning down name where the
 * ticket goes (上报街道 / 上报区局, 退回社区 / 退回街道); the others have one name.
 */
export function actionLabel(t: Translate, action: StaffAction, tier: Tier): string {
  if (action === 'escalate') {
    return t(`ticket.action.escalate_to.${tierAbove(tier)}`);
  }
  if (action === 'return_down') {
    return t(`ticket.action.return_to.${tierBelow(tier)}`);
  }
  return t(`ticket.action.${action}`);
}
