import { Button, Checkbox, Collapse, Form, InputNumber, Modal, Radio, Space, Table } from 'antd';
import { useState } from 'react';

import { dayUnits, type CaseRulesBody } from '../../../contract/cases';
import { useI18n } from '../../i18n/i18n-context';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchCaseRules, putCaseRules } from './cases-api';
import { fenToYuan } from './money';

const limitKeys = ['decision', 'hearingRequest', 'hearingNotice', 'delivery', 'payment'] as const;

interface Values {
  limits: Record<(typeof limitKeys)[number], { days: number; unit: 'calendar' | 'working' }>;
  surchargePercent: number;
  personYuan: number;
  organisationYuan: number;
  afterHearing: boolean;
}

function toValues(rules: CaseRulesBody): Values {
  return {
    limits: Object.fromEntries(limitKeys.map((k) => [k, rules[k]])) as Values['limits'],
    surchargePercent: rules.surchargeBasisPointsPerDay / 100,
    personYuan: rules.legalReview.personFen / 100,
    organisationYuan: rules.legalReview.organisationFen / 100,
    afterHearing: rules.legalReview.afterHearing,
  };
}

function toRules(values: Values): CaseRulesBody {
  return {
    ...values.limits,
    surchargeBasisPointsPerDay: Math.round(values.surchargePercent * 100),
    legalReview: {
      personFen: Math.round(values.personYuan * 100),
      organisationFen: Math.round(values.organisationYuan * 100),
      afterHearing: values.afterHearing,
    },
  };
}

function RulesForm({
  rules,
  onSaved,
  onClose,
}: {
  rules: CaseRulesBody;
  onSaved: (r: CaseRulesBody) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async (values: Values) => {
    setBusy(true);
    try {
      onSaved(await putCaseRules(toRules(values)));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={640}
      title={t('case.rules.edit')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(rules)}
        onFinish={(v) => void save(v)}
      >
        {limitKeys.map((k) => (
          <Space key={k} align="baseline" wrap>
            <Form.Item
              name={['limits', k, 'days']}
              label={t(`case.rules.${k}`)}
              rules={[{ required: true, message: t('action.field.required') }]}
            >
              <InputNumber min={1} max={365} precision={0} data-testid={`rules-${k}-days`} />
            </Form.Item>
            <Form.Item name={['limits', k, 'unit']}>
              <Radio.Group
                options={dayUnits.map((u) => ({ value: u, label: t(`case.unit.${u}`) }))}
              />
            </Form.Item>
          </Space>
        ))}
        <Form.Item name="surchargePercent" label={t('case.rules.surcharge')}>
          <InputNumber min={0} max={100} step={0.01} precision={2} suffix="%" />
        </Form.Item>
        <Form.Item name="personYuan" label={t('case.rules.review_person')}>
          <InputNumber min={0.01} precision={2} suffix={t('case.yuan_unit')} />
        </Form.Item>
        <Form.Item name="organisationYuan" label={t('case.rules.review_organisation')}>
          <InputNumber min={0.01} precision={2} suffix={t('case.yuan_unit')} />
        </Form.Item>
        <Form.Item name="afterHearing" valuePropName="checked">
          <Checkbox>{t('case.rules.review_hearing')}</Checkbox>
        </Form.Item>
        <Space className="wb-modal-footer">
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('case.rules.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

/** The rules of the case clock in force, with their sources; the bureau admin can change them. */
export function CaseRulesPanel() {
  const { t } = useI18n();
  const me = useMe();
  const { resource, replace } = useStaffResource('case-rules', (signal) => fetchCaseRules(signal));
  const [editing, setEditing] = useState(false);
  if (resource.state !== 'ready') {
    return null;
  }
  const rules = resource.data;
  const rows = [
    ...limitKeys.map((k) => ({
      key: k,
      rule: t('case.limits.rule_by', {
        days: rules[k].days,
        unit: t(`case.unit.${rules[k].unit}`),
      }),
    })),
    {
      key: 'surcharge',
      rule: t('case.rules.surcharge_value', { percent: rules.surchargeBasisPointsPerDay / 100 }),
    },
    {
      key: 'review',
      rule: t('case.rules.review_value', {
        person: fenToYuan(rules.legalReview.personFen),
        organisation: fenToYuan(rules.legalReview.organisationFen),
      }),
    },
  ];
  return (
    <>
      <Collapse
        className="wb-gap"
        data-testid="case-rules"
        items={[
          {
            key: 'rules',
            label: t('case.rules.title'),
            extra:
              me.role === 'bureau_admin' ? (
                <Button
                  size="small"
                  onClick={(event) => {
                    event.stopPropagation();
                    setEditing(true);
                  }}
                  data-testid="case-rules-edit"
                >
                  {t('case.rules.edit')}
                </Button>
              ) : null,
            children: (
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={rows}
                columns={[
                  {
                    key: 'name',
                    title: t('case.limits.name'),
                    render: (_, r) => t(`case.rules.${r.key}`),
                  },
                  { key: 'rule', title: t('case.limits.rule'), dataIndex: 'rule' },
                  {
                    key: 'source',
                    title: t('case.rules.source'),
                    render: (_, r) => t(`case.rules.source_${r.key}`),
                  },
                ]}
              />
            ),
          },
        ]}
      />
      {editing ? (
        <RulesForm
          rules={rules}
          onClose={() => {
            setEditing(false);
          }}
          onSaved={(saved) => {
            replace(saved);
            setEditing(false);
          }}
        />
      ) : null}
    </>
  );
}
