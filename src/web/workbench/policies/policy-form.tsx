import { Button, Form, InputNumber, Select } from 'antd';
import { useState } from 'react';

import type { Matter } from '../../../contract/org';
import type { DeadlinePolicyInput } from '../../../contract/policies';
import { ticketKinds, type TicketKind } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { matterName } from '../../shared/matter-name';
import { ErrorAlert } from '../common/error-alert';
import { postPolicy, type DeadlinePolicies } from './policies-api';

interface PolicyValues {
  kind: TicketKind;
  matterCode?: string;
  firstContactDays: number;
  resolveDays: number;
}

const fields = ['kind', 'matterCode', 'firstContactDays', 'resolveDays'] as const;
/** The bounds of src/contract/policies.ts, checked here first so the answer comes at once. */
const MIN_DAYS = 1;
const MAX_DAYS = 60;

interface PolicyFormProps {
  matters: Matter[] | null;
  onSaved: (policies: DeadlinePolicies) => void;
}

/** Sets a new policy for a kind, or a kind and one matter, in force from the moment it is saved. */
export function PolicyForm({ matters, onSaved }: PolicyFormProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<PolicyValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async (values: PolicyValues) => {
    setBusy(true);
    setError(null);
    const body: DeadlinePolicyInput = {
      kind: values.kind,
      matterCode: values.matterCode ?? null,
      firstContactDays: values.firstContactDays,
      resolveDays: values.resolveDays,
    };
    try {
      const after = await postPolicy(body);
      form.resetFields();
      onSaved(after);
    } catch (failure) {
      const details = failure instanceof ApiError ? failure.details : [];
      const known = details.filter((d) => (fields as readonly string[]).includes(d.field));
      form.setFields(
        known.map((d) => ({
          name: d.field as keyof PolicyValues,
          errors: [locale === 'en' ? d.messageEn || d.message : d.message],
        })),
      );
      // Field messages speak for themselves; anything else (no right, network) goes on top.
      if (known.length === 0 || known.length < details.length) {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const days = [
    { required: true, message: t('policies.field.days_required') },
    {
      type: 'integer' as const,
      min: MIN_DAYS,
      max: MAX_DAYS,
      message: t('policies.field.days_range', { min: MIN_DAYS, max: MAX_DAYS }),
    },
  ];

  return (
    <>
      {error ? (
        <ErrorAlert
          error={error}
          onClose={() => {
            setError(null);
          }}
        />
      ) : null}
      <Form<PolicyValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="wb-narrow-card"
        onFinish={(values) => void save(values)}
        data-testid="policy-form"
      >
        <Form.Item
          name="kind"
          label={t('policies.field.kind')}
          rules={[{ required: true, message: t('policies.field.kind_required') }]}
        >
          <Select<TicketKind>
            data-testid="policy-kind"
            placeholder={t('policies.field.kind_placeholder')}
            options={ticketKinds.map((k) => ({
              value: k,
              label: <span data-testid={`policy-kind-${k}`}>{t(`ticket.kind.${k}`)}</span>,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="matterCode"
          label={t('policies.field.matter')}
          extra={t('policies.field.matter_hint')}
        >
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'search' }}
            loading={matters === null}
            data-testid="policy-matter"
            placeholder={t('policies.all_matters')}
            options={(matters ?? []).map((m) => ({
              value: m.code,
              search: `${m.code} ${m.name} ${m.nameEn}`,
              label: matterName(locale, m),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="firstContactDays"
          label={t('policies.field.first_contact_days')}
          extra={t('policies.field.first_contact_hint')}
          rules={days}
        >
          <InputNumber<number>
            min={MIN_DAYS}
            max={MAX_DAYS}
            precision={0}
            suffix={t('policies.working_days_unit')}
            data-testid="policy-first-contact"
          />
        </Form.Item>
        <Form.Item name="resolveDays" label={t('policies.field.resolve_days')} rules={days}>
          <InputNumber<number>
            min={MIN_DAYS}
            max={MAX_DAYS}
            precision={0}
            suffix={t('policies.working_days_unit')}
            data-testid="policy-resolve"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="policy-save">
          {t('policies.save')}
        </Button>
      </Form>
    </>
  );
}
