import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { CreditApplyForm } from './credit-apply-form';
import { CreditCheck } from './credit-check';
import { CreditRules } from './credit-rules';
import './credit.css';

/** /credit — credit repair: the rules, the check of a decision, and the application. */
export function CreditPage() {
  const { t } = useI18n();
  useDocumentTitle('credit.title');
  return (
    <div className="cr-page">
      <section className="r-card" aria-labelledby="cr-title">
        <h1 id="cr-title">{t('credit.title')}</h1>
        <p>{t('credit.lead')}</p>
      </section>
      <CreditRules />
      <CreditCheck />
      <CreditApplyForm />
    </div>
  );
}
