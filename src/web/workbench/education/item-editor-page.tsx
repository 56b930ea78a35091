import { Alert, Button, Card, Descriptions, Form, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';

import { videoKinds, type StaffItem, type WriteItem } from '../../../contract/education';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { showNestedFieldErrors } from '../visits/field-errors';
import { fetchItem, saveItem } from './education-api';
import { ItemFields, type ItemValues } from './item-form';
import { ReviewActions } from './review-actions';
import './education.css';

const formFields = [
  'kind',
  'title',
  'summary',
  'body',
  'topic',
  'matterCode',
  'slides',
  'videoId',
  'posterId',
  'caseFacts',
  'caseHandling',
  'caseLegalBasis',
];

function valuesOf(item: StaffItem | null): Partial<ItemValues> {
  if (!item) {
    return { kind: 'article', body: '', summary: '', slides: [] };
  }
  return {
    kind: item.kind,
    title: item.title,
    summary: item.summary,
    body: item.body,
    topic: item.topic,
    matterCode: item.matterCode,
    slides: item.slides.map((s) => ({ mediaId: s.mediaId, caption: s.caption })),
    videoId: item.video?.videoId ?? null,
    posterId: item.video?.posterId ?? null,
    caseFacts: item.typicalCase?.facts ?? null,
    caseHandling: item.typicalCase?.handling ?? null,
    caseLegalBasis: item.typicalCase?.legalBasis ?? null,
  };
}

function bodyOf(v: ItemValues): WriteItem {
  const isVideo = videoKinds.includes(v.kind);
  const isCase = v.kind === 'typical_case';
  const text = (s: string | null | undefined) => (s?.trim() ? s : null);
  return {
    ...v,
    summary: v.summary ?? '',
    body: v.body ?? '',
    matterCode: v.matterCode ?? null,
    slides: v.kind === 'illustrated' ? (v.slides ?? []) : [],
    videoId: isVideo ? (v.videoId ?? null) : null,
    posterId: isVideo ? (v.posterId ?? null) : null,
    caseFacts: isCase ? text(v.caseFacts) : null,
    caseHandling: isCase ? text(v.caseHandling) : null,
    caseLegalBasis: isCase ? text(v.caseLegalBasis) : null,
  };
}

function ItemEditor({
  item,
  onSaved,
}: {
  item: StaffItem | null;
  onSaved: (i: StaffItem) => void;
}) {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const [form] = Form.useForm<ItemValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = async (values: ItemValues) => {
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await saveItem(item?.id ?? null, bodyOf(values)));
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
  return (
    <Form<ItemValues>
      form={form}
      layout="vertical"
      initialValues={valuesOf(item)}
      onFinish={(v) => void submit(v)}
    >
      {failure ? <ErrorAlert error={failure} /> : null}
      <ItemFields form={form} />
      <Button type="primary" htmlType="submit" loading={busy} data-testid="education-save">
        {t('education.save')}
      </Button>
    </Form>
  );
}

function ItemFacts({ item }: { item: StaffItem }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} className="wb-gap">
      <Descriptions.Item label={t('education.field.status')}>
        <Tag data-testid="education-status">{t(`education.status.${item.status}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('education.field.author')}>{item.author.name}</Descriptions.Item>
      <Descriptions.Item label={t('education.field.reviewer')}>
        {item.reviewer?.name ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('education.field.published')}>
        {formatDateTime(item.publishedAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('education.field.views')}>{item.viewCount}</Descriptions.Item>
    </Descriptions>
  );
}

/** /workbench/education/new and /workbench/education/:id — write, preview, submit and review. */
export function ItemEditorPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  useDocumentTitle(id ? 'education.edit_title' : 'education.new');
  const { resource, replace } = useStaffResource(`education-item/${id ?? 'new'}`, (signal) =>
    id ? fetchItem(id, signal) : Promise.resolve(null),
  );
  if (resource.state === 'loading') {
    return <Spin size="large" className="wb-center" />;
  }
  if (resource.state === 'failed') {
    return <ErrorAlert error={resource.error} />;
  }
  const item = resource.data;
  const saved = (next: StaffItem) => {
    if (item) {
      replace(next);
    } else {
      void navigate(`/workbench/education/${next.id}`);
    }
  };
  return (
    <Card title={item ? item.title : t('education.new')} data-testid="education-editor">
      {item ? <ItemFacts item={item} /> : null}
      {item?.returnReason && item.status === 'draft' ? (
        <Alert
          type="warning"
          showIcon
          className="wb-gap"
          title={t('education.returned', { reason: item.returnReason })}
          data-testid="education-return-reason"
        />
      ) : null}
      {item ? <ReviewActions item={item} onChanged={replace} /> : null}
      {!item || item.canEdit ? (
        <ItemEditor key={item?.updatedAt ?? 'new'} item={item} onSaved={saved} />
      ) : (
        <div
          className="edu-preview"
          data-testid="education-readonly-body"
          dangerouslySetInnerHTML={{ __html: item.bodyHtml }}
        />
      )}
    </Card>
  );
}
