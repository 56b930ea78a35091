import { Alert, Button, Card, Checkbox, Form, Input, Select, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';

import {
  VISIT_NOTES_MAX,
  visitPartners,
  type CreateVisit,
  type FieldPlaces,
  type FoundIssue,
} from '../../../contract/visits';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import { randomUuid } from '../../shared/random-uuid';
import { useDocumentTitle } from '../../shared/use-document-title';
import { isUnauthenticated, useAuth, useMe } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { PhotoUploadField } from '../referrals/photo-upload-field';
import { codePointCount, textRules } from '../ticket/text-rules';
import { showNestedFieldErrors } from './field-errors';
import { daysBefore, shanghaiToday } from './form-dates';
import { IssueFields } from './issue-fields';
import { useBuildings, useFieldPlaces } from './use-field-places';
import { postVisit } from './visits-api';
import './visits.css';

type Values = Omit<CreateVisit, 'photoIds' | 'issues'> & {
  photoIds?: string[];
  issues?: Partial<FoundIssue>[];
};

const formFields = ['liaisonId', 'date', 'communityId', 'partners', 'notes', 'photoIds', 'issues'];

/** How many days back a visit may be dated (the server's VISIT_BACKDATE_DAYS). */
const backdateDays = 7;

function VisitForm({ places }: { places: FieldPlaces }) {
  const { t, locale } = useI18n();
  const i18n = useI18n();
  const me = useMe();
  const auth = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const communityId = Form.useWatch('communityId', form);
  const buildings = useBuildings(communityId);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<Record<string, boolean>>({});
  const [failure, setFailure] = useState<{ error: unknown; unplaced: string[] } | null>(null);
  // One key per filled-in form: a double tap or a retry on a weak signal logs the visit once.
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
        notes: values.notes?.trim() ? values.notes : undefined,
        photoIds: values.photoIds ?? [],
        issues: (values.issues ?? []).map((i) => ({ ...i, photoIds: i.photoIds ?? [] })),
      } as CreateVisit;
      const visit = await postVisit(body, key.current);
      void navigate(`/workbench/visits/${visit.id}`, { state: { created: true } });
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
  const onlyCommunity = places.communities.length === 1 ? places.communities[0]?.id : undefined;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="wb-field-form"
      initialValues={{
        date: today,
        communityId: onlyCommunity,
        partners: [],
        liaisonId: me.role === 'liaison' ? undefined : places.liaisons[0]?.id,
      }}
      onFinish={(values) => void submit(values)}
      scrollToFirstError
    >
      {failure ? (
        failure.unplaced.length > 0 ? (
          <ErrorAlert error={failure.error} />
        ) : (
          <Alert type="error" showIcon className="wb-gap" title={errorText(i18n, failure.error)} />
        )
      ) : null}
      {me.role === 'street_admin' ? (
        <Form.Item name="liaisonId" label={t('visit.field.liaison')} rules={[required]}>
          <Select
            data-testid="visit-liaison"
            options={places.liaisons.map((l) => ({ value: l.id, label: `${l.name} ${l.badgeNo}` }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="date" label={t('visit.field.date')} rules={[required]}>
        <Input
          type="date"
          max={today}
          min={daysBefore(today, backdateDays)}
          data-testid="visit-date"
        />
      </Form.Item>
      <Form.Item name="communityId" label={t('visit.field.community')} rules={[required]}>
        <Select
          data-testid="visit-community"
          onChange={() => {
            form.setFieldValue('issues', []);
          }}
          options={places.communities.map((c) => ({
            value: c.id,
            label: <span data-testid={`community-option-${c.id}`}>{c.name}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item name="partners" label={t('visit.field.partners')} rules={[required]}>
        <Checkbox.Group
          className="wb-partner-group"
          options={visitPartners.map((p) => ({
            value: p,
            label: <span data-testid={`partner-${p}`}>{t(`visit.partner.${p}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="notes"
        label={t('visit.field.notes')}
        rules={textRules(t, VISIT_NOTES_MAX, false)}
      >
        <Input.TextArea
          rows={4}
          count={codePointCount(VISIT_NOTES_MAX)}
          data-testid="visit-notes"
        />
      </Form.Item>
      <Form.Item name="photoIds" label={t('referral.field.photos')}>
        <PhotoUploadField
          target="/api/public/photos"
          onPending={pendingFor('visit')}
          testId="visit-photos"
        />
      </Form.Item>
      <Typography.Title level={5}>{t('visit.issues.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('visit.issues.lead')}</Typography.Paragraph>
      <IssueFields buildings={buildings} pendingFor={pendingFor} />
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={busy}
        disabled={Object.values(uploading).some(Boolean)}
        className="wb-gap-top"
        data-testid="visit-submit"
      >
        {t('visit.submit')}
      </Button>
    </Form>
  );
}

/** /workbench/visits/new — a liaison (or their street admin) logs a visit, phone first. */
export function VisitFormPage() {
  const { t } = useI18n();
  const { resource } = useFieldPlaces();
  useDocumentTitle('visit.new.title');
  if (resource.state === 'loading') {
    return <Spin size="large" className="wb-center" />;
  }
  if (resource.state === 'failed') {
    return <ErrorAlert error={resource.error} />;
  }
  return (
    <Card title={t('visit.new.title')} className="wb-field-card" data-testid="visit-form">
      <Typography.Paragraph type="secondary">{t('visit.new.lead')}</Typography.Paragraph>
      {resource.data.communities.length === 0 ? (
        <Alert type="info" showIcon title={t('visit.new.no_community')} />
      ) : (
        <VisitForm places={resource.data} />
      )}
    </Card>
  );
}
