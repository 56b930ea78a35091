import { Alert, Button, Card, Form, Input, Radio, Select, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';

import {
  MEETING_OUTCOMES_MAX,
  MEETING_TOPIC_MAX,
  meetingKinds,
  type CreateMeeting,
} from '../../../contract/meetings';
import type { FieldPlaces, FoundIssue } from '../../../contract/visits';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import { randomUuid } from '../../shared/random-uuid';
import { useDocumentTitle } from '../../shared/use-document-title';
import { isUnauthenticated, useAuth, useMe } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { codePointCount, textRules } from '../ticket/text-rules';
import { showNestedFieldErrors } from '../visits/field-errors';
import { daysBefore, shanghaiToday } from '../visits/form-dates';
import { IssueFields } from '../visits/issue-fields';
import { useBuildings, useFieldPlaces } from '../visits/use-field-places';
import '../visits/visits.css';
import { postMeeting } from './meetings-api';
import { ParticipantsField } from './participants-field';
import { SettledTicketSelect } from './settled-ticket-select';

type Values = Omit<CreateMeeting, 'issues' | 'settledTicketIds'> & {
  issues?: Partial<FoundIssue>[];
  settledTicketIds?: string[];
};

const formFields = [
  'kind',
  'date',
  'communityId',
  'topic',
  'participants',
  'staffIds',
  'outcomes',
  'issues',
  'settledTicketIds',
];

function MeetingForm({ places }: { places: FieldPlaces }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const me = useMe();
  const auth = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const communityId = Form.useWatch('communityId', form);
  const buildings = useBuildings(communityId);
  const community = places.communities.find((c) => c.id === communityId);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<Record<string, boolean>>({});
  const [failure, setFailure] = useState<{ error: unknown; unplaced: string[] } | null>(null);
  const key = useRef(randomUuid());
  const today = shanghaiToday();
  const pendingFor = (name: string) => (on: boolean) => {
    setUploading((now) => ({ ...now, [name]: on }));
  };

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const body = {
        ...values,
        issues: (values.issues ?? []).map((i) => ({ ...i, photoIds: i.photoIds ?? [] })),
        settledTicketIds: values.settledTicketIds ?? [],
      } as CreateMeeting;
      const meeting = await postMeeting(body, key.current);
      void navigate(`/workbench/meetings/${meeting.id}`, { state: { created: true } });
    } catch (error) {
      if (isUnauthenticated(error)) {
        auth.expire();
        return;
      }
      setFailure({ error, unplaced: showNestedFieldErrors(form, formFields, locale, error) });
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, message: t('action.field.required') };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="wb-field-form"
      scrollToFirstError
      initialValues={{
        kind: 'joint',
        date: today,
        communityId: places.communities.length === 1 ? places.communities[0]?.id : undefined,
        staffIds: places.officers.some((o) => o.id === me.id) ? [me.id] : [],
        participants: [],
      }}
      onFinish={(values) => void submit(values)}
    >
      {failure ? (
        failure.unplaced.length > 0 ? (
          <ErrorAlert error={failure.error} />
        ) : (
          <Alert type="error" showIcon className="wb-gap" title={errorText(i18n, failure.error)} />
        )
      ) : null}
      <Form.Item name="kind" label={t('meeting.field.kind')} rules={[required]}>
        <Radio.Group
          optionType="button"
          options={meetingKinds.map((k) => ({
            value: k,
            label: <span data-testid={`meeting-kind-${k}`}>{t(`meeting.kind.${k}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item name="date" label={t('meeting.field.date')} rules={[required]}>
        <Input type="date" max={today} min={daysBefore(today, 30)} data-testid="meeting-date" />
      </Form.Item>
      <Form.Item name="communityId" label={t('visit.field.community')} rules={[required]}>
        <Select
          data-testid="meeting-community"
          onChange={() => {
            form.setFieldsValue({ issues: [], settledTicketIds: [] });
          }}
          options={places.communities.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item
        name="topic"
        label={t('meeting.field.topic')}
        rules={textRules(t, MEETING_TOPIC_MAX, true)}
      >
        <Input count={codePointCount(MEETING_TOPIC_MAX)} data-testid="meeting-topic" />
      </Form.Item>
      <Form.Item
        name="participants"
        label={t('meeting.field.participants')}
        extra={t('meeting.field.participants_hint')}
        rules={[required]}
      >
        <ParticipantsField />
      </Form.Item>
      <Form.Item name="staffIds" label={t('meeting.field.staff')} rules={[required]}>
        <Select
          mode="multiple"
          data-testid="meeting-staff"
          showSearch={{ optionFilterProp: 'label' }}
          options={places.officers.map((o) => ({ value: o.id, label: `${o.name} ${o.badgeNo}` }))}
        />
      </Form.Item>
      <Form.Item
        name="outcomes"
        label={t('meeting.field.outcomes')}
        rules={textRules(t, MEETING_OUTCOMES_MAX, true)}
      >
        <Input.TextArea
          rows={4}
          count={codePointCount(MEETING_OUTCOMES_MAX)}
          data-testid="meeting-outcomes"
        />
      </Form.Item>
      <Form.Item name="settledTicketIds" label={t('meeting.field.settled')}>
        <SettledTicketSelect community={community?.name} />
      </Form.Item>
      <Typography.Title level={5}>{t('meeting.issues.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('meeting.issues.lead')}</Typography.Paragraph>
      <IssueFields buildings={buildings} pendingFor={pendingFor} />
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={busy}
        disabled={Object.values(uploading).some(Boolean)}
        className="wb-gap-top"
        data-testid="meeting-submit"
      >
        {t('meeting.submit')}
      </Button>
    </Form>
  );
}

/** /workbench/meetings/new — an officer records a community meeting they attended. */
export function MeetingFormPage() {
  const { t } = useI18n();
  const { resource } = useFieldPlaces();
  useDocumentTitle('meeting.new.title');
  if (resource.state === 'loading') {
    return <Spin size="large" className="wb-center" />;
  }
  if (resource.state === 'failed') {
    return <ErrorAlert error={resource.error} />;
  }
  return (
    <Card title={t('meeting.new.title')} className="wb-field-card" data-testid="meeting-form">
      <Typography.Paragraph type="secondary">{t('meeting.new.lead')}</Typography.Paragraph>
      {resource.data.communities.length === 0 ? (
        <Alert type="info" showIcon title={t('visit.new.no_community')} />
      ) : (
        <MeetingForm places={resource.data} />
      )}
    </Card>
  );
}
