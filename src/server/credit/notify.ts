// SMS to the applicant: the 补正 request and the decision, queued through the outbox in the same
// transaction as the step, and written at send time from the application as it is then. The
// texts name the receipt code and the decision number, never the applicant.
import type { CreditRepairEvent } from '../../contract/notifications.js';
import { maskPhone } from '../../domain/personal-data.js';
import type { AppContext } from '../context.js';
import type { CreditRepairTable } from '../db/schema.js';
import type { Resolution } from '../notifications/recipient.js';
import * as store from './store.js';

/** The text of one message about an application. */
export function creditRepairText(
  event: CreditRepairEvent,
  r: Pick<CreditRepairTable, 'receipt_code' | 'decision_no' | 'decision'>,
): string {
  const about = `您的信用修复申请（${r.receipt_code}，${r.decision_no}）`;
  if (event === 'credit_correction_requested') {
    return `【邻里】${about}需要补正材料，请通过您的私密链接查看所需材料并上传。`;
  }
  const result = r.decision === 'accepted' ? '准予信用修复' : '不予信用修复';
  return `【邻里】${about}已办结：${result}。请通过您的私密链接查看理由并下载结果告知书。`;
}

/** Who a credit-repair message goes to and what it says, or why it is skipped. */
export async function resolveCreditRepairMessage(
  ctx: AppContext,
  event: CreditRepairEvent,
  repairId: string,
): Promise<Resolution> {
  const r = await store.findRepair(ctx.db, repairId);
  if (!r) {
    return { kind: 'skip', reason: 'ticket_gone' };
  }
  const phone = ctx.cipher.decrypt(r.phone_enc);
  return { kind: 'send', to: phone, masked: maskPhone(phone), text: creditRepairText(event, r) };
}
