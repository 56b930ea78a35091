import { Alert, Button, Card, Form, Popconfirm, Result, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';

import type { CalendarOverride } from '../../../contract/calendar';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useAuth, useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { deleteOverride, fetchCalendar } from '../staff-api';
import { OverrideForm } from './override-form';
import { YearConfirmation } from './year-confirmation';

function YearTags({ years, color }: { years: number[]; color: string }) {
  const { t } = useI18n();
  if (years.length === 0) {
    return <span className="wb-muted">{t('common.none')}</span>;
  }
  return (
    <Space size={4} wrap>
      {years.map((year) => (
        <Tag key={year} color={color}>
          {year}
        </Tag>
      ))}
    </Space>
  );
}

/** /workbench/calendar — the holidays and swapped working days behind every deadline. */
export function CalendarPage() {
  const { t } = useI18n();
  const me = useMe();
  const auth = useAuth();
  const [form] = Form.useForm<CalendarOverride>();
  const [failure, setFailure] = useState<unknown>(null);
  const { resource, reload } = useStaffResource('calendar', fetchCalendar);
  useDocumentTitle('menu.calendar');

  if (me.role !== 'bureau_admin') {
    return <Result status="403" title={t('calendar.forbidden')} />;
  }
  // Confirming a year complete clears its header warning, withdrawing brings it back.
  const changed = () => {
    reload();
    auth.refresh();
  };
  const remove = async (date: string) => {
    setFailure(null);
    try {
      await deleteOverride(date);
      changed();
    } catch (error) {
      setFailure(error);
    }
  };
  const data = resource.state === 'ready' ? resource.data : null;

  return (
    <Card title={t('menu.calendar')}>
      <Typography.Paragraph type="secondary">{t('calendar.lead')}</Typography.Paragraph>
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      {failure ? (
        <ErrorAlert
          error={failure}
          onClose={() => {
            setFailure(null);
          }}
        />
      ) : null}
      {data && data.fallbackYears.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          className="wb-gap"
          title={t('calendar.fallback_alert', {
            years: data.fallbackYears.join(t('common.list_separator')),
          })}
        />
      ) : null}
      <dl className="wb-years">
        <dt>{t('calendar.covered_years')}</dt>
        <dd data-testid="covered-years">
          <YearTags years={data?.coveredYears ?? []} color="green" />
        </dd>
        <dt>{t('calendar.fallback_years')}</dt>
        <dd data-testid="fallback-years">
          <YearTags years={data?.fallbackYears ?? []} color="orange" />
        </dd>
      </dl>
      <Typography.Title level={5}>{t('calendar.add_title')}</Typography.Title>
      <OverrideForm form={form} onSaved={changed} />
      <Table<CalendarOverride>
        className="wb-gap-top"
        rowKey="date"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={resource.state === 'loading'}
        dataSource={data?.overrides ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('calendar.empty') }}
        data-testid="overrides-table"
        columns={[
          { key: 'date', title: t('calendar.field.date'), dataIndex: 'date', width: 140 },
          {
            key: 'kind',
            title: t('calendar.field.kind'),
            width: 140,
            render: (_, row) => (
              <Tag color={row.kind === 'holiday' ? 'red' : 'blue'}>
                {t(`calendar.kind.${row.kind}`)}
              </Tag>
            ),
          },
          { key: 'note', title: t('calendar.field.note'), dataIndex: 'note' },
          {
            key: 'actions',
            title: t('calendar.field.actions'),
            width: 180,
            render: (_, row) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => {
                    form.setFieldsValue(row);
                  }}
                >
                  {t('calendar.edit')}
                </Button>
                <Popconfirm
                  title={t('calendar.delete_confirm', { date: row.date })}
                  okText={t('calendar.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void remove(row.date)}
                >
                  <Button size="small" danger data-testid={`override-delete-${row.date}`}>
                    {t('calendar.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {data ? <YearConfirmation status={data} onChanged={changed} onError={setFailure} /> : null}
    </Card>
  );
}
