import { Form, Input, Modal } from 'antd';
import { useState } from 'react';

import type { BuildingFile } from '../../../contract/buildings';
import { REASON_MAX } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../common/error-alert';
import { codePointCount, textRules } from '../ticket/text-rules';
import { showNestedFieldErrors } from '../visits/field-errors';
import { postClearFlag } from './buildings-api';

interface ClearFlagModalProps {
  file: BuildingFile;
  onClose: () => void;
  onSaved: (file: BuildingFile) => void;
}

/** A street or bureau admin clears a building's flag and says why. */
export function ClearFlagModal({ file, onClose, onSaved }: ClearFlagModalProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async (values: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await postClearFlag(file.building.id, values));
    } catch (failure) {
      setError(failure);
      showNestedFieldErrors(form, ['reason'], locale, failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('buildings.flag.clear_title', { building: file.building.name })}
      okText={t('buildings.flag.clear_save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'clear-flag-save' }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      data-testid="clear-flag-modal"
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          name="reason"
          label={t('buildings.flag.clear_reason')}
          rules={textRules(t, REASON_MAX, true)}
        >
          <Input.TextArea rows={3} count={codePointCount(REASON_MAX)} data-testid="clear-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
