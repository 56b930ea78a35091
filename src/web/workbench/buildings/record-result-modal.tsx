import { Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';

import type { RecordReinspection, Reinspection } from '../../../contract/buildings';
import {
  DESCRIPTION_MAX,
  REASON_MAX,
  ticketKinds,
  type TicketKind,
} from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../common/error-alert';
import { PhotoUploadField } from '../referrals/photo-upload-field';
import { codePointCount, textRules } from '../ticket/text-rules';
import { showNestedFieldErrors } from '../visits/field-errors';
import { shanghaiToday } from '../visits/form-dates';
import { postReinspectionResult } from './buildings-api';

interface Values {
  doneOn: string;
  result: 'ok' | 'recurred';
  note?: string;
  photoIds?: string[];
  fileTicket?: boolean;
  ticketKind?: TicketKind;
  ticketDescription?: string;
}

interface RecordResultModalProps {
  reinspection: Reinspection;
  onClose: () => void;
  onSaved: (r: Reinspection) => void;
}

function bodyOf(values: Values): RecordReinspection {
  const recurred = values.result === 'recurred';
  return {
    doneOn: values.doneOn,
    result: values.result,
    ...(values.note?.trim() ? { note: values.note } : {}),
    photoIds: values.photoIds ?? [],
    ...(recurred && values.fileTicket
      ? {
          recurrenceTicket: {
            kind: values.ticketKind ?? 'report',
            description: values.ticketDescription ?? '',
          },
        }
      : {}),
  };
}

/** Records a re-inspection: the day, no recurrence or a recurrence, and a ticket for it. */
export function RecordResultModal({ reinspection, onClose, onSaved }: RecordResultModalProps) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const result = Form.useWatch('result', form);
  const fileTicket = Form.useWatch('fileTicket', form);
  const today = shanghaiToday();

  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await postReinspectionResult(reinspection.id, bodyOf(values)));
    } catch (failure) {
      setError(failure);
      showNestedFieldErrors(form, ['doneOn', 'result', 'note', 'photoIds'], locale, failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('buildings.record.title', { case: reinspection.case.caseNo })}
      okText={t('buildings.record.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: uploading, 'data-testid': 'record-save' }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      data-testid="record-modal"
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ doneOn: today, result: 'ok', fileTicket: true, ticketKind: 'report' }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="doneOn"
          label={t('buildings.record.done_on')}
          rules={[{ required: true, message: t('action.field.required') }]}
        >
          <Input type="date" max={today} min={reinspection.closedOn} data-testid="record-done-on" />
        </Form.Item>
        <Form.Item name="result" label={t('buildings.record.result')}>
          <Radio.Group data-testid="record-result">
            <Radio value="ok" data-testid="record-result-ok">
              {t('buildings.reinspection.result.ok')}
            </Radio>
            <Radio value="recurred" data-testid="record-result-recurred">
              {t('buildings.reinspection.result.recurred')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('buildings.record.note')}
          rules={textRules(t, REASON_MAX, result === 'recurred')}
        >
          <Input.TextArea rows={3} count={codePointCount(REASON_MAX)} data-testid="record-note" />
        </Form.Item>
        <Form.Item name="photoIds" label={t('buildings.record.photos')}>
          <PhotoUploadField
            target="/api/public/photos"
            onPending={setUploading}
            testId="record-photos"
          />
        </Form.Item>
        {result === 'recurred' ? (
          <>
            <Form.Item name="fileTicket" valuePropName="checked">
              <Checkbox data-testid="record-file-ticket">
                {t('buildings.record.file_ticket')}
              </Checkbox>
            </Form.Item>
            {fileTicket ? (
              <>
                <Form.Item name="ticketKind" label={t('buildings.record.ticket_kind')}>
                  <Select
                    options={ticketKinds.map((k) => ({ value: k, label: t(`ticket.kind.${k}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  name="ticketDescription"
                  label={t('buildings.record.ticket_description')}
                  rules={textRules(t, DESCRIPTION_MAX, true)}
                >
                  <Input.TextArea
                    rows={3}
                    count={codePointCount(DESCRIPTION_MAX)}
                    data-testid="record-ticket-description"
                  />
                </Form.Item>
              </>
            ) : null}
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
