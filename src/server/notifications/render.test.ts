import { describe, expect, it } from 'vitest';
import { chineseDate, renderText, verificationCodeText } from './render.js';

const ticket = {
  trackingCode: 'LL-ABCDE-FGHJK',
  kind: 'complaint',
  resolveDueAt: '2025-10-14T15:59:59.999Z',
  place: '殷行一村1号楼',
};

describe('message texts', () => {
  it('dates a deadline by the Shanghai calendar: 23:59 on 14 October is still 14 October', () => {
    expect(chineseDate('2025-10-14T15:59:59.999Z')).toBe('2025年10月14日');
    expect(chineseDate('2025-10-14T16:00:00.000Z')).toBe('2025年10月15日');
  });

  it('tells the resident in words that the complaint was accepted, and until when', () => {
    expect(renderText('accepted', ticket)).toBe(
      '【邻里】您的投诉（LL-ABCDE-FGHJK）已受理，处理期限：2025年10月14日。',
    );
  });

  it('tells the resident the answer is there and asks for a rating', () => {
    expect(renderText('replied', { ...ticket, kind: 'consultation' })).toBe(
      '【邻里】您的咨询（LL-ABCDE-FGHJK）已办结并回复，请通过您的私密链接查看并评价。',
    );
  });

  it('tells the resident a reopened ticket is being handled again', () => {
    expect(renderText('reopened', ticket)).toContain('已重新办理');
  });

  it('tells the liaison of a new assignment, a deadline within a day, and an overdue one', () => {
    expect(renderText('assigned', ticket)).toBe(
      '【邻里】新派单：LL-ABCDE-FGHJK 殷行一村1号楼，办结期限 2025年10月14日。',
    );
    expect(renderText('soon_due', ticket)).toContain('即将到期');
    expect(renderText('overdue', ticket, '2025-10-21T15:59:59.999Z')).toBe(
      '【邻里】已超期：LL-ABCDE-FGHJK 殷行一村1号楼，办结期限 2025年10月21日 已过，请立即办理。',
    );
  });

  it('gives a resident the code of "my requests", how long it holds, and names no request', () => {
    expect(verificationCodeText('042917', 10)).toBe(
      '【邻里】您的验证码是042917，10分钟内有效，仅用于查询“我的诉求”。如非本人操作，请忽略。',
    );
  });
});
