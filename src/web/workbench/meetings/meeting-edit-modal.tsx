import { Form, Input, Modal } from 'antd';
import { useState } from 'react';

import {
  MEETING_OUTCOMES_MAX,
  MEETING_TOPIC_MAX,
  type EditMeeting,
  type Meeting,
} from '../../../contract/meetings';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../common/error-alert';
import { codePointCount, textRules } from '../ticket/text-rules';
import { showNestedFieldErrors } from '../visits/field-errors';
import { daysBefore, shanghaiToday } from '../visits/form-dates';
import { patchMeeting } from './meetings-api';
import { ParticipantsField } from './participants-field';
import { SettledTicketSelect } from './settled-ticket-select';

type Values = Required<Pick<EditMeeting, 'date' | 'topic' | 'participants' | 'outcomes'>> & {
  settledTicketIds: string[];
};

interface MeetingEditModalProps {
  meeting: Meeting;
  onClose: () => void;
  onSaved: (meeting: Meeting) => void;
}

/** The author corrects a meeting record within the edit window; produced tickets stay as filed. */
export function MeetingEditModal({ meeting, onClose, onSaved }: MeetingEditModalProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const today = shanghaiToday();
  const fields = ['date', 'topic', 'participants', 'outcomes', 'settledTicketIds'];

  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await patchMeeting(meeting.id, values));
    } catch (failure) {
      setError(failure);
      showNestedFieldErrors(form, fields, locale, failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('meeting.edit.title')}
      okText={t('visit.edit.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      data-testid="meeting-edit-modal"
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          date: meeting.date,
          topic: meeting.topic,
          participants: meeting.participants,
          outcomes: meeting.outcomes,
          settledTicketIds: meeting.tickets.filter((x) => x.link === 'settled').map((x) => x.id),
        }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="date" label={t('meeting.field.date')} rules={[{ required: true }]}>
          <Input type="date" max={today} min={daysBefore(today, 30)} />
        </Form.Item>
        <Form.Item
          name="topic"
          label={t('meeting.field.topic')}
          rules={textRules(t, MEETING_TOPIC_MAX, true)}
        >
          <Input count={codePointCount(MEETING_TOPIC_MAX)} />
        </Form.Item>
        <Form.Item
          name="participants"
          label={t('meeting.field.participants')}
          rules={[{ required: true, message: t('action.field.required') }]}
        >
          <ParticipantsField />
        </Form.Item>
        <Form.Item
          name="outcomes"
          label={t('meeting.field.outcomes')}
          rules={textRules(t, MEETING_OUTCOMES_MAX, true)}
        >
          <Input.TextArea rows={4} count={codePointCount(MEETING_OUTCOMES_MAX)} />
        </Form.Item>
        <Form.Item name="settledTicketIds" label={t('meeting.field.settled')}>
          <SettledTicketSelect
            community={meeting.community.name}
            known={meeting.tickets.filter((x) => x.link === 'settled')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
