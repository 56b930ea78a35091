import { useState } from 'react';

import type { ResidentCreditRepair } from '../../../contract/credit';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import { resubmitMaterials } from './credit-api';
import { MaterialChecklist } from './material-checklist';
import { useMaterialUploads } from './use-material-uploads';

interface CorrectionUploadProps {
  token: string;
  correction: NonNullable<ResidentCreditRepair['correction']>;
  onDone: (updated: ResidentCreditRepair) => void;
}

/** The request for missing materials: what is missing, the officer's note, and their upload. */
export function CorrectionUpload({ token, correction, onDone }: CorrectionUploadProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const uploads = useMaterialUploads();
  const [error, setError] = useState<unknown>(null);
  const send = () => {
    setError(null);
    resubmitMaterials(token, uploads.uploaded).then(onDone, setError);
  };
  return (
    <section
      className="r-card cr-correction"
      aria-labelledby="cr-corr"
      data-testid="credit-correction"
    >
      <h2 id="cr-corr">{t('credit.correction.title')}</h2>
      <p className="r-pre">{correction.note}</p>
      <MaterialChecklist items={correction.items} uploads={uploads} />
      {error ? (
        <p className="r-form-error" role="alert">
          {errorText(i18n, error)}
        </p>
      ) : null}
      <button
        type="button"
        className="r-button r-button-primary r-button-block"
        disabled={uploads.pending || uploads.uploaded.length === 0}
        onClick={send}
        data-testid="credit-resubmit"
      >
        {t('credit.correction.submit')}
      </button>
    </section>
  );
}
