import { Checkbox, Form, Input, Radio, Select, Switch } from 'antd';

import type { Mediation } from '../../../contract/mediation-views';
import {
  followupKinds,
  MEDIATION_SHORT_MAX,
  MEDIATION_TEXT_MAX,
  performanceResults,
  type MediationStep,
} from '../../../contract/mediations';
import { useI18n } from '../../i18n/i18n-context';
import { codePointCount, textRules } from '../ticket/text-rules';

function LongText({
  name,
  label,
  max,
  required = true,
}: {
  name: string;
  label: string;
  max: number;
  required?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} rules={textRules(t, max, required)}>
      <Input.TextArea rows={4} count={codePointCount(max)} data-testid={`field-${name}`} />
    </Form.Item>
  );
}

function DateField({
  name,
  label,
  required = true,
  extra,
}: {
  name: string;
  label: string;
  required?: boolean;
  extra?: string;
}) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={required ? [{ required: true, message: t('action.field.required') }] : []}
    >
      <Input type="date" data-testid={`field-${name}`} />
    </Form.Item>
  );
}

function SessionFields({ mediation: m }: { mediation: Mediation }) {
  const { t } = useI18n();
  const required = { required: true, message: t('action.field.required') };
  return (
    <>
      <Form.Item name="heldAt" label={t('mediation.session.held_at')} rules={[required]}>
        <Input type="datetime-local" data-testid="field-heldAt" />
      </Form.Item>
      <Form.Item
        name="place"
        label={t('mediation.session.place')}
        rules={textRules(t, MEDIATION_SHORT_MAX, true)}
      >
        <Input data-testid="field-place" />
      </Form.Item>
      <Form.Item
        name={['attendees', 'parties']}
        label={t('mediation.session.parties')}
        rules={[required]}
      >
        <Checkbox.Group
          options={m.parties.map((p) => ({
            value: p.index,
            label: `${t(`mediation.role.${p.role}`)} ${p.nameMasked}`,
          }))}
          data-testid="field-attendee-parties"
        />
      </Form.Item>
      <Form.Item name={['attendees', 'mediators']} label={t('mediation.session.mediators')}>
        <Checkbox.Group
          options={m.mediators.map((r) => ({ value: r.index, label: r.name }))}
          data-testid="field-attendee-mediators"
        />
      </Form.Item>
      <Form.Item
        name={['attendees', 'others']}
        label={t('mediation.session.others')}
        rules={textRules(t, MEDIATION_SHORT_MAX, false)}
      >
        <Input data-testid="field-others" />
      </Form.Item>
      <LongText name="notes" label={t('mediation.session.notes')} max={MEDIATION_TEXT_MAX} />
      <Form.Item
        name="publicSession"
        label={t('mediation.session.public')}
        valuePropName="checked"
        extra={t('mediation.session.public_hint')}
      >
        <Switch data-testid="field-publicSession" />
      </Form.Item>
    </>
  );
}

function FollowupFields({ prefix, required }: { prefix: string[]; required: boolean }) {
  const { t } = useI18n();
  const kind = Form.useWatch([...prefix, 'kind']) as string | undefined;
  const rule = { required: true, message: t('action.field.required') };
  return (
    <>
      <Form.Item
        name={[...prefix, 'kind']}
        label={t('mediation.followup.kind')}
        rules={required ? [rule] : []}
      >
        <Select
          allowClear={!required}
          data-testid="field-followup-kind"
          options={followupKinds.map((k) => ({ value: k, label: t(`mediation.followup.${k}`) }))}
        />
      </Form.Item>
      {kind || required ? (
        <Form.Item
          name={[...prefix, 'id']}
          label={t('mediation.followup.id')}
          extra={t('mediation.followup.id_hint')}
          rules={[rule]}
        >
          <Input data-testid="field-followup-id" />
        </Form.Item>
      ) : null}
    </>
  );
}

/** The fields of one step's form. */
export function StepFields({ step, mediation }: { step: MediationStep; mediation: Mediation }) {
  const { t } = useI18n();
  switch (step) {
    case 'add_session':
      return <SessionFields mediation={mediation} />;
    case 'record_written':
      return (
        <>
          <LongText
            name="responsibilities"
            label={t('mediation.written.responsibilities')}
            max={MEDIATION_TEXT_MAX}
          />
          <LongText name="terms" label={t('mediation.written.terms')} max={MEDIATION_TEXT_MAX} />
          <Form.Item
            name="performanceManner"
            label={t('mediation.written.manner')}
            rules={textRules(t, MEDIATION_SHORT_MAX, true)}
          >
            <Input data-testid="field-performanceManner" />
          </Form.Item>
          <DateField name="performanceDeadline" label={t('mediation.written.deadline')} />
          <DateField name="signedOn" label={t('mediation.written.signed_on')} />
          <DateField
            name="checkOn"
            label={t('mediation.check.due_on')}
            required={false}
            extra={t('mediation.check.default_hint')}
          />
        </>
      );
    case 'record_oral':
      return (
        <>
          <LongText name="content" label={t('mediation.oral.content')} max={MEDIATION_TEXT_MAX} />
          <DateField name="agreedOn" label={t('mediation.oral.agreed_on')} />
          <DateField
            name="performanceDeadline"
            label={t('mediation.written.deadline')}
            required={false}
          />
          <DateField
            name="checkOn"
            label={t('mediation.check.due_on')}
            required={false}
            extra={t('mediation.check.default_hint')}
          />
        </>
      );
    case 'end':
      return (
        <>
          <LongText name="reason" label={t('mediation.end.reason')} max={MEDIATION_SHORT_MAX * 5} />
          <Form.Item
            name="routesExplained"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) =>
                  v === true
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('mediation.end.routes_required'))),
              },
            ]}
          >
            <Checkbox data-testid="field-routesExplained">
              {t('mediation.end.routes_confirm')}
            </Checkbox>
          </Form.Item>
          <FollowupFields prefix={['followup']} required={false} />
        </>
      );
    case 'schedule_check':
      return <DateField name="checkOn" label={t('mediation.check.due_on')} />;
    case 'record_check':
      return (
        <>
          <Form.Item
            name="result"
            label={t('mediation.check.result')}
            rules={[{ required: true, message: t('action.field.required') }]}
          >
            <Radio.Group
              optionType="button"
              data-testid="field-result"
              options={performanceResults.map((r) => ({
                value: r,
                label: <span data-testid={`result-${r}`}>{t(`mediation.result.${r}`)}</span>,
              }))}
            />
          </Form.Item>
          <LongText
            name="note"
            label={t('mediation.check.note')}
            max={MEDIATION_SHORT_MAX * 5}
            required={false}
          />
        </>
      );
    case 'set_followup':
      return <FollowupFields prefix={[]} required />;
  }
}
