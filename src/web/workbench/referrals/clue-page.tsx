import { Button, Card, Form, Input, Radio, Result, Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';

import type { Matter } from '../../../contract/org';
import type { BuildingOption, ClueReceipt, SubmitClue } from '../../../contract/referrals';
import { DESCRIPTION_MAX, ticketKinds } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime } from '../../shared/format-date';
import { randomUuid } from '../../shared/random-uuid';
import { useDocumentTitle } from '../../shared/use-document-title';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { codePointCount, textRules } from '../ticket/text-rules';
import { showFieldErrors } from './form-errors';
import { PhotoUploadField } from './photo-upload-field';
import { fetchMatterCatalogue, postClue, searchBuildings } from './referrals-api';
import './referrals.css';

type Values = Omit<SubmitClue, 'photoIds' | 'placardToken'> & { photoIds?: string[] };

/** A building picker that searches by name, address or community as the user types. */
function BuildingSelect(props: { value?: string; onChange?: (code: string) => void }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<BuildingOption[]>([]);
  const latest = useRef<AbortController | null>(null);
  const search = (text: string) => {
    latest.current?.abort();
    if (text.trim().length === 0) {
      return;
    }
    const controller = new AbortController();
    latest.current = controller;
    searchBuildings(text.trim(), controller.signal).then(setOptions, () => undefined);
  };
  return (
    <Select
      {...props}
      showSearch={{ filterOption: false, onSearch: search }}
      placeholder={t('clue.field.building_placeholder')}
      notFoundContent={t('clue.field.building_none')}
      data-testid="clue-building"
      options={options.map((b) => ({
        value: b.code,
        label: (
          <span data-testid={`building-${b.code}`}>
            {t('clue.building_option', {
              building: b.name,
              community: b.community,
              street: b.street,
            })}
          </span>
        ),
      }))}
    />
  );
}

/** /workbench/clues/new — a department sends a clue; it becomes a ticket for the liaison. */
export function CluePage() {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const [form] = Form.useForm<Values>();
  const [matters, setMatters] = useState<Matter[]>([]);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<ClueReceipt | null>(null);
  const [round, setRound] = useState(0);
  // One key per filled-in form: a double click or a retry files the clue once.
  const key = useRef(randomUuid());
  useDocumentTitle('menu.clue');

  useEffect(() => {
    fetchMatterCatalogue().then(setMatters, () => {
      setMatters([]);
    });
  }, []);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      setReceipt(await postClue({ ...values, photoIds: values.photoIds ?? [] }, key.current));
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

  if (receipt) {
    return (
      <Card>
        <Result
          status="success"
          title={t('clue.done.title')}
          subTitle={t('clue.done.body', {
            code: receipt.trackingCode,
            due: formatDateTime(receipt.resolveDueAt),
          })}
          extra={
            <Button
              type="primary"
              onClick={() => {
                key.current = randomUuid();
                setReceipt(null);
                setRound((n) => n + 1);
              }}
              data-testid="clue-another"
            >
              {t('clue.done.another')}
            </Button>
          }
        />
        <Typography.Paragraph className="wb-center-text" data-testid="clue-tracking-code">
          {receipt.trackingCode}
        </Typography.Paragraph>
      </Card>
    );
  }

  const required = { required: true, message: t('action.field.required') };
  return (
    <Card title={t('menu.clue')} data-testid="clue-form">
      <Typography.Paragraph type="secondary">{t('clue.lead')}</Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values>
        key={round}
        form={form}
        layout="vertical"
        initialValues={{ kind: 'report' }}
        onFinish={(values) => void submit(values)}
        className="wb-narrow-form"
      >
        <Form.Item name="buildingCode" label={t('clue.field.building')} rules={[required]}>
          <BuildingSelect />
        </Form.Item>
        <Form.Item name="kind" label={t('ticket.field.kind')} rules={[required]}>
          <Radio.Group
            optionType="button"
            options={ticketKinds.map((k) => ({ value: k, label: t(`ticket.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="matterCode" label={t('ticket.field.matter')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('clue.field.matter_placeholder')}
            data-testid="clue-matter"
            options={matters.map((m) => ({
              value: m.code,
              label: locale === 'en' ? m.nameEn : m.name,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('ticket.field.description')}
          rules={textRules(t, DESCRIPTION_MAX, true)}
        >
          <Input.TextArea
            rows={5}
            count={codePointCount(DESCRIPTION_MAX)}
            data-testid="clue-description"
          />
        </Form.Item>
        <Form.Item name="photoIds" label={t('referral.field.photos')}>
          <PhotoUploadField
            target="/api/dept/photos"
            onPending={setUploading}
            testId="clue-photos"
          />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            disabled={uploading}
            data-testid="clue-submit"
          >
            {t('clue.submit')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
