import { App, Button, Form, Input, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';

import type { SchemeBody } from '../../../contract/assessment';
import { dimensionKeys } from '../../../contract/assessment';
import { indicatorDefinitions } from '../../../domain/assessment/indicators';
import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchScheme, saveScheme } from './assessment-api';

interface Row {
  key: string;
  label: string;
  weight: number;
  target: number | null;
  set: (body: SchemeBody, field: 'weight' | 'target', n: number) => SchemeBody;
}

function rows(body: SchemeBody, t: (k: string) => string): Row[] {
  return dimensionKeys.flatMap((d) => [
    {
      key: d,
      label: t(`assessment.dimension.${d}`),
      weight: body.dimensions[d],
      target: null,
      set: (b: SchemeBody, _f: 'weight' | 'target', n: number) => ({
        ...b,
        dimensions: { ...b.dimensions, [d]: n },
      }),
    },
    ...indicatorDefinitions
      .filter((i) => i.dimension === d)
      .map(({ key }) => ({
        key,
        label: `· ${t(`assessment.indicator.${key}`)}`,
        weight: body.indicators[key].weight,
        target: body.indicators[key].target,
        set: (b: SchemeBody, f: 'weight' | 'target', n: number) => ({
          ...b,
          indicators: { ...b.indicators, [key]: { ...b.indicators[key], [f]: n } },
        }),
      })),
  ]);
}

/**
 * The weights and targets in force, their history, and (for the bureau admin) a new version;
 * `onSaved` tells the page a new version was saved so it reloads the scores.
 */
export function SchemePanel(props: { editable: boolean; onSaved?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const [draft, setDraft] = useState<SchemeBody | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { resource } = useStaffResource(`assessment-scheme/${String(version)}`, fetchScheme);
  if (resource.state !== 'ready') {
    return resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null;
  }
  const scheme = resource.data;
  const body = draft ?? scheme.current.body;
  const submit = async (values: { effectiveFrom: string; reason: string }) => {
    try {
      await saveScheme({ ...values, body });
      setError(null);
      setDraft(null);
      setVersion((v) => v + 1);
      props.onSaved?.();
      void message.success(t('assessment.scheme.saved'));
    } catch (e) {
      setError(e);
    }
  };
  const numberInput = (r: Row, field: 'weight' | 'target', value: number) =>
    props.editable ? (
      <InputNumber
        aria-label={`${r.label} ${t(`assessment.${field}`)}`}
        min={0}
        value={value}
        onChange={(n) => {
          setDraft(r.set(body, field, n ?? 0));
        }}
      />
    ) : (
      value
    );

  return (
    <div data-testid="assessment-scheme">
      <Typography.Paragraph>
        {t('assessment.scheme.in_force', {
          version: scheme.current.version,
          from: scheme.current.effectiveFrom,
        })}
      </Typography.Paragraph>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows(body, t)}
        columns={[
          { key: 'label', title: t('assessment.scheme.item'), dataIndex: 'label' },
          {
            key: 'weight',
            title: t('assessment.weight'),
            render: (_, r) => numberInput(r, 'weight', r.weight),
          },
          {
            key: 'target',
            title: t('assessment.target'),
            render: (_, r) => (r.target === null ? '' : numberInput(r, 'target', r.target)),
          },
        ]}
      />
      {props.editable ? (
        <Form
          layout="inline"
          className="wb-assessment-scheme-form"
          onFinish={(values: { effectiveFrom: string; reason: string }) => {
            void submit(values);
          }}
        >
          <Form.Item
            name="effectiveFrom"
            label={t('assessment.scheme.effective_from')}
            rules={[
              {
                required: true,
                pattern: /^\d{4}-\d{2}$/,
                message: t('assessment.scheme.month_hint'),
              },
            ]}
          >
            <Input placeholder="2026-11" />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('assessment.scheme.reason')}
            rules={[{ required: true, min: 2, message: t('assessment.scheme.reason_hint') }]}
          >
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="assessment-scheme-save">
            {t('assessment.scheme.save')}
          </Button>
        </Form>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      <Typography.Title level={3}>{t('assessment.scheme.history')}</Typography.Title>
      <Table
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={scheme.history}
        columns={[
          { key: 'version', title: t('assessment.scheme.version'), dataIndex: 'version' },
          { key: 'from', title: t('assessment.scheme.effective_from'), dataIndex: 'effectiveFrom' },
          {
            key: 'by',
            title: t('assessment.scheme.by'),
            render: (_, v) => v.createdBy ?? t('assessment.scheme.system'),
          },
          { key: 'reason', title: t('assessment.scheme.reason'), dataIndex: 'reason' },
        ]}
      />
    </div>
  );
}
