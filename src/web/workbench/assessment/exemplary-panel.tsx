import { App, Button, Form, Input, Select, Table, Upload } from 'antd';
import { useState } from 'react';

import type { Exemplary, Scores } from '../../../contract/assessment';
import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import {
  addEvidence,
  createExemplary,
  deleteExemplary,
  evidenceUrl,
  fetchExemplary,
} from './assessment-api';

/** A change sent to the server. */
interface Work {
  (): Promise<unknown>;
}

interface FormValues {
  streetId: string;
  title: string;
  recognisedOn: string;
  description: string;
}

/** The exemplary work of the period; the bureau admin records it and attaches evidence. */
export function ExemplaryPanel(props: {
  period: string;
  scores: Scores | null;
  editable: boolean;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<FormValues>();
  const { resource } = useStaffResource(
    `assessment-exemplary/${props.period}/${String(version)}`,
    (signal) => fetchExemplary(props.period, signal),
  );
  const changed = () => {
    setVersion((v) => v + 1);
    props.onChange();
  };
  const run = async (work: Work) => {
    try {
      await work();
      setError(null);
      changed();
    } catch (e) {
      setError(e);
    }
  };

  const actions = (row: Exemplary) => (
    <>
      <Upload
        accept="image/jpeg,image/png,image/webp"
        showUploadList={false}
        beforeUpload={(file) => {
          void run(() => addEvidence(row.id, file));
          return false;
        }}
      >
        <Button size="small">{t('assessment.exemplary.add_photo')}</Button>
      </Upload>{' '}
      <Button size="small" danger onClick={() => void run(() => deleteExemplary(row.id))}>
        {t('assessment.exemplary.delete')}
      </Button>
    </>
  );

  return (
    <div data-testid="assessment-exemplary">
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      {error ? <ErrorAlert error={error} /> : null}
      <Table
        rowKey="id"
        size="small"
        loading={resource.state === 'loading'}
        dataSource={resource.state === 'ready' ? resource.data.items : []}
        locale={{ emptyText: t('assessment.exemplary.empty') }}
        columns={[
          { key: 'street', title: t('assessment.street'), dataIndex: 'streetName' },
          { key: 'title', title: t('assessment.exemplary.title'), dataIndex: 'title' },
          { key: 'on', title: t('assessment.exemplary.recognised_on'), dataIndex: 'recognisedOn' },
          {
            key: 'description',
            title: t('assessment.exemplary.description'),
            dataIndex: 'description',
          },
          {
            key: 'evidence',
            title: t('assessment.exemplary.evidence'),
            render: (_, row) =>
              row.evidence.length === 0
                ? t('assessment.exemplary.no_evidence')
                : row.evidence.map((f, i) => (
                    <a key={f.id} href={evidenceUrl(row.id, f.id)} target="_blank" rel="noreferrer">
                      {t('assessment.exemplary.photo', { n: i + 1 })}{' '}
                    </a>
                  )),
          },
          ...(props.editable
            ? [
                {
                  key: 'actions',
                  title: t('assessment.exemplary.actions'),
                  render: (_: unknown, row: Exemplary) => actions(row),
                },
              ]
            : []),
        ]}
      />
      {props.editable ? (
        <Form
          form={form}
          layout="vertical"
          className="wb-assessment-exemplary-form"
          onFinish={(values) => {
            void run(async () => {
              await createExemplary(values);
              form.resetFields();
              void message.success(t('assessment.exemplary.saved'));
            });
          }}
        >
          <Form.Item
            name="streetId"
            label={t('assessment.street')}
            rules={[{ required: true, message: t('assessment.exemplary.required') }]}
          >
            <Select
              options={(props.scores?.streets ?? []).map((s) => ({
                value: s.streetId,
                label: s.streetName,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('assessment.exemplary.title')}
            rules={[{ required: true, min: 2, message: t('assessment.exemplary.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="recognisedOn"
            label={t('assessment.exemplary.recognised_on')}
            rules={[{ required: true, message: t('assessment.exemplary.required') }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('assessment.exemplary.description')}
            rules={[{ required: true, min: 2, message: t('assessment.exemplary.required') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('assessment.exemplary.create')}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
