import type { ReferralStatus } from '../../../contract/referrals';

/** One tag of a referral's state: the locale key of its label, its antd colour and test id. */
export interface ReferralTagSpec {
  key: string;
  color: string;
  testId: string;
}

/** What a referral's state tags are computed from; delivery is known only to the officers. */
export interface ReferralTagInput {
  status: ReferralStatus;
  overdue: boolean;
  repliedLate: boolean;
  deliveryFailed?: boolean;
}

const colors: Record<ReferralStatus, string> = {
  sent: 'gold',
  accepted: 'blue',
  answered: 'green',
  declined: 'red',
};

/**
 * The tags of a referral's state, first the state itself: a referral whose delivery failed
 * reached nobody, so it reads "送达失败" in red rather than the delivered state "待签收"; then a
 * red "逾期未复" while the reply is late, or an orange "逾期答复" once it was answered after
 * the deadline.
 */
export function referralStatusTags(r: ReferralTagInput): ReferralTagSpec[] {
  const tags: ReferralTagSpec[] = [
    r.deliveryFailed && r.status === 'sent'
      ? { key: 'referral.status.delivery_failed', color: 'red', testId: 'referral-status' }
      : { key: `referral.status.${r.status}`, color: colors[r.status], testId: 'referral-status' },
  ];
  if (r.overdue) {
    tags.push({ key: 'referral.overdue', color: 'red', testId: 'referral-overdue' });
  }
  if (r.status === 'answered' && r.repliedLate) {
    tags.push({ key: 'referral.replied_late', color: 'orange', testId: 'referral-replied-late' });
  }
  return tags;
}
