import { describe, expect, it } from 'vitest';

import { auditActions, auditActorKinds, auditRecordTypes } from '../../../contract/audit';
import { catalogue } from '../../i18n/catalogues';
import { hasMessage, translate, type Messages } from '../../i18n/translate';
import { auditActionLabel, auditRecordTypeLabel } from './audit-labels';
import { auditQuery, readAuditFilter } from './audit-filter';

const zhCN = catalogue('zh-CN');
const en = catalogue('en');

const labelsOf = (messages: Messages) => ({
  t: (key: string, vars?: Record<string, string | number>) => translate(messages, key, vars),
  has: (key: string) => hasMessage(messages, key),
});

describe('audit labels', () => {
  it('name every audited action, record type and actor kind in both languages', () => {
    for (const messages of [zhCN, en] as Messages[]) {
      const i18n = labelsOf(messages);
      const raw = auditActions.filter((a) => auditActionLabel(i18n, a) === a);
      expect(raw).toEqual([]);
      expect(auditRecordTypes.filter((r) => auditRecordTypeLabel(i18n, r) === r)).toEqual([]);
      expect(auditActorKinds.filter((k) => !i18n.has(`audit.actor_kind.${k}`))).toEqual([]);
    }
  });

  it('label a ticket step with the step name and show an unknown action as stored', () => {
    const i18n = labelsOf(zhCN);
    expect(auditActionLabel(i18n, 'ticket.accept')).toBe('诉求：受理');
    expect(auditActionLabel(i18n, 'ticket.reporter.reveal')).toBe('查看反映人信息');
    expect(auditActionLabel(i18n, 'org.import')).toBe('org.import');
  });
});

describe('audit filter', () => {
  it('sends whole Shanghai days as instants and drops empty or malformed values', () => {
    const filter = readAuditFilter(
      new URLSearchParams('actorId=S1&recordId=&fromDay=2026-03-02&toDay=2026-3-9'),
    );
    expect(filter).toEqual({ actorId: 'S1', fromDay: '2026-03-02' });
    expect(auditQuery({ ...filter, toDay: '2026-03-02' }, 2, 50).toString()).toBe(
      'page=2&pageSize=50&actorId=S1' +
        '&from=2026-03-02T00%3A00%3A00.000%2B08%3A00&to=2026-03-02T23%3A59%3A59.999%2B08%3A00',
    );
  });
});
