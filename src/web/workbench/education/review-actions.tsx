import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';

import { REASON_MAX, type StaffItem } from '../../../contract/education';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../common/error-alert';
import { stepItem } from './education-api';

type ReasonStep = 'reject' | 'unpublish';

/** Submit, approve, reject and unpublish, as far as the officer may take each step. */
export function ReviewActions({
  item,
  onChanged,
}: {
  item: StaffItem;
  onChanged: (i: StaffItem) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [asking, setAsking] = useState<ReasonStep | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const run = async (step: 'submit' | 'approve' | ReasonStep, reason?: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const next = await stepItem(item.id, step, reason);
      setAsking(null);
      setReason('');
      onChanged(next);
      void message.success(t(`education.step_done.${step}`));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {failure && !asking ? <ErrorAlert error={failure} /> : null}
      <Space wrap>
        {item.canEdit ? (
          <Button
            type="primary"
            loading={busy}
            onClick={() => void run('submit')}
            data-testid="education-submit"
          >
            {t('education.step.submit')}
          </Button>
        ) : null}
        {item.canReview ? (
          <>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void run('approve')}
              data-testid="education-approve"
            >
              {t('education.step.approve')}
            </Button>
            <Button
              danger
              onClick={() => {
                setAsking('reject');
              }}
              data-testid="education-reject"
            >
              {t('education.step.reject')}
            </Button>
          </>
        ) : null}
        {item.canUnpublish ? (
          <Button
            danger
            onClick={() => {
              setAsking('unpublish');
            }}
            data-testid="education-unpublish"
          >
            {t('education.step.unpublish')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={asking !== null}
        title={asking ? t(`education.step.${asking}`) : ''}
        okText={t('education.step.confirm')}
        cancelText={t('education.step.cancel')}
        confirmLoading={busy}
        onCancel={() => {
          setAsking(null);
        }}
        onOk={() => {
          setMissing(reason.trim() === '');
          if (reason.trim() !== '') {
            void run(asking ?? 'reject', reason);
          }
        }}
      >
        {failure && asking ? <ErrorAlert error={failure} /> : null}
        <label htmlFor="education-reason">{t('education.field.reason')}</label>
        <Input.TextArea
          id="education-reason"
          rows={3}
          maxLength={REASON_MAX}
          value={reason}
          status={missing ? 'error' : undefined}
          onChange={(e) => {
            setReason(e.target.value);
          }}
          data-testid="education-reason"
        />
        {missing ? (
          <Typography.Text type="danger">{t('action.field.required')}</Typography.Text>
        ) : null}
      </Modal>
    </>
  );
}
