import { Button, Card, Form, Input, InputNumber, Select, Spin, Switch } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';

import {
  eventKinds,
  MAX_ATTENDANCE,
  MAX_EVENT_PHOTOS,
  TITLE_MAX,
  type StaffEvent,
  type WriteEvent,
} from '../../../contract/education';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { isUnauthenticated, useAuth, useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { showNestedFieldErrors } from '../visits/field-errors';
import { fetchFieldPlaces } from '../visits/visits-api';
import { fetchEvent, saveEvent } from './education-api';
import { mediaUrlOf, UploadButton } from './media-picker';
import './education.css';

type Values = WriteEvent;
const formFields = [
  'kind',
  'title',
  'place',
  'date',
  'communityId',
  'attendance',
  'notes',
  'photoIds',
  'published',
];

function PhotosField({
  value = [],
  onChange,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const { t } = useI18n();
  return (
    <div>
      <div className="edu-photo-list">
        {value.map((id, i) => (
          <div key={id}>
            <img
              src={mediaUrlOf(id)}
              alt={t('education.event.photo_number', { n: i + 1 })}
              className="edu-thumb"
            />
            <Button size="small" onClick={() => onChange?.(value.filter((p) => p !== id))}>
              {t('education.remove')}
            </Button>
          </div>
        ))}
      </div>
      {value.length < MAX_EVENT_PHOTOS ? (
        <UploadButton
          kind="images"
          label={t('education.event.add_photo')}
          onUploaded={(media) => onChange?.([...value, media.id])}
          testId="education-event-photo"
        />
      ) : null}
    </div>
  );
}

function EventForm({
  event,
  onSaved,
}: {
  event: StaffEvent | null;
  onSaved: (e: StaffEvent) => void;
}) {
  const { t, locale } = useI18n();
  const me = useMe();
  const auth = useAuth();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const places = useStaffResource('field-places', (signal) => fetchFieldPlaces(signal)).resource;
  const communities = places.state === 'ready' ? places.data.communities : [];
  const mayPublish = event ? event.canPublish : me.role !== 'liaison';
  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const body = {
        ...values,
        communityId: values.communityId ?? null,
        notes: values.notes?.trim() ? values.notes : null,
      };
      onSaved(await saveEvent(event?.id ?? null, body));
    } catch (error) {
      if (isUnauthenticated(error)) {
        auth.expire();
        return;
      }
      showNestedFieldErrors(form, formFields, locale, error);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const required = { required: true, message: t('action.field.required') };
  const initial: Partial<Values> = event
    ? { ...event, photoIds: event.photos.map((p) => p.id) }
    : { kind: 'lecture', attendance: 0, photoIds: [], published: false };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v) => void submit(v)}
    >
      {failure ? <ErrorAlert error={failure} /> : null}
      <Form.Item name="kind" label={t('education.field.kind')} rules={[required]}>
        <Select
          options={eventKinds.map((k) => ({ value: k, label: t(`education.event_kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('education.field.title')}
        rules={[{ ...required, whitespace: true }]}
      >
        <Input maxLength={TITLE_MAX} data-testid="event-title" />
      </Form.Item>
      <Form.Item name="date" label={t('education.event.date')} rules={[required]}>
        <Input type="date" data-testid="event-date" />
      </Form.Item>
      <Form.Item name="communityId" label={t('education.event.community')}>
        <Select allowClear options={communities.map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item
        name="place"
        label={t('education.event.place')}
        rules={[{ ...required, whitespace: true }]}
      >
        <Input maxLength={100} data-testid="event-place" />
      </Form.Item>
      <Form.Item name="attendance" label={t('education.event.attendance')} rules={[required]}>
        <InputNumber min={0} max={MAX_ATTENDANCE} precision={0} data-testid="event-attendance" />
      </Form.Item>
      <Form.Item name="notes" label={t('education.event.notes')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="photoIds" label={t('education.event.photos')}>
        <PhotosField />
      </Form.Item>
      <Form.Item
        name="published"
        label={t('education.event.publish')}
        valuePropName="checked"
        extra={mayPublish ? undefined : t('education.event.publish_hint')}
      >
        <Switch disabled={!mayPublish} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="event-save">
        {t('education.save')}
      </Button>
    </Form>
  );
}

/** /workbench/education/events/new and /:id — an event with its attendance number and photos. */
export function EventFormPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  useDocumentTitle(id ? 'education.event.edit' : 'education.event.new');
  const { resource, replace } = useStaffResource(`education-event/${id ?? 'new'}`, (signal) =>
    id ? fetchEvent(id, signal) : Promise.resolve(null),
  );
  if (resource.state === 'loading') {
    return <Spin size="large" className="wb-center" />;
  }
  if (resource.state === 'failed') {
    return <ErrorAlert error={resource.error} />;
  }
  const event = resource.data;
  const saved = (next: StaffEvent) => {
    if (event) {
      replace(next);
    } else {
      void navigate(`/workbench/education/events/${next.id}`);
    }
  };
  return (
    <Card title={event ? event.title : t('education.event.new')} data-testid="education-event-form">
      <EventForm key={event?.updatedAt ?? 'new'} event={event} onSaved={saved} />
    </Card>
  );
}
