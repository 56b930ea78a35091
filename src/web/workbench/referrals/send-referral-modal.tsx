import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';

import {
  determinationTypes,
  REFERRAL_TEXT_MAX,
  referralKinds,
  type Department,
  type SendReferrals,
  type StaffReferral,
} from '../../../contract/referrals';
import { useI18n } from '../../i18n/i18n-context';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { codePointCount, textRules } from '../ticket/text-rules';
import { showFieldErrors } from './form-errors';
import { PhotoUploadField } from './photo-upload-field';
import { fetchDepartments, postReferrals } from './referrals-api';

interface SendReferralModalProps {
  ticketId: string;
  trackingCode: string;
  onClose: () => void;
  onSent: (referrals: StaffReferral[]) => void;
}

type Values = Omit<SendReferrals, 'photoIds'> & { photoIds?: string[] };

function useDepartments(): Department[] {
  const [departments, setDepartments] = useState<Department[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetchDepartments(controller.signal).then(setDepartments, () => {
      setDepartments([]);
    });
    return () => {
      controller.abort();
    };
  }, []);
  return departments;
}

/** The form of a referral: which departments, what is asked, the request and its photos. */
export function SendReferralModal(props: SendReferralModalProps) {
  const { ticketId, trackingCode, onClose, onSent } = props;
  const { t, locale } = useI18n();
  const auth = useAuth();
  const departments = useDepartments();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const required = { required: true, message: t('action.field.required') };

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      onSent(await postReferrals(ticketId, { ...values, photoIds: values.photoIds ?? [] }));
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
      width={640}
      title={t('referral.send.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: !busy }}
      data-testid="referral-send-modal"
    >
      <Typography.Paragraph type="secondary">
        {t('referral.send.lead', { code: trackingCode })}
      </Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'information', departments: [] }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="departments" label={t('referral.field.departments')} rules={[required]}>
          <Checkbox.Group
            data-testid="referral-departments"
            options={departments.map((d) => ({
              value: d.code,
              label: <span data-testid={`department-${d.code}`}>{d.name}</span>,
            }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('referral.field.kind')} rules={[required]}>
          <Radio.Group
            optionType="button"
            data-testid="referral-kind-choice"
            options={referralKinds.map((k) => ({
              value: k,
              label: <span data-testid={`kind-${k}`}>{t(`referral.kind.${k}`)}</span>,
            }))}
          />
        </Form.Item>
        {kind === 'determination' ? (
          <Form.Item
            name="determinationType"
            label={t('referral.field.determination')}
            rules={[required]}
          >
            <Select
              data-testid="referral-determination"
              options={determinationTypes.map((d) => ({
                value: d,
                label: (
                  <span data-testid={`determination-${d}`}>{t(`referral.determination.${d}`)}</span>
                ),
              }))}
            />
          </Form.Item>
        ) : null}
        {kind === 'transfer' ? (
          <Alert type="info" showIcon className="wb-gap" title={t('referral.send.transfer_hint')} />
        ) : null}
        <Form.Item
          name="requestText"
          label={t('referral.field.request')}
          extra={t('referral.send.privacy')}
          rules={textRules(t, REFERRAL_TEXT_MAX, true)}
        >
          <Input.TextArea
            rows={5}
            count={codePointCount(REFERRAL_TEXT_MAX)}
            data-testid="referral-request-text"
          />
        </Form.Item>
        <Form.Item name="photoIds" label={t('referral.field.photos')}>
          <PhotoUploadField
            target="/api/public/photos"
            onPending={setUploading}
            testId="referral-photos-upload"
          />
        </Form.Item>
        <Space className="wb-modal-footer">
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            disabled={uploading}
            data-testid="referral-send-submit"
          >
            {t('referral.send.submit')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
