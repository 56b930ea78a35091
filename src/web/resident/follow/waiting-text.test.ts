import { describe, expect, it } from 'vitest';

import type { ResidentTicket } from '../../../contract/tickets';
import { catalogue } from '../../i18n/catalogues';
import { translate, type Translate } from '../../i18n/translate';
import { waitingText } from './waiting-text';

const zh: Translate = (key, vars) => translate(catalogue('zh-CN'), key, vars);
const en: Translate = (key, vars) => translate(catalogue('en'), key, vars);

function ticket(
  status: ResidentTicket['status'],
  clockStopped: boolean,
): Pick<ResidentTicket, 'status' | 'deadlines'> {
  return {
    status,
    deadlines: {
      firstContactDueAt: null,
      // 2025-10-17 18:00 in Shanghai.
      resolveDueAt: '2025-10-17T10:00:00.000Z',
      supervisionDueAt: null,
      clockStopped,
      firstContactOverdue: false,
      resolveOverdue: false,
      supervisionOverdue: false,
      calendarFallback: false,
    },
  };
}

describe('what the follow page says while the answer is pending', () => {
  it('names the date the ticket will be answered by while it is handled', () => {
    expect(waitingText(zh, ticket('contacted', false))).toBe(
      '正在办理，将在 2025/10/17 18:00 前办结并答复您。',
    );
  });

  it('says an enforcement case is followed to its end, with no date', () => {
    const text = waitingText(zh, ticket('in_case', true));
    expect(text).toBe('已转为执法案件，按案件程序办理，案件办结后将告知您处理结果。');
    expect(text).not.toContain('2025/10/17');
    expect(waitingText(en, ticket('in_case', true))).toBe(
      'This is being handled as an enforcement case; you will be told the result when the case is closed.',
    );
  });
});
