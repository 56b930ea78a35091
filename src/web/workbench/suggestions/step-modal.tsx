import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';

import {
  adoptionLevels,
  conversionTypes,
  FEEDBACK_MAX,
  HANDLING_NOTES_MAX,
  HANDLING_UNIT_MAX,
  type StaffSuggestion,
  type SuggestionStep,
} from '../../../contract/suggestions';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { ErrorAlert } from '../common/error-alert';
import { codePointCount, textRules } from '../ticket/text-rules';
import { postStep } from './suggestions-api';

interface StepModalProps {
  suggestion: StaffSuggestion;
  step: SuggestionStep;
  onClose: () => void;
  onDone: (updated: StaffSuggestion) => void;
}

type Values = Record<string, string | undefined>;

function HandleFields({ t }: { t: Translate }) {
  return (
    <>
      <Form.Item
        name="handlingUnit"
        label={t('suggestion.field.handling_unit')}
        rules={textRules(t, HANDLING_UNIT_MAX, true)}
      >
        <Input data-testid="step-handling-unit" />
      </Form.Item>
      <Form.Item
        name="notes"
        label={t('suggestion.field.handling_notes')}
        rules={textRules(t, HANDLING_NOTES_MAX, true)}
      >
        <Input.TextArea
          rows={4}
          count={codePointCount(HANDLING_NOTES_MAX)}
          data-testid="step-notes"
        />
      </Form.Item>
    </>
  );
}

function DecideFields({ t }: { t: Translate }) {
  return (
    <>
      <Form.Item
        name="adoptionLevel"
        label={t('suggestion.field.adoption')}
        rules={[{ required: true, message: t('action.field.required') }]}
      >
        <Select
          options={adoptionLevels.map((l) => ({ value: l, label: t(`suggest.level.${l}`) }))}
          data-testid="step-adoption"
        />
      </Form.Item>
      <Form.Item name="conversionType" label={t('suggestion.field.conversion')}>
        <Select
          allowClear
          options={conversionTypes.map((c) => ({
            value: c,
            label: t(`suggestion.conversion.${c}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="feedback"
        label={t('suggestion.field.feedback')}
        extra={t('suggestion.decide.feedback_help')}
        rules={textRules(t, FEEDBACK_MAX, true)}
      >
        <Input.TextArea rows={5} count={codePointCount(FEEDBACK_MAX)} data-testid="step-feedback" />
      </Form.Item>
    </>
  );
}

function ClaimFields({ t }: { t: Translate }) {
  return (
    <>
      <Form.Item
        name="reason"
        label={t('suggestion.field.claim_reason')}
        rules={textRules(t, 500, true)}
      >
        <Input.TextArea rows={3} data-testid="step-claim-reason" />
      </Form.Item>
      <Form.Item
        name="buildingCode"
        label={t('suggestion.field.building_code')}
        extra={t('suggestion.claim.building_help')}
      >
        <Input data-testid="step-building-code" />
      </Form.Item>
      <Form.Item name="kind" label={t('suggestion.field.ticket_kind')}>
        <Select
          allowClear
          options={(['help', 'complaint', 'report'] as const).map((k) => ({
            value: k,
            label: t(`ticket.kind.${k}`),
          }))}
        />
      </Form.Item>
    </>
  );
}

function bodyOf(step: SuggestionStep, v: Values): object {
  switch (step) {
    case 'accept':
      return {};
    case 'handle':
      return { handlingUnit: v.handlingUnit, notes: v.notes };
    case 'decide':
      return {
        adoptionLevel: v.adoptionLevel,
        feedback: v.feedback,
        ...(v.conversionType ? { conversionType: v.conversionType } : {}),
      };
    case 'personal_claim':
      return {
        reason: v.reason,
        ...(v.buildingCode?.trim()
          ? { ticket: { buildingCode: v.buildingCode.trim(), kind: v.kind ?? 'help' } }
          : {}),
      };
  }
}

/** The form of one step: handling unit and notes, the adoption decision, or a personal claim. */
export function StepModal({ suggestion, step, onClose, onDone }: StepModalProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await postStep(suggestion.id, step, bodyOf(step, values)));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t(`suggestion.step.${step}`)}
      okText={t('suggestion.step.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'step-ok' }}
      data-testid="step-modal"
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          handlingUnit: suggestion.handlingUnit ?? '',
          notes: suggestion.handlingNotes ?? '',
        }}
        onFinish={(values) => void save(values)}
      >
        {step === 'accept' ? <p>{t('suggestion.accept.confirm')}</p> : null}
        {step === 'handle' ? <HandleFields t={t} /> : null}
        {step === 'decide' ? <DecideFields t={t} /> : null}
        {step === 'personal_claim' ? <ClaimFields t={t} /> : null}
      </Form>
    </Modal>
  );
}
