import { Alert, Checkbox, Form, Input, Radio, Select } from 'antd';

import {
  CASE_TEXT_MAX,
  decisionKinds,
  educationForms,
  nonPenaltyClauses,
} from '../../../contract/cases';
import { type StaffCase } from '../../../contract/case-views';
import { useI18n } from '../../i18n/i18n-context';
import { codePointCount, textRules } from '../ticket/text-rules';
import { DateField, yuanRule } from './date-field';
import { fineRangeRule } from './fine-rule';
import { fenToYuan } from './money';

/**
 * The decision: a fine inside the matter's range, or no penalty (Administrative Penalty Law, Art
 * 33).
 */
export function DecideFields({ c }: { c: StaffCase }) {
  const { t } = useI18n();
  const kind = Form.useWatch('kind') as string | undefined;
  const required = { required: true, message: t('action.field.required') };
  const ranges = c.matter.fineRanges.filter((r) => r.partyKind === c.party.kind);
  const hasSerious = ranges.some((r) => r.circumstance === 'serious');
  return (
    <>
      <Form.Item name="kind" label={t('case.field.decision_kind')} rules={[required]}>
        <Radio.Group
          optionType="button"
          options={decisionKinds.map((k) => ({
            value: k,
            // A penalty needs the notice first (Art 44); a no-penalty decision does not.
            disabled: k === 'penalty' && c.status !== 'notified',
            label: <span data-testid={`decision-kind-${k}`}>{t(`case.decision_kind.${k}`)}</span>,
          }))}
        />
      </Form.Item>
      <DateField name="decidedOn" label={t('action.field.decidedOn')} />
      <Form.Item
        name="decisionNo"
        label={t('case.field.decision_no')}
        rules={textRules(t, 64, true)}
      >
        <Input data-testid="field-decisionNo" />
      </Form.Item>
      {kind === 'penalty' ? (
        <>
          <Alert
            type={ranges.length > 0 ? 'info' : 'warning'}
            showIcon
            className="wb-gap"
            data-testid="decide-range"
            title={
              ranges.length > 0
                ? ranges
                    .map((r) =>
                      t('case.range.short', {
                        circumstance: t(`case.circumstance.${r.circumstance}`),
                        min: fenToYuan(r.minFen),
                        max: fenToYuan(r.maxFen),
                      }),
                    )
                    .join('；')
                : t('case.range.none')
            }
          />
          <Form.Item
            name="fineFen"
            label={t('case.field.fine_yuan')}
            dependencies={['serious']}
            rules={[required, yuanRule(t('case.field.yuan_format')), fineRangeRule(t, ranges)]}
          >
            <Input inputMode="decimal" suffix={t('case.yuan_unit')} data-testid="field-fineFen" />
          </Form.Item>
          {hasSerious ? (
            <Form.Item name="serious" valuePropName="checked">
              <Checkbox data-testid="field-serious">{t('case.field.serious')}</Checkbox>
            </Form.Item>
          ) : null}
        </>
      ) : null}
      {kind === 'no_penalty' ? (
        <>
          <Alert
            type={c.history.firstViolation ? 'success' : 'warning'}
            showIcon
            className="wb-gap"
            title={t(c.history.firstViolation ? 'case.history.first' : 'case.history.not_first')}
          />
          <Form.Item name="clause" label={t('action.field.clause')} rules={[required]}>
            <Select
              data-testid="field-clause"
              options={nonPenaltyClauses.map((cl) => ({
                value: cl,
                label: <span data-testid={`clause-${cl}`}>{t(`case.clause.${cl}`)}</span>,
              }))}
            />
          </Form.Item>
          <Form.Item name="educationForm" label={t('case.field.education_form')} rules={[required]}>
            <Select
              data-testid="field-educationForm"
              options={educationForms.map((f) => ({
                value: f,
                label: <span data-testid={`education-${f}`}>{t(`case.education.${f}`)}</span>,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="educationContent"
            label={t('case.field.education_content')}
            rules={textRules(t, CASE_TEXT_MAX, true)}
          >
            <Input.TextArea
              rows={3}
              count={codePointCount(CASE_TEXT_MAX)}
              data-testid="field-educationContent"
            />
          </Form.Item>
          <DateField name="correctionDueOn" label={t('action.field.correctionDueOn')} />
          <DateField name="followUpOn" label={t('action.field.followUpOn')} />
        </>
      ) : null}
    </>
  );
}
