import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';

import { REVEAL_REASON_MAX, type RevealedReporter } from '../../../contract/reporter';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { errorText } from '../../shared/error-text';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { revealReporter } from './reporter-api';
import { codePointCount, textRules } from './text-rules';

interface RevealModalProps {
  ticketId: string;
  trackingCode: string;
  onClose: () => void;
  onRevealed: (revealed: RevealedReporter) => void;
}

/** Asks why the officer needs the reporter's full number; the reason goes to the audit trail. */
export function ReporterRevealModal({
  ticketId,
  trackingCode,
  onClose,
  onRevealed,
}: RevealModalProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const auth = useAuth();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      onRevealed(await revealReporter(ticketId, reason.trim()));
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        auth.expire();
        return;
      }
      setError(failure);
      if (failure instanceof ApiError) {
        form.setFields(
          failure.details
            .filter((issue) => issue.field === 'reason')
            .map((issue) => ({
              name: 'reason',
              errors: [locale === 'en' ? issue.messageEn || issue.message : issue.message],
            })),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('ticket.reveal.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: !busy }}
      data-testid="reveal-modal"
    >
      <Typography.Paragraph type="secondary">
        {t('ticket.reveal.lead', { code: trackingCode })}
      </Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(i18n, error)}
          className="wb-gap"
          data-testid="reveal-error"
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('ticket.reveal.reason')}
          rules={textRules(t, REVEAL_REASON_MAX, true)}
        >
          <Input.TextArea
            rows={3}
            autoFocus
            count={codePointCount(REVEAL_REASON_MAX)}
            placeholder={t('ticket.reveal.reason_placeholder')}
            autoComplete="off"
            data-testid="reveal-reason"
          />
        </Form.Item>
        <Space className="wb-modal-footer">
          <Button onClick={onClose} disabled={busy} data-testid="reveal-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="reveal-submit">
            {t('ticket.reveal.submit')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
