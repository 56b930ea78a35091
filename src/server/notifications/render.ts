import type { TicketEvent } from '../../contract/notifications.js';

/** What a message says about its ticket, read when the message is sent. */
export interface TicketFacts {
  trackingCode: string;
  kind: string;
  resolveDueAt: string;
  place: string;
  /** The tracking code of the ticket this one was merged into, if it was. */
  mergedInto?: string | null;
  /** For a suggestion's feedback: the adoption decision in words (采纳, 留作参考, …). */
  decision?: string;
}

const kindWords: Record<string, string> = {
  consultation: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
};

const dateParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** An instant as a calendar date in Shanghai, as 2025年10月14日. */
export function chineseDate(iso: string): string {
  const parts: Record<string, string> = {};
  for (const part of dateParts.formatToParts(new Date(iso))) {
    parts[part.type] = part.value;
  }
  return `${parts.year ?? ''}年${parts.month ?? ''}月${parts.day ?? ''}日`;
}

/**
 * The SMS text of one event, in Chinese. Each text names the new state in words, so a resident or
 * liaison knows what happened without opening the link; none carries personal data.
 */
export function renderText(event: TicketEvent, ticket: TicketFacts, dueAt?: string): string {
  const kind = kindWords[ticket.kind] ?? '诉求';
  const code = ticket.trackingCode;
  const due = chineseDate(dueAt ?? ticket.resolveDueAt);
  switch (event) {
    case 'accepted':
      return `【邻里】您的${kind}（${code}）已受理，处理期限：${due}。`;
    case 'replied':
      // A merged ticket is answered through the one it went into, and is not rated itself.
      return ticket.mergedInto
        ? `【邻里】与您的诉求（${code}）合并办理的诉求（${ticket.mergedInto}）已办结并回复，请通过您的私密链接查看。`
        : `【邻里】您的${kind}（${code}）已办结并回复，请通过您的私密链接查看并评价。`;
    case 'merged':
      return `【邻里】您的诉求（${code}）已与同一问题的诉求（${ticket.mergedInto ?? ''}）合并办理，处理结果将同步告知。`;
    case 'reopened':
      return `【邻里】您的${kind}（${code}）已重新办理，处理期限：${due}。`;
    case 'assigned':
      return `【邻里】新派单：${code} ${ticket.place}，办结期限 ${due}。`;
    case 'soon_due':
      return `【邻里】即将到期：${code} ${ticket.place}，办结期限 ${due}，请尽快办结。`;
    case 'overdue':
      return `【邻里】已超期：${code} ${ticket.place}，办结期限 ${due} 已过，请立即办理。`;
    // Re-inspections (src/server/buildings): the place is the building, dueAt the end of its day.
    case 'reinspection_soon_due':
      return `【邻里】回头看提醒：${ticket.place}应于${due}前完成回头看复查，请按时前往。`;
    case 'reinspection_overdue':
      return `【邻里】回头看已超期：${ticket.place}应于${due}前完成回头看复查，尚未记录结果，请尽快前往。`;
    // A suggestion's decision (src/server/suggestions): the code is the suggestion's receipt code.
    case 'suggestion_feedback':
      return `【邻里】您的人民建议（${code}）已办结，办理结果：${ticket.decision ?? ''}。反馈意见请通过您的查询链接查看。`;
  }
}

/**
 * The SMS of a "my requests" code (src/server/my-requests): the code, how long it holds, and what
 * to do with a code nobody asked for. It names no request, so it tells nothing to whoever reads it.
 */
export function verificationCodeText(code: string, minutes: number): string {
  return `【邻里】您的验证码是${code}，${minutes}分钟内有效，仅用于查询“我的诉求”。如非本人操作，请忽略。`;
}
