import { Checkbox, Form, Input, Radio, Select } from 'antd';

import {
  CASE_TEXT_MAX,
  deliveryMethods,
  followUpResults,
  PLACE_MAX,
  type CaseStep,
} from '../../../contract/cases';
import { type StaffCase } from '../../../contract/case-views';
import { REASON_MAX } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { codePointCount, textRules } from '../ticket/text-rules';
import { DateField, yuanRule } from './date-field';
import { DecideFields } from './decide-fields';

function TextField({
  name,
  label,
  max,
  required,
}: {
  name: string;
  label: string;
  max: number;
  required: boolean;
}) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} rules={textRules(t, max, required)}>
      <Input.TextArea rows={3} count={codePointCount(max)} data-testid={`field-${name}`} />
    </Form.Item>
  );
}

function NotifyFields() {
  const { t } = useI18n();
  return (
    <>
      <DateField name="deliveredOn" label={t('case.field.notice_delivered_on')} />
      <Form.Item
        name="proposedFineFen"
        label={t('case.field.proposed_fine')}
        rules={[
          { required: true, message: t('action.field.required') },
          yuanRule(t('case.field.yuan_format')),
        ]}
      >
        <Input
          inputMode="decimal"
          suffix={t('case.yuan_unit')}
          data-testid="field-proposedFineFen"
        />
      </Form.Item>
      <Form.Item
        name="hearingRight"
        valuePropName="checked"
        extra={t('case.field.hearing_right_help')}
      >
        <Checkbox data-testid="field-hearingRight">{t('case.field.hearing_right')}</Checkbox>
      </Form.Item>
      <TextField
        name="summary"
        label={t('case.field.notice_summary')}
        max={CASE_TEXT_MAX}
        required
      />
    </>
  );
}

function ExecutionFields({ step }: { step: CaseStep }) {
  const { t } = useI18n();
  const required = { required: true, message: t('action.field.required') };
  switch (step) {
    case 'deliver':
      return (
        <>
          <DateField name="deliveredOn" label={t('case.field.delivered_on')} />
          <Form.Item name="method" label={t('case.field.delivery_method')} rules={[required]}>
            <Select
              data-testid="field-method"
              options={deliveryMethods.map((m) => ({
                value: m,
                label: <span data-testid={`method-${m}`}>{t(`case.delivery.${m}`)}</span>,
              }))}
            />
          </Form.Item>
        </>
      );
    case 'record_payment':
      return (
        <>
          <DateField name="paidOn" label={t('action.field.paidOn')} />
          <Form.Item name="receiptNo" label={t('case.field.receipt_no')}>
            <Input data-testid="field-receiptNo" />
          </Form.Item>
        </>
      );
    case 'apply_court':
      return (
        <>
          <DateField name="appliedOn" label={t('action.field.appliedOn')} />
          <TextField name="note" label={t('action.field.note')} max={REASON_MAX} required={false} />
        </>
      );
    default:
      return (
        <>
          <DateField name="checkedOn" label={t('action.field.checkedOn')} />
          <Form.Item name="result" label={t('case.field.follow_up_result')} rules={[required]}>
            <Radio.Group
              options={followUpResults.map((r) => ({
                value: r,
                label: <span data-testid={`result-${r}`}>{t(`case.follow_up.${r}`)}</span>,
              }))}
            />
          </Form.Item>
          <TextField name="note" label={t('case.field.follow_up_note')} max={REASON_MAX} required />
        </>
      );
  }
}

/** The fields of one case step, named as the server names them. */
export function CaseStepFields({ step, c }: { step: CaseStep; c: StaffCase }) {
  const { t } = useI18n();
  switch (step) {
    case 'investigate':
    case 'close':
      return (
        <TextField name="note" label={t('action.field.note')} max={REASON_MAX} required={false} />
      );
    case 'cancel':
      return <TextField name="reason" label={t('action.field.reason')} max={REASON_MAX} required />;
    case 'notify':
      return <NotifyFields />;
    case 'record_statement':
      return (
        <>
          <TextField name="text" label={t('case.field.statement')} max={CASE_TEXT_MAX} required />
          {c.notice?.hearingRight && !c.hearing.requestedOn ? (
            <Form.Item name="waivesHearing" valuePropName="checked">
              <Checkbox data-testid="field-waivesHearing">
                {t('case.field.waives_hearing')}
              </Checkbox>
            </Form.Item>
          ) : null}
        </>
      );
    case 'request_hearing':
      return <DateField name="requestedOn" label={t('action.field.requestedOn')} />;
    case 'schedule_hearing':
      return (
        <>
          <DateField name="noticeOn" label={t('action.field.noticeOn')} />
          <DateField name="hearingOn" label={t('action.field.hearingOn')} />
          <Form.Item
            name="place"
            label={t('case.field.hearing_place')}
            rules={textRules(t, PLACE_MAX, true)}
          >
            <Input data-testid="field-place" />
          </Form.Item>
        </>
      );
    case 'hold_hearing':
      return (
        <>
          <DateField name="heldOn" label={t('action.field.heldOn')} />
          <TextField
            name="record"
            label={t('case.field.hearing_record')}
            max={CASE_TEXT_MAX}
            required
          />
        </>
      );
    case 'legal_review':
      return (
        <>
          <Form.Item
            name="approved"
            label={t('case.field.review_result')}
            rules={[{ required: true, message: t('action.field.required') }]}
          >
            <Radio.Group
              options={[
                {
                  value: true,
                  label: <span data-testid="review-approved">{t('case.review.approved')}</span>,
                },
                {
                  value: false,
                  label: <span data-testid="review-rejected">{t('case.review.rejected')}</span>,
                },
              ]}
            />
          </Form.Item>
          <TextField
            name="opinion"
            label={t('case.field.review_opinion')}
            max={CASE_TEXT_MAX}
            required
          />
        </>
      );
    case 'decide':
      return <DecideFields c={c} />;
    default:
      return <ExecutionFields step={step} />;
  }
}
