import { App, Button, Table, Typography, Upload } from 'antd';
import { useState } from 'react';

import type { Exemplary, ExemplaryInput, Scores } from '../../../contract/assessment';
import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import {
  addEvidence,
  createExemplary,
  deleteExemplary,
  editExemplary,
  evidenceUrl,
  fetchExemplary,
} from './assessment-api';
import { ExemplaryForm } from './exemplary-form';

/** A change sent to the server. */
interface Work {
  (): Promise<unknown>;
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
  const [editing, setEditing] = useState<Exemplary | null>(null);
  const { resource } = useStaffResource(
    `assessment-exemplary/${props.period}/${String(version)}`,
    (signal) => fetchExemplary(props.period, signal),
  );
  const changed = () => {
    setVersion((v) => v + 1);
    props.onChange();
  };
  const run = async (work: Work): Promise<boolean> => {
    try {
      await work();
      setError(null);
      changed();
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };
  const save = (values: ExemplaryInput) =>
    run(async () => {
      if (editing) {
        await editExemplary(editing.id, values);
        setEditing(null);
      } else {
        await createExemplary(values);
      }
      void message.success(t('assessment.exemplary.saved'));
    });

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
      <Button
        size="small"
        data-testid="exemplary-edit"
        onClick={() => {
          setEditing(row);
        }}
      >
        {t('assessment.exemplary.edit')}
      </Button>{' '}
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
        <>
          {editing ? (
            <Typography.Paragraph strong data-testid="exemplary-editing">
              {t('assessment.exemplary.editing', { title: editing.title })}
            </Typography.Paragraph>
          ) : null}
          <ExemplaryForm
            streets={props.scores?.streets ?? []}
            editing={editing}
            onSubmit={save}
            onCancel={() => {
              setEditing(null);
            }}
          />
        </>
      ) : null}
    </div>
  );
}
