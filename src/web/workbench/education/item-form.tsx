import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select, Space, type FormInstance } from 'antd';
import { useState } from 'react';

import {
  BODY_MAX,
  CAPTION_MAX,
  CASE_TEXT_MAX,
  educationKinds,
  educationTopics,
  SUMMARY_MAX,
  TITLE_MAX,
  videoKinds,
  type EducationKind,
  type WriteItem,
} from '../../../contract/education';
import type { Matter } from '../../../contract/org';
import { useI18n } from '../../i18n/i18n-context';
import { apiGet } from '../../shared/api-client';
import { errorText } from '../../shared/error-text';
import { useResource } from '../../shared/use-resource';
import { previewMarkdown } from './education-api';
import { MediaPicker, UploadButton } from './media-picker';

/** The editor's values: the write form as antd holds it. */
export type ItemValues = WriteItem;

function BodyField({ form }: { form: FormInstance<ItemValues> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [preview, setPreview] = useState<{ html: string } | { error: unknown } | null>(null);
  const showPreview = () => {
    const body = String(form.getFieldValue('body') ?? '');
    previewMarkdown(body).then(setPreview, (error: unknown) => {
      setPreview({ error });
    });
  };
  const insertPicture = (markdown: string) => {
    const body = String(form.getFieldValue('body') ?? '').trimEnd();
    form.setFieldValue('body', `${body}${body ? '\n\n' : ''}${markdown}\n`);
  };
  return (
    <>
      <Form.Item name="body" label={t('education.field.body')} extra={t('education.body_help')}>
        <Input.TextArea rows={12} maxLength={BODY_MAX} data-testid="education-body-input" />
      </Form.Item>
      <Space wrap className="wb-gap">
        <UploadButton
          kind="images"
          label={t('education.media.insert_picture')}
          onUploaded={(media) => {
            insertPicture(media.markdown);
          }}
          testId="education-body-image"
        />
        <Button onClick={showPreview} data-testid="education-preview">
          {t('education.preview')}
        </Button>
      </Space>
      {preview && 'html' in preview ? (
        // The server's rendering (raw HTML off, links and pictures restricted), as the public sees
        // it.
        <div
          className="edu-preview"
          data-testid="education-preview-html"
          dangerouslySetInnerHTML={{ __html: preview.html }}
        />
      ) : null}
      {preview && 'error' in preview ? (
        <Alert type="error" title={errorText(i18n, preview.error)} />
      ) : null}
    </>
  );
}

function SlidesField() {
  const { t } = useI18n();
  return (
    <Form.List name="slides">
      {(fields, { add, remove }) => (
        <div className="wb-gap" data-testid="education-slides">
          {fields.map((field) => (
            <Space key={field.key} align="start" wrap>
              <Form.Item
                name={[field.name, 'mediaId']}
                rules={[{ required: true, message: t('action.field.required') }]}
              >
                <MediaPicker kind="images" testId={`education-slide-${field.name}`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'caption']}
                label={t('education.field.caption')}
                rules={[{ required: true, whitespace: true, message: t('action.field.required') }]}
              >
                <Input maxLength={CAPTION_MAX} />
              </Form.Item>
              <Button
                icon={<MinusCircleOutlined />}
                onClick={() => {
                  remove(field.name);
                }}
              >
                {t('education.remove')}
              </Button>
            </Space>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              add({ caption: '' });
            }}
          >
            {t('education.add_slide')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function CaseFields() {
  const { t } = useI18n();
  return (
    <>
      {(['caseFacts', 'caseHandling', 'caseLegalBasis'] as const).map((name) => (
        <Form.Item key={name} name={name} label={t(`education.field.${name}`)}>
          <Input.TextArea rows={3} maxLength={CASE_TEXT_MAX} data-testid={`education-${name}`} />
        </Form.Item>
      ))}
      <Alert type="info" showIcon className="wb-gap" title={t('education.case_anonymise')} />
    </>
  );
}

function useMatters() {
  const { resource } = useResource('matters', (signal) =>
    apiGet<{ items: Matter[] }>('/api/public/matters', signal),
  );
  return resource.state === 'ready' ? resource.data.items : [];
}

/** The fields of an item; which ones show depends on its kind. */
export function ItemFields({ form }: { form: FormInstance<ItemValues> }) {
  const { t } = useI18n();
  const kind = Form.useWatch('kind', form) as EducationKind | undefined;
  const matters = useMatters();
  const required = { required: true, whitespace: true, message: t('action.field.required') };
  return (
    <>
      <Form.Item name="kind" label={t('education.field.kind')} rules={[required]}>
        <Select
          data-testid="education-kind"
          options={educationKinds.map((k) => ({ value: k, label: t(`education.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('education.field.title')} rules={[required]}>
        <Input maxLength={TITLE_MAX} data-testid="education-title" />
      </Form.Item>
      <Form.Item name="summary" label={t('education.field.summary')}>
        <Input.TextArea rows={2} maxLength={SUMMARY_MAX} data-testid="education-summary" />
      </Form.Item>
      <Form.Item name="topic" label={t('education.field.topic')} rules={[required]}>
        <Select
          data-testid="education-topic"
          options={educationTopics.map((c) => ({
            value: c,
            label: <span data-testid={`topic-option-${c}`}>{t(`education.topic.${c}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item name="matterCode" label={t('education.field.matter')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={matters.map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))}
        />
      </Form.Item>
      {kind && videoKinds.includes(kind) ? (
        <Space wrap align="start">
          <Form.Item name="videoId" label={t('education.field.video')}>
            <MediaPicker kind="videos" testId="education-video-upload" />
          </Form.Item>
          <Form.Item name="posterId" label={t('education.field.poster')}>
            <MediaPicker kind="images" testId="education-poster-upload" />
          </Form.Item>
        </Space>
      ) : null}
      {kind === 'illustrated' ? <SlidesField /> : null}
      {kind === 'typical_case' ? <CaseFields /> : null}
      <BodyField form={form} />
    </>
  );
}
