import { Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';

import {
  VISIT_NOTES_MAX,
  visitPartners,
  type Visit,
  type VisitPartner,
} from '../../../contract/visits';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../common/error-alert';
import { codePointCount, textRules } from '../ticket/text-rules';
import { showNestedFieldErrors } from './field-errors';
import { daysBefore, shanghaiToday } from './form-dates';
import { patchVisit } from './visits-api';

interface Values {
  date: string;
  partners: VisitPartner[];
  notes?: string;
}

interface VisitEditModalProps {
  visit: Visit;
  onClose: () => void;
  onSaved: (visit: Visit) => void;
}

/** The author corrects the date, partners or notes of a visit within the edit window. */
export function VisitEditModal({ visit, onClose, onSaved }: VisitEditModalProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const today = shanghaiToday();

  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const notes = values.notes?.trim() ? values.notes : null;
      onSaved(await patchVisit(visit.id, { ...values, notes }));
    } catch (failure) {
      setError(failure);
      showNestedFieldErrors(form, ['date', 'partners', 'notes'], locale, failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('visit.edit.title')}
      okText={t('visit.edit.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'visit-edit-save' }}
      data-testid="visit-edit-modal"
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ date: visit.date, partners: visit.partners, notes: visit.notes ?? '' }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="date" label={t('visit.field.date')} rules={[{ required: true }]}>
          <Input type="date" max={today} min={daysBefore(today, 7)} data-testid="visit-edit-date" />
        </Form.Item>
        <Form.Item
          name="partners"
          label={t('visit.field.partners')}
          rules={[{ required: true, message: t('action.field.required') }]}
        >
          <Checkbox.Group
            className="wb-partner-group"
            options={visitPartners.map((p) => ({ value: p, label: t(`visit.partner.${p}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="notes"
          label={t('visit.field.notes')}
          rules={textRules(t, VISIT_NOTES_MAX, false)}
        >
          <Input.TextArea
            rows={4}
            count={codePointCount(VISIT_NOTES_MAX)}
            data-testid="visit-edit-notes"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
