import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';

import { creditCommitmentText, type CreditReceipt } from '../../../contract/credit';
import { useI18n } from '../../i18n/i18n-context';
import { errorText, fieldErrors } from '../../shared/error-text';
import { applyForRepair } from './credit-api';
import { MaterialChecklist } from './material-checklist';
import { useMaterialUploads } from './use-material-uploads';

type Kind = 'person' | 'organisation';

/** The checklist of an applicant kind (src/domain/credit-repair-machine.ts). */
function itemsOf(kind: Kind, byAgent: boolean): string[] {
  const own =
    kind === 'person'
      ? ['application_form', 'commitment_letter', 'identity', 'performance_proof']
      : [
          'application_form',
          'commitment_letter',
          'business_licence',
          'legal_representative',
          'performance_proof',
        ];
  return byAgent ? [...own, 'authorization'] : own;
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  inputMode?: 'tel' | 'text';
}

function TextField({ id, label, value, error, onChange, inputMode = 'text' }: TextFieldProps) {
  return (
    <div className="r-field">
      <label className="r-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="r-input"
        value={value}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
      {error ? <p className="r-field-error">{error}</p> : null}
    </div>
  );
}

function Receipt({ receipt }: { receipt: CreditReceipt }) {
  const { t } = useI18n();
  return (
    <section className="r-card r-done" role="status" data-testid="credit-receipt">
      <h2>{t('credit.apply.done_title')}</h2>
      <p>{t('credit.apply.receipt', { code: receipt.receiptCode })}</p>
      <p className="r-muted">{t('credit.apply.keep_link')}</p>
      <Link className="r-button r-button-primary" to={`/credit/r/${receipt.accessToken}`}>
        {t('credit.apply.open_status')}
      </Link>
    </section>
  );
}

/** The application: the decision, the applicant, the checklist uploads and the commitment. */
export function CreditApplyForm() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [form, setForm] = useState({
    decisionNo: '',
    idNumber: '',
    name: '',
    phone: '',
    agent: '',
  });
  const [kind, setKind] = useState<Kind>('person');
  const [byAgent, setByAgent] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const uploads = useMaterialUploads();
  const [error, setError] = useState<unknown>(null);
  const [receipt, setReceipt] = useState<CreditReceipt | null>(null);
  const set = (key: keyof typeof form) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    applyForRepair({
      decisionNo: form.decisionNo,
      idNumber: form.idNumber,
      applicantKind: kind,
      applicantName: form.name,
      phone: form.phone,
      byAgent,
      ...(byAgent && form.agent ? { agentName: form.agent } : {}),
      commitmentAgreed: agreed,
      materials: uploads.uploaded as never,
    }).then(setReceipt, setError);
  };

  if (receipt) {
    return <Receipt receipt={receipt} />;
  }
  const fields = fieldErrors(locale, error);
  return (
    <section className="r-card" aria-labelledby="cr-apply">
      <h2 id="cr-apply">{t('credit.apply.title')}</h2>
      <form onSubmit={submit} noValidate data-testid="credit-apply-form">
        <TextField
          id="cr-no"
          label={t('credit.field.decision_no')}
          value={form.decisionNo}
          error={fields.decisionNo}
          onChange={set('decisionNo')}
        />
        <fieldset className="cr-fieldset">
          <legend className="r-label">{t('credit.field.applicant_kind')}</legend>
          {(['person', 'organisation'] as const).map((k) => (
            <label key={k} className="cr-choice">
              <input
                type="radio"
                name="applicantKind"
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                }}
              />
              {t(`credit.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <TextField
          id="cr-name"
          label={t(`credit.field.name_${kind}`)}
          value={form.name}
          error={fields.applicantName}
          onChange={set('name')}
        />
        <TextField
          id="cr-id"
          label={t(`credit.field.id_${kind}`)}
          value={form.idNumber}
          error={fields.idNumber}
          onChange={set('idNumber')}
        />
        <TextField
          id="cr-phone"
          label={t('credit.field.phone')}
          value={form.phone}
          error={fields.phone}
          onChange={set('phone')}
          inputMode="tel"
        />
        <label className="cr-choice">
          <input
            type="checkbox"
            checked={byAgent}
            onChange={(e) => {
              setByAgent(e.target.checked);
            }}
          />
          {t('credit.field.by_agent')}
        </label>
        {byAgent ? (
          <TextField
            id="cr-agent"
            label={t('credit.field.agent_name')}
            value={form.agent}
            error={fields.agentName}
            onChange={set('agent')}
          />
        ) : null}
        <h3>{t('credit.apply.materials')}</h3>
        <p className="r-help">{t('credit.apply.materials_help')}</p>
        <MaterialChecklist items={itemsOf(kind, byAgent)} uploads={uploads} />
        {fields.materials ? <p className="r-field-error">{fields.materials}</p> : null}
        <h3>{t('credit.apply.commitment')}</h3>
        <p className="cr-commitment" lang="zh-CN">
          {creditCommitmentText}
        </p>
        <label className="cr-choice">
          <input
            type="checkbox"
            checked={agreed}
            onChange={(e) => {
              setAgreed(e.target.checked);
            }}
            data-testid="credit-agree"
          />
          {t('credit.apply.agree')}
        </label>
        {fields.commitmentAgreed ? (
          <p className="r-field-error">{fields.commitmentAgreed}</p>
        ) : null}
        {error ? (
          <p className="r-form-error" role="alert" data-testid="credit-apply-error">
            {errorText(i18n, error)}
          </p>
        ) : null}
        <button
          type="submit"
          className="r-button r-button-primary r-button-block"
          disabled={uploads.pending}
          data-testid="credit-apply-submit"
        >
          {t(uploads.pending ? 'credit.upload.wait' : 'credit.apply.submit')}
        </button>
      </form>
    </section>
  );
}
