import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';

import type { PlacardRegisterRow } from '../../../contract/placards';
import { useI18n } from '../../i18n/i18n-context';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { showFieldErrors } from '../referrals/form-errors';
import { codePointCount, textRules } from '../ticket/text-rules';
import { patchPoint, postPoint } from './placards-api';

interface PointModalProps {
  row: PlacardRegisterRow;
  /** 'add' registers another point on the row's building; 'edit' corrects the row's point. */
  mode: 'add' | 'edit';
  onClose: () => void;
  onDone: (row: PlacardRegisterRow) => void;
}

interface Values {
  pointNo: string;
  placement: string;
}

const PLACEMENT_MAX = 100;

/** Registers a placard point of a building, or corrects a point's number and placement. */
export function PointModal({ row, mode, onClose, onDone }: PointModalProps) {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editing = mode === 'edit' ? row.point : null;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    const body = { pointNo: values.pointNo.trim(), placement: values.placement.trim() };
    try {
      onDone(
        editing
          ? await patchPoint(editing.id, body)
          : await postPoint({ buildingId: row.building.id, ...body }),
      );
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
      title={t(editing ? 'placards.point.edit_title' : 'placards.point.add_title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: !busy }}
      data-testid="placard-point-modal"
    >
      <Typography.Paragraph type="secondary">
        {t('placards.point.lead', { building: row.building.name })}
      </Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ pointNo: editing?.pointNo ?? '', placement: editing?.placement ?? '' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="pointNo"
          label={t('action.field.pointNo')}
          extra={t('placards.point.no_hint')}
          rules={textRules(t, 40, true)}
        >
          <Input data-testid="point-no" />
        </Form.Item>
        <Form.Item
          name="placement"
          label={t('action.field.placement')}
          extra={t('placards.point.placement_hint')}
          rules={textRules(t, PLACEMENT_MAX, true)}
        >
          <Input count={codePointCount(PLACEMENT_MAX)} data-testid="point-placement" />
        </Form.Item>
        <Space className="wb-modal-footer">
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="point-submit">
            {t('placards.point.submit')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
