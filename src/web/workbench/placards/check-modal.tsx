import { Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';

import {
  placardCheckResults,
  type PlacardCheckResult,
  type PlacardRegisterRow,
} from '../../../contract/placards';
import { REASON_MAX } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { showFieldErrors } from '../referrals/form-errors';
import { codePointCount, textRules } from '../ticket/text-rules';
import { postCheck } from './placards-api';

interface CheckModalProps {
  row: PlacardRegisterRow;
  onClose: () => void;
  onDone: (row: PlacardRegisterRow) => void;
}

interface Values {
  result?: PlacardCheckResult;
  note?: string;
}

/** Records a field check of one placard point: what was found, and a note. */
export function CheckModal({ row, onClose, onDone }: CheckModalProps) {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const point = row.point;

  const submit = async (values: Values) => {
    if (!point || !values.result) {
      return;
    }
    setBusy(true);
    setError(null);
    const note = values.note?.trim();
    try {
      onDone(await postCheck(point.id, { result: values.result, ...(note ? { note } : {}) }));
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        auth.expire();
        return;
      }
      setError(failure);
      showFieldErrors(form, locale, failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('placards.check.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: !busy }}
      data-testid="placard-check-modal"
    >
      <Typography.Paragraph type="secondary">
        {t('placards.check.lead', { building: row.building.name, point: point?.pointNo ?? '' })}
      </Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="result"
          label={t('placards.check.result')}
          rules={[{ required: true, message: t('action.field.required') }]}
        >
          <Radio.Group>
            {placardCheckResults.map((result) => (
              <Radio key={result} value={result} data-testid={`check-result-${result}`}>
                {t(`placards.check.result.${result}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('placards.check.note')}
          rules={textRules(t, REASON_MAX, false)}
        >
          <Input.TextArea rows={3} count={codePointCount(REASON_MAX)} data-testid="check-note" />
        </Form.Item>
        <Space className="wb-modal-footer">
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="check-submit">
            {t('placards.check.submit')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
