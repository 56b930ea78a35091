import { Button, Form, Grid, Input, Radio } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';

import type { CalendarOverride } from '../../../contract/calendar';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { ErrorAlert } from '../common/error-alert';
import { putOverride } from '../staff-api';

const kinds: readonly CalendarOverride['kind'][] = ['holiday', 'workday'];

interface OverrideFormProps {
  form: FormInstance<CalendarOverride>;
  onSaved: () => void;
}

/** Marks one date as a holiday or a swapped working day; saving the same date again replaces it. */
export function OverrideForm({ form, onSaved }: OverrideFormProps) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // On a phone the fields stack and the two kinds are plain radios that wrap, not one wide bar.
  const wide = Grid.useBreakpoint().sm ?? true;

  const save = async (values: CalendarOverride) => {
    setBusy(true);
    setError(null);
    try {
      await putOverride(values.date, values.kind, values.note.trim());
      form.resetFields();
      onSaved();
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError) {
        form.setFields(
          failure.details.map((d) => ({
            name: d.field as keyof CalendarOverride,
            errors: [locale === 'en' ? d.messageEn || d.message : d.message],
          })),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {error ? (
        <ErrorAlert
          error={error}
          onClose={() => {
            setError(null);
          }}
        />
      ) : null}
      <Form<CalendarOverride>
        form={form}
        layout={wide ? 'inline' : 'vertical'}
        className="wb-override-form"
        initialValues={{ kind: 'holiday', note: '' }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="date"
          label={t('calendar.field.date')}
          rules={[
            { required: true, message: t('action.field.required') },
            { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('calendar.field.date_invalid') },
          ]}
        >
          <Input type="date" data-testid="override-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.field.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType={wide ? 'button' : 'default'}
            options={kinds.map((k) => ({
              value: k,
              label: <span data-testid={`override-kind-${k}`}>{t(`calendar.kind.${k}`)}</span>,
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('calendar.field.note')} rules={[{ max: 100 }]}>
          <Input
            maxLength={100}
            placeholder={t('calendar.field.note_placeholder')}
            data-testid="override-note"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="override-save">
            {t('calendar.save')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
