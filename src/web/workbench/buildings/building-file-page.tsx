import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Spin, Statistic, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';

import type { BuildingFile, Reinspection, TimelineItem } from '../../../contract/buildings';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { BuildingTimeline } from './building-timeline';
import { fetchBuildingFile } from './buildings-api';
import { ClearFlagModal } from './clear-flag-modal';
import { RecordResultModal } from './record-result-modal';
import { reinspectionColumns } from './reinspection-columns';
import './buildings.css';

const countKeys = [
  'tickets',
  'openTickets',
  'cases',
  'openCases',
  'visits',
  'meetings',
  'mediations',
  'placardPoints',
  'reinspectionsOpen',
  'reinspectionsOverdue',
  'recurrences',
] as const;

function BuildingFacts({ file }: { file: BuildingFile }) {
  const { t } = useI18n();
  const b = file.building;
  const liaisons = b.liaisons.map((l) =>
    l.badgeNo ? t('buildings.liaison_line', { name: l.name, badge: l.badgeNo }) : l.name,
  );
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      data-testid="building-facts"
      items={[
        { key: 'address', label: t('buildings.field.address'), children: b.address },
        { key: 'community', label: t('buildings.field.community'), children: b.community.name },
        { key: 'street', label: t('buildings.field.street'), children: b.street.name },
        { key: 'room', label: t('buildings.field.room'), children: b.room?.name ?? '' },
        {
          key: 'liaisons',
          label: t('buildings.field.liaisons'),
          children: liaisons.join(t('common.list_separator')),
        },
        { key: 'code', label: t('buildings.field.code'), children: b.code },
      ]}
    />
  );
}

function FlagBanner({ file, onClear }: { file: BuildingFile; onClear: () => void }) {
  const { t, locale } = useI18n();
  const flag = file.flag;
  if (!flag) {
    return null;
  }
  const matter = flag.matter ? (locale === 'en' ? flag.matter.nameEn : flag.matter.name) : '';
  return (
    <Alert
      type="error"
      showIcon
      data-testid="building-flag"
      title={t('buildings.flag.banner', { since: formatDateTime(flag.since), matter })}
      action={
        file.canClearFlag ? (
          <Button size="small" danger onClick={onClear} data-testid="clear-flag-open">
            {t('buildings.flag.clear')}
          </Button>
        ) : null
      }
    />
  );
}

/** /workbench/buildings/:id — the building file: facts, re-inspections, timeline. */
export function BuildingFilePage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const auth = useAuth();
  const { id = '' } = useParams();
  const { resource, replace, reload } = useStaffResource(`building/${id}`, (signal) =>
    fetchBuildingFile(id, null, signal),
  );
  const [older, setOlder] = useState<{ items: TimelineItem[]; nextBefore: string | null }>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [recording, setRecording] = useState<Reinspection | null>(null);
  const [clearing, setClearing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useDocumentTitle('buildings.file.title');
  const columns = useMemo(
    () => reinspectionColumns(t, locale, { withBuilding: false, onRecord: setRecording }),
    [t, locale],
  );

  const back = (
    <Link to="/workbench/buildings" className="wb-back" data-testid="back-to-buildings">
      <ArrowLeftOutlined /> {t('buildings.file.back')}
    </Link>
  );
  if (resource.state === 'loading') {
    return <Spin size="large" className="wb-center" />;
  }
  if (resource.state === 'failed') {
    return (
      <>
        {back}
        <ErrorAlert error={resource.error} />
      </>
    );
  }
  const file = resource.data;
  const items = [...file.timeline.items, ...(older?.items ?? [])];
  const nextBefore = older ? older.nextBefore : file.timeline.nextBefore;

  const more = async (before: string) => {
    setLoadingMore(true);
    setError(null);
    try {
      const page = await fetchBuildingFile(file.building.id, before);
      setOlder({
        items: [...(older?.items ?? []), ...page.timeline.items],
        nextBefore: page.timeline.nextBefore,
      });
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        auth.expire();
        return;
      }
      setError(failure);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <div className="wb-stack" data-testid="building-file">
      {back}
      <FlagBanner
        file={file}
        onClear={() => {
          setClearing(true);
        }}
      />
      <Card
        title={
          <span data-testid="building-name">
            {file.building.name}{' '}
            {file.building.retired ? <Tag>{t('buildings.retired')}</Tag> : null}
          </span>
        }
      >
        <BuildingFacts file={file} />
        <div className="wb-bf-counts wb-gap-top" data-testid="building-counts">
          {countKeys.map((key) => (
            <Statistic key={key} title={t(`buildings.count.${key}`)} value={file.counts[key]} />
          ))}
        </div>
      </Card>
      <Card title={t('buildings.file.reinspections')} size="small">
        <Table
          rowKey="id"
          size="small"
          data-testid="building-reinspections"
          columns={columns}
          dataSource={file.reinspections}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('buildings.reinspection.none') }}
        />
      </Card>
      <Card title={t('buildings.file.timeline')} size="small">
        {error ? <ErrorAlert error={error} /> : null}
        <BuildingTimeline
          file={file}
          items={items}
          nextBefore={nextBefore}
          loadingMore={loadingMore}
          onMore={(before) => void more(before)}
        />
      </Card>
      {recording ? (
        <RecordResultModal
          reinspection={recording}
          onClose={() => {
            setRecording(null);
          }}
          onSaved={() => {
            setRecording(null);
            setOlder(undefined);
            void message.success(t('buildings.record.done'));
            reload();
          }}
        />
      ) : null}
      {clearing ? (
        <ClearFlagModal
          file={file}
          onClose={() => {
            setClearing(false);
          }}
          onSaved={(fresh) => {
            setClearing(false);
            setOlder(undefined);
            void message.success(t('buildings.flag.cleared'));
            replace(fresh);
          }}
        />
      ) : null}
    </div>
  );
}
