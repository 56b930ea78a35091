import { Alert, Card, Result, Typography } from 'antd';
import { useState } from 'react';

import type { Matter } from '../../../contract/org';
import { ticketKinds } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { useOptions } from '../inbox/search-options';
import { fetchMatterCatalogue } from '../referrals/referrals-api';
import { fetchPolicies, type DeadlinePolicies } from './policies-api';
import { PolicyForm } from './policy-form';
import { PolicyTable } from './policy-table';

/** The policies in force in the order of the kinds, each kind's all-matters row first. */
function inKindOrder(rows: DeadlinePolicies['current']): DeadlinePolicies['current'] {
  const rank = (row: DeadlinePolicies['current'][number]) => ticketKinds.indexOf(row.kind);
  return [...rows].sort(
    (a, b) => rank(a) - rank(b) || (a.matterCode ?? '').localeCompare(b.matterCode ?? '', 'zh-CN'),
  );
}

/**
 * /workbench/policies — the bureau admin sets the working-day limits per kind, or per kind and
 * matter; a new policy counts for tickets filed from then on, never for deadlines already set.
 */
export function PoliciesPage() {
  const { t } = useI18n();
  const me = useMe();
  const { resource } = useStaffResource('deadline-policies', fetchPolicies);
  const matters = useOptions<Matter>(fetchMatterCatalogue);
  /** The answer of the last save, newer than what was loaded. */
  const [saved, setSaved] = useState<DeadlinePolicies | null>(null);
  useDocumentTitle('menu.policies');

  if (me.role !== 'bureau_admin') {
    return <Result status="403" title={t('policies.forbidden')} />;
  }
  const data = saved ?? (resource.state === 'ready' ? resource.data : null);
  const loading = resource.state === 'loading' && saved === null;

  return (
    <>
      <Card title={t('policies.current_title')} className="wb-gap">
        <Typography.Paragraph type="secondary">{t('policies.lead')}</Typography.Paragraph>
        {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
        <PolicyTable
          rows={inKindOrder(data?.current ?? [])}
          matters={matters}
          loading={loading}
          testId="policies-current"
          emptyText={t('policies.empty_current')}
        />
      </Card>
      <Card title={t('policies.history_title')} className="wb-gap">
        <PolicyTable
          rows={data?.history ?? []}
          matters={matters}
          loading={loading}
          testId="policies-history"
          emptyText={t('policies.empty_history')}
        />
      </Card>
      <Card title={t('policies.new_title')}>
        <Alert type="info" showIcon className="wb-gap" title={t('policies.new_note')} />
        <PolicyForm matters={matters} onSaved={setSaved} />
      </Card>
    </>
  );
}
