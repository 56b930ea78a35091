import { Button, Card, Descriptions, Result, Space, Spin, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';

import type { MatterHistory, StaffMatter } from '../../../contract/matters';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { useDocumentTitle } from '../../shared/use-document-title';
import { learnPath } from '../../resident/matters/learn-path';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fieldLabel, valueText } from './matter-fields';
import { MatterFormModal } from './matter-form-modal';
import { MatterHistoryList } from './matter-history';
import { fetchMatterHistory } from './matters-api';
import { StateChangeModal } from './state-change-modal';
import './matters.css';

const shownFields = [
  'code',
  'name',
  'nameEn',
  'prohibitionBasis',
  'penaltyBasis',
  'penaltyRange',
  'handlingBody',
  'handledByChengguan',
  'education',
  'sort',
] as const;

function MatterFacts({ matter }: { matter: StaffMatter }) {
  const { t } = useI18n();
  const items: { key: string; label: string; children: ReactNode }[] = shownFields.map((field) => ({
    key: field,
    label: fieldLabel(t, field),
    children: (
      <span data-testid={`matter-fact-${field}`}>{valueText(t, field, matter[field])}</span>
    ),
  }));
  items.push({
    key: 'educationTopic',
    label: fieldLabel(t, 'educationTopic'),
    children: matter.educationTopic ? (
      <a href={learnPath(matter.educationTopic)}>{t(`education.topic.${matter.educationTopic}`)}</a>
    ) : (
      <span>{t('matters.value.none')}</span>
    ),
  });
  return <Descriptions bordered size="small" column={1} items={items} />;
}

type Dialog = 'edit' | 'state' | null;

function Actions({ data, onOpen }: { data: MatterHistory; onOpen: (d: Dialog) => void }) {
  const { t } = useI18n();
  if (!data.canEdit) {
    return <Tag>{t('matters.detail.read_only')}</Tag>;
  }
  return (
    <Space>
      <Button
        type="primary"
        onClick={() => {
          onOpen('edit');
        }}
        data-testid="matter-edit"
      >
        {t('matters.detail.edit')}
      </Button>
      <Button
        danger={data.matter.active}
        onClick={() => {
          onOpen('state');
        }}
        data-testid="matter-state"
      >
        {t(data.matter.active ? 'matters.state.retire' : 'matters.state.restore')}
      </Button>
    </Space>
  );
}

/** /workbench/matters/:code — one matter, its actions for the bureau admin, and its history. */
export function MatterDetailPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const { resource, replace } = useStaffResource(`staff-matter/${code}`, (signal) =>
    fetchMatterHistory(code, signal),
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  useDocumentTitle('menu.matters');

  if (resource.state === 'loading') {
    return <Spin />;
  }
  if (resource.state === 'failed') {
    if (resource.error instanceof ApiError && resource.error.code === 'not_found') {
      return <Result status="404" title={t('matters.detail.not_found')} />;
    }
    return <ErrorAlert error={resource.error} />;
  }
  const data = resource.data;
  const saved = (next: MatterHistory) => {
    setDialog(null);
    replace(next);
  };
  return (
    <div className="wb-stack">
      <Card
        title={
          <Space>
            <Link to="/workbench/matters">{t('matters.detail.back')}</Link>
            <span data-testid="matter-title">{data.matter.name}</span>
            <Tag color={data.matter.active ? 'blue' : 'default'} data-testid="matter-active">
              {t(`matters.value.active_${String(data.matter.active)}`)}
            </Tag>
          </Space>
        }
        extra={<Actions data={data} onOpen={setDialog} />}
      >
        <MatterFacts matter={data.matter} />
      </Card>
      <Card title={t('matters.history.title', { n: data.matter.revision })}>
        <MatterHistoryList revisions={data.revisions} />
      </Card>
      <MatterFormModal
        matter={data.matter}
        open={dialog === 'edit'}
        onClose={() => {
          setDialog(null);
        }}
        onSaved={saved}
      />
      <StateChangeModal
        matter={data.matter}
        open={dialog === 'state'}
        onClose={() => {
          setDialog(null);
        }}
        onSaved={saved}
      />
    </div>
  );
}
