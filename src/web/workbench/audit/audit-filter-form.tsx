import { Button, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';

import { auditRecordTypes, type AuditActor } from '../../../contract/audit';
import { useI18n } from '../../i18n/i18n-context';
import { staffLabel } from '../common/staff-label';
import { fetchAuditActors } from './audit-api';
import type { AuditFilter } from './audit-filter';
import { auditRecordTypeLabel } from './audit-labels';

interface AuditFilterFormProps {
  value: AuditFilter;
  onSearch: (filter: AuditFilter) => void;
}

function useActors(): AuditActor[] | null {
  const [actors, setActors] = useState<AuditActor[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchAuditActors(controller.signal).then(setActors, () => {
      setActors([]);
    });
    return () => {
      controller.abort();
    };
  }, []);
  return actors;
}

/** Person, record type and id, and a range of days; searching puts them in the address bar. */
export function AuditFilterForm({ value, onSearch }: AuditFilterFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<AuditFilter>();
  const actors = useActors();

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(value);
  }, [form, value]);

  const toNotBeforeFrom = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, to: unknown) => {
      const from = getFieldValue('fromDay');
      const bad = typeof from === 'string' && typeof to === 'string' && from && to && to < from;
      return bad ? Promise.reject(new Error(t('audit.filter.to_before_from'))) : Promise.resolve();
    },
  });

  return (
    <Form<AuditFilter>
      form={form}
      layout="inline"
      className="wb-gap wb-audit-filter"
      onFinish={onSearch}
      data-testid="audit-filter"
    >
      <Form.Item name="actorId" label={t('audit.filter.actor')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'search' }}
          loading={actors === null}
          className="wb-audit-select"
          popupMatchSelectWidth={false}
          placeholder={t('audit.filter.actor_placeholder')}
          data-testid="audit-filter-actor"
          options={(actors ?? []).map((a) => ({
            value: a.id,
            search: `${a.name} ${a.badgeNo ?? ''}`,
            label: staffLabel(t, a),
          }))}
        />
      </Form.Item>
      <Form.Item name="recordType" label={t('audit.filter.record_type')}>
        <Select
          allowClear
          className="wb-audit-type"
          popupMatchSelectWidth={false}
          placeholder={t('audit.filter.any')}
          data-testid="audit-filter-record-type"
          options={auditRecordTypes.map((type) => ({
            value: type,
            label: auditRecordTypeLabel(i18n, type),
          }))}
        />
      </Form.Item>
      <Form.Item name="recordId" label={t('audit.filter.record_id')}>
        <Input allowClear maxLength={64} data-testid="audit-filter-record-id" />
      </Form.Item>
      <Form.Item name="fromDay" label={t('audit.filter.from')}>
        <Input type="date" data-testid="audit-filter-from" />
      </Form.Item>
      <Form.Item
        name="toDay"
        label={t('audit.filter.to')}
        dependencies={['fromDay']}
        rules={[toNotBeforeFrom]}
      >
        <Input type="date" data-testid="audit-filter-to" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t('audit.filter.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            onSearch({});
          }}
          data-testid="audit-reset"
        >
          {t('audit.filter.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
