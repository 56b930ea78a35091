// How the ticket a case came from is answered when the case ends: an outcome and a reply that
// follow the case's result, written through the ticket service as an ordinary resolve (so its
// timeline, notification and audit entry are those of any reply). The reply names no party.
import type { Outcome } from '../../contract/tickets.js';
import { formatYuan } from '../../domain/case-fines.js';
import type { CaseNonPenaltyTable, CaseTable } from '../db/schema.js';

/** The ticket step that answers the resident. */
export interface TicketAnswer {
  outcome: Outcome;
  reply: string;
  assessment: 'solved' | 'explained';
}

type EndedCase = Pick<
  CaseTable,
  'decision_kind' | 'fine_fen' | 'surcharge_fen' | 'paid_on' | 'court_applied_on'
>;

const clauseText: Record<string, string> = {
  minor_corrected: '违法行为轻微并及时改正，没有造成危害后果',
  first_minor_corrected: '属初次违法且危害后果轻微，并及时改正',
  no_fault: '当事人有证据足以证明没有主观过错',
};

function penaltyReply(c: EndedCase): string {
  const fine = `已立案处罚：对当事人处以罚款${formatYuan(c.fine_fen ?? 0)}元`;
  if (c.paid_on === null && c.court_applied_on !== null) {
    return `${fine}；当事人逾期未缴纳，已申请人民法院强制执行，案件已结案。`;
  }
  const surcharge = c.surcharge_fen ?? 0;
  const late = surcharge > 0 ? `，逾期缴纳加处罚款${formatYuan(surcharge)}元` : '';
  return `${fine}${late}，已执行完毕，案件已结案。`;
}

function noPenaltyReply(np: Pick<CaseNonPenaltyTable, 'clause' | 'check_result'>): string {
  const why = clauseText[np.clause] ?? '';
  const base = `已立案调查：${why}，依据《中华人民共和国行政处罚法》第三十三条不予行政处罚，已责令改正并对当事人进行教育`;
  return np.check_result === 'corrected'
    ? `${base}，经复查已改正，案件已结案。`
    : `${base}；经复查尚未改正，将依法另行处理。`;
}

/** The answer to the ticket of a closed case. */
export function closedCaseAnswer(
  c: EndedCase,
  nonPenalty: Pick<CaseNonPenaltyTable, 'clause' | 'check_result'> | undefined,
): TicketAnswer {
  if (c.decision_kind === 'penalty') {
    return { outcome: 'case_to_register', reply: penaltyReply(c), assessment: 'solved' };
  }
  if (!nonPenalty) {
    throw new Error('a closed no-penalty case has its record');
  }
  const corrected = nonPenalty.check_result === 'corrected';
  return {
    outcome: corrected ? 'corrected' : 'case_to_register',
    reply: noPenaltyReply(nonPenalty),
    assessment: corrected ? 'solved' : 'explained',
  };
}

/** The answer to the ticket of a case whose registration was cancelled (撤销立案). */
export function cancelledCaseAnswer(): TicketAnswer {
  return {
    outcome: 'not_substantiated',
    reply: '经调查核实，不符合立案查处条件，已撤销立案。',
    assessment: 'explained',
  };
}
