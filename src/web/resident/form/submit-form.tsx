import { useState, type SyntheticEvent } from 'react';

import type { Placard } from '../../../contract/org';
import { DESCRIPTION_MAX, type Receipt, type TicketKind } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { errorText, fieldErrors } from '../../shared/error-text';
import { DescriptionField } from './description-field';
import { KindChooser } from './kind-chooser';
import { MatterSelect } from './matter-select';
import { ContactField } from './contact-field';
import { PhotoPicker } from './photo-picker';
import { PrivacyNotice } from './privacy-notice';
import { checkDraft, emptyDraft, toSubmitTicket } from './ticket-draft';
import type { DraftField, TicketDraft } from './ticket-draft';
import { usePhotoUploads } from './use-photo-uploads';
import { useSubmitTicket } from './use-submit-ticket';

interface SubmitFormProps {
  placardToken: string;
  placard: Placard;
  /** The kind chosen before the form opens, e.g. by a link from the service guide. */
  initialKind?: TicketKind;
  onSubmitted: (receipt: Receipt) => void;
}

const formFields: readonly string[] = [
  'kind',
  'matterCode',
  'description',
  'photoIds',
  'phone',
  'reporterName',
];

function scrollToFirstError(): void {
  requestAnimationFrame(() => {
    document.querySelector('.r-field-error, .r-form-error')?.scrollIntoView({ block: 'center' });
  });
}

/** The request form under the placard: kind, matter, description, photos, phone. */
export function SubmitForm({ placardToken, placard, initialKind, onSubmitted }: SubmitFormProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [draft, setDraft] = useState<TicketDraft>({ ...emptyDraft, kind: initialKind ?? null });
  const [checked, setChecked] = useState(false);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const photos = usePhotoUploads();
  const sending = useSubmitTicket();

  const problems = checkDraft(draft, photos.pending);
  // Server messages stay next to their field until the resident changes that field.
  const serverFields = fieldErrors(locale, sending.error);
  const errorOf = (field: DraftField): string | null => {
    const key = checked ? problems[field] : undefined;
    if (key) {
      return t(key, { max: DESCRIPTION_MAX });
    }
    return edited.has(field) ? null : (serverFields[field] ?? null);
  };
  const edit = (field: DraftField, change: Partial<TicketDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setEdited((s) => new Set(s).add(field));
  };
  const strayIssues = Object.entries(serverFields)
    .filter(([field]) => !formFields.includes(field))
    .map(([field, message]) => `${field}: ${message}`);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0 || !draft.kind) {
      scrollToFirstError();
      return;
    }
    const body = toSubmitTicket(placardToken, draft, draft.kind, photos.uploadedIds);
    const receipt = await sending.submit(body);
    setEdited(new Set());
    if (receipt) {
      onSubmitted(receipt);
    } else {
      scrollToFirstError();
    }
  };

  return (
    <form
      className="r-card r-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="submit-form"
    >
      <h2>{t('form.title')}</h2>
      <p className="r-muted">{t('form.lead')}</p>
      <KindChooser
        value={draft.kind}
        onChange={(kind) => {
          edit('kind', { kind });
        }}
        error={errorOf('kind')}
      />
      <MatterSelect
        placard={placard}
        value={draft.matterCode}
        onChange={(matterCode) => {
          edit('matterCode', { matterCode });
        }}
        error={errorOf('matterCode')}
      />
      <DescriptionField
        value={draft.description}
        onChange={(description) => {
          edit('description', { description });
        }}
        error={errorOf('description')}
      />
      <PhotoPicker
        uploads={photos}
        error={errorOf('photoIds')}
        onEdit={() => {
          setEdited((edits) => new Set(edits).add('photoIds'));
        }}
      />
      <ContactField
        field="phone"
        value={draft.phone}
        onChange={(phone) => {
          edit('phone', { phone });
        }}
        error={errorOf('phone')}
      />
      <ContactField
        field="reporterName"
        value={draft.reporterName}
        onChange={(reporterName) => {
          edit('reporterName', { reporterName });
        }}
        error={errorOf('reporterName')}
      />
      <PrivacyNotice />
      {sending.error ? (
        <div className="r-form-error" role="alert" data-testid="submit-error">
          <p>{errorText(i18n, sending.error)}</p>
          {strayIssues.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      <button
        type="submit"
        className="r-button r-button-primary r-button-block"
        disabled={sending.submitting}
        data-testid="submit-ticket"
      >
        {t(sending.submitting ? 'form.submitting' : 'form.submit')}
      </button>
    </form>
  );
}
