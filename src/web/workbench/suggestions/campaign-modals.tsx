import { Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';

import {
  CAMPAIGN_DESCRIPTION_MAX,
  CAMPAIGN_REPORT_MAX,
  SUGGESTION_TOPIC_MAX,
  suggestionChannels,
  type CreateCampaign,
  type PublicCampaign,
} from '../../../contract/suggestions';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../common/error-alert';
import { codePointCount, textRules } from '../ticket/text-rules';
import { postCampaign, putReport } from './suggestions-api';

interface ModalProps {
  onClose: () => void;
  onSaved: (campaign: PublicCampaign) => void;
}

/** A save to run. */
interface Work {
  (): Promise<void>;
}

/** Runs a save, keeping the modal's busy state and error. */
function useSave() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (work: Work) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** The bureau admin publishes a campaign: topic, description, channels and period (Art 9). */
export function CampaignCreateModal({ onClose, onSaved }: ModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Omit<CreateCampaign, 'streetId'>>();
  const { busy, error, run } = useSave();
  return (
    <Modal
      open
      width={640}
      title={t('suggestion.campaign.new')}
      okText={t('suggestion.campaign.publish')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'campaign-save' }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ channels: ['online'] }}
        onFinish={(values) =>
          void run(async () => {
            onSaved(await postCampaign({ ...values, streetId: null }));
          })
        }
      >
        <Form.Item
          name="topic"
          label={t('suggestion.campaign.topic')}
          rules={textRules(t, SUGGESTION_TOPIC_MAX, true)}
        >
          <Input data-testid="campaign-topic" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('suggestion.campaign.description')}
          rules={textRules(t, CAMPAIGN_DESCRIPTION_MAX, true)}
        >
          <Input.TextArea rows={4} count={codePointCount(CAMPAIGN_DESCRIPTION_MAX)} />
        </Form.Item>
        <Form.Item
          name="channels"
          label={t('suggestion.campaign.channels')}
          rules={[{ required: true, message: t('action.field.required') }]}
        >
          <Checkbox.Group
            options={suggestionChannels.map((c) => ({
              value: c,
              label: t(`suggest.channel.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="startsOn"
          label={t('suggestion.campaign.starts_on')}
          rules={[{ required: true, message: t('action.field.required') }]}
        >
          <Input type="date" data-testid="campaign-starts" />
        </Form.Item>
        <Form.Item
          name="deadlineOn"
          label={t('suggestion.campaign.deadline_on')}
          rules={[{ required: true, message: t('action.field.required') }]}
        >
          <Input type="date" data-testid="campaign-deadline" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The collective report of a closed campaign (Art 12), published on its page. */
export function CampaignReportModal({
  campaign,
  onClose,
  onSaved,
}: ModalProps & { campaign: PublicCampaign }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ report: string }>();
  const { busy, error, run } = useSave();
  return (
    <Modal
      open
      width={640}
      title={t('suggestion.campaign.report_title', { topic: campaign.topic })}
      okText={t('suggestion.campaign.report_publish')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ report: campaign.publicReport ?? '' }}
        onFinish={(values) =>
          void run(async () => {
            onSaved(await putReport(campaign.id, values.report));
          })
        }
      >
        <Form.Item
          name="report"
          label={t('suggestion.campaign.report')}
          rules={textRules(t, CAMPAIGN_REPORT_MAX, true)}
        >
          <Input.TextArea rows={8} count={codePointCount(CAMPAIGN_REPORT_MAX)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
