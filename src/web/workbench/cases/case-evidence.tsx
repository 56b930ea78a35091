import { Button, Card, Empty, Form, Image, Input, Space } from 'antd';
import { useState } from 'react';

import { PLACE_MAX } from '../../../contract/cases';
import { type StaffCase } from '../../../contract/case-views';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { PhotoUploadField } from '../referrals/photo-upload-field';
import { textRules } from '../ticket/text-rules';
import { evidenceUrl, postEvidence } from './cases-api';

interface Values {
  photoIds?: string[];
  caption: string;
}

const finished: readonly StaffCase['status'][] = ['closed', 'cancelled'];

/** The evidence photos of a case, and the form to add more while it is open. */
export function CaseEvidence({
  c,
  onUpdated,
}: {
  c: StaffCase;
  onUpdated: (c: StaffCase) => void;
}) {
  const { t } = useI18n();
  const auth = useAuth();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // A new upload field after each batch, so the kept photos leave the picker.
  const [round, setRound] = useState(0);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      onUpdated(await postEvidence(c.id, values.photoIds ?? [], values.caption));
      form.resetFields();
      setRound((r) => r + 1);
    } catch (caught) {
      if (isUnauthenticated(caught)) {
        auth.expire();
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('case.section.evidence')} size="small" data-testid="case-evidence">
      {c.evidence.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.evidence.empty')} />
      ) : (
        <Space wrap size="middle" className="wb-gap">
          {c.evidence.map((e) => (
            <figure key={e.id} className="case-evidence-item" data-testid="case-evidence-item">
              <Image src={evidenceUrl(c.id, e.id)} width={120} alt={e.caption} />
              <figcaption>
                <div>{e.caption}</div>
                <div className="wb-muted">
                  {t('case.evidence.added', {
                    at: formatDateTime(e.addedAt),
                    stage: t(`case.status.${e.stage}`),
                  })}
                </div>
              </figcaption>
            </figure>
          ))}
        </Space>
      )}
      {finished.includes(c.status) ? null : (
        <Form<Values> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          {error ? <ErrorAlert error={error} /> : null}
          <Form.Item
            name="photoIds"
            label={t('case.evidence.photos')}
            rules={[{ required: true, message: t('case.evidence.photos_required') }]}
            extra={t('case.evidence.photos_only')}
          >
            <PhotoUploadField
              key={round}
              target="/api/public/photos"
              onPending={setUploading}
              testId="case-evidence-upload"
            />
          </Form.Item>
          <Form.Item
            name="caption"
            label={t('case.evidence.caption')}
            rules={textRules(t, PLACE_MAX, true)}
          >
            <Input data-testid="case-evidence-caption" />
          </Form.Item>
          <Button
            htmlType="submit"
            loading={busy}
            disabled={uploading}
            data-testid="case-evidence-submit"
          >
            {t('case.evidence.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
