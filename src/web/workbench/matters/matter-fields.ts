import type { RevisionField } from '../../../contract/matters';
import type { Translate } from '../../i18n/translate';

/** The label of a field of a matter, as the form and the history show it. */
export function fieldLabel(t: Translate, field: RevisionField | 'reason'): string {
  return t(`matters.field.${field}`);
}

/** A snapshot value as text: yes/no for the flags, a dash for nothing. */
export function valueText(
  t: Translate,
  field: RevisionField,
  value: string | number | boolean | null,
): string {
  if (value === null || value === '') {
    return t('matters.value.none');
  }
  if (typeof value === 'boolean') {
    return t(`matters.value.${field}_${String(value)}`);
  }
  if (field === 'educationTopic') {
    return t(`education.topic.${String(value)}`);
  }
  return String(value);
}
