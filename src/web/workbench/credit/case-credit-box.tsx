import { Button, Card, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';

import { creditClasses, type CaseCredit } from '../../../contract/credit';
import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchCaseCredit, putCaseClass } from './credit-api';

function ClassModal({
  caseId,
  current,
  onClose,
  onDone,
}: {
  caseId: string;
  current: string;
  onClose: () => void;
  onDone: (c: CaseCredit) => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const submit = (values: { creditClass: string; reason: string }) => {
    putCaseClass(caseId, values).then(onDone, setError);
  };
  return (
    <Modal open title={t('credit.case.set_class')} onCancel={onClose} footer={null} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      <Form layout="vertical" initialValues={{ creditClass: current }} onFinish={submit}>
        <Form.Item name="creditClass" label={t('credit.field.class')} rules={[{ required: true }]}>
          <Select
            options={creditClasses.map((c) => ({ value: c, label: t(`credit.class.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('credit.case.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('credit.case.set_class')}
        </Button>
      </Form>
    </Modal>
  );
}

/** On a case page: the class of its decision, the earliest repair date, and the notice line. */
export function CaseCreditBox({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { resource, replace } = useStaffResource(`case-credit/${caseId}`, (s) =>
    fetchCaseCredit(caseId, s),
  );
  const [editing, setEditing] = useState(false);
  if (resource.state !== 'ready' || !resource.data.standing) {
    return null;
  }
  const c = resource.data;
  const standing = resource.data.standing;
  return (
    <Card
      size="small"
      title={t('credit.case.title')}
      data-testid="case-credit"
      extra={
        c.canSetClass ? (
          <Button
            size="small"
            onClick={() => {
              setEditing(true);
            }}
          >
            {t('credit.case.set_class')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph data-testid="case-credit-class">
        {t('credit.case.class_line', {
          cls: t(`credit.class.${standing.creditClass}`),
          earliest: standing.earliestOn,
          last: standing.publicationLastDay,
        })}
      </Typography.Paragraph>
      {c.override ? (
        <Typography.Paragraph type="secondary">
          {t('credit.case.override', { by: c.override.by, reason: c.override.reason })}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph type="secondary">{t('credit.case.notice')}</Typography.Paragraph>
      {editing ? (
        <ClassModal
          caseId={caseId}
          current={standing.creditClass}
          onClose={() => {
            setEditing(false);
          }}
          onDone={(updated) => {
            replace(updated);
            setEditing(false);
          }}
        />
      ) : null}
    </Card>
  );
}
