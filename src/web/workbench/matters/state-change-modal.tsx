import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';

import type { MatterHistory, StaffMatter } from '../../../contract/matters';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../common/error-alert';
import { fieldLabel } from './matter-fields';
import { postMatterState } from './matters-api';

interface StateChangeModalProps {
  matter: StaffMatter;
  open: boolean;
  onClose: () => void;
  onSaved: (history: MatterHistory) => void;
}

/** Retires a matter in force, or restores a retired one, with the reason. */
export function StateChangeModal({ matter, open, onClose, onSaved }: StateChangeModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const change = matter.active ? 'retire' : 'restore';

  const save = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(
        await postMatterState(matter.code, change, { reason, baseRevision: matter.revision }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(`matters.state.${change}_title`, { name: matter.name })}
      okText={t(`matters.state.${change}`)}
      okButtonProps={{ danger: change === 'retire', 'data-testid': 'matter-state-save' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t(`matters.state.${change}_lead`)}</Typography.Paragraph>
      {error ? (
        <ErrorAlert
          error={error}
          onClose={() => {
            setError(null);
          }}
        />
      ) : null}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void save(v)}>
        <Form.Item
          name="reason"
          label={fieldLabel(t, 'reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('matters.form.required', { field: fieldLabel(t, 'reason') }),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={500}
            data-testid="matter-state-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
