import { Form, Input, InputNumber, Radio, Select } from 'antd';

import {
  contactMethods,
  handlerAssessments,
  outcomes,
  REASON_MAX,
  REPLY_MAX,
  type PossibleDuplicate,
  type StaffAction,
} from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { AssigneeField } from './assignee-field';
import { MergeTargetField } from './duplicates-merge-field';
import { RoomField } from './room-field';
import { codePointCount, textRules } from './text-rules';

/** The actions that open a form; accept has nothing to ask. */
export type FormAction = Exclude<StaffAction, 'accept'>;

/** The days an extension may ask for, as the contract allows. */
export const EXTENSION_DAYS_MIN = 1;
export const EXTENSION_DAYS_MAX = 15;

interface ActionFieldsProps {
  action: FormAction;
  ticketId: string;
  currentAssigneeId: string | null;
  currentRoom: string;
  /** The tickets a merge may go into. */
  duplicates: readonly PossibleDuplicate[];
}

/** The fields each action asks for, named as in the request body. */
export function ActionFields({
  action,
  ticketId,
  currentAssigneeId,
  currentRoom,
  duplicates,
}: ActionFieldsProps) {
  const { t } = useI18n();
  const text = (name: string, max: number, required: boolean, rows = 3) => (
    <Form.Item name={name} label={t(`action.field.${name}`)} rules={textRules(t, max, required)}>
      <Input.TextArea rows={rows} count={codePointCount(max)} data-testid={`action-${name}`} />
    </Form.Item>
  );

  switch (action) {
    case 'decline':
    case 'refuse_extension':
    case 'escalate':
    case 'return_down':
    case 'send_back':
    case 'supervise':
      return text('reason', REASON_MAX, true);
    case 'to_case':
    case 'approve_extension':
      return text('note', REASON_MAX, false);
    case 'contact':
      return (
        <>
          <Form.Item
            name="method"
            label={t('action.field.method')}
            rules={[{ required: true, message: t('action.field.required') }]}
          >
            <Radio.Group
              optionType="button"
              data-testid="action-method"
              options={contactMethods.map((m) => ({
                value: m,
                label: <span data-testid={`method-${m}`}>{t(`ticket.contact_method.${m}`)}</span>,
              }))}
            />
          </Form.Item>
          {text('note', REASON_MAX, false)}
        </>
      );
    case 'resolve':
      return (
        <>
          <Form.Item
            name="outcome"
            label={t('action.field.outcome')}
            rules={[{ required: true, message: t('action.field.required') }]}
          >
            <Select
              data-testid="action-outcome"
              placeholder={t('action.field.outcome_placeholder')}
              options={outcomes.map((o) => ({
                value: o,
                label: <span data-testid={`outcome-${o}`}>{t(`ticket.outcome.${o}`)}</span>,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="assessment"
            label={t('action.field.assessment')}
            extra={t('action.field.assessment_help')}
            initialValue="solved"
            rules={[{ required: true, message: t('action.field.required') }]}
          >
            <Radio.Group
              optionType="button"
              data-testid="action-assessment"
              options={handlerAssessments.map((a) => ({
                value: a,
                label: <span data-testid={`assessment-${a}`}>{t(`ticket.assessment.${a}`)}</span>,
              }))}
            />
          </Form.Item>
          {text('reply', REPLY_MAX, true, 6)}
        </>
      );
    case 'request_extension':
      return (
        <>
          <Form.Item
            name="days"
            label={t('action.field.days')}
            extra={t('action.field.days_help', {
              min: EXTENSION_DAYS_MIN,
              max: EXTENSION_DAYS_MAX,
            })}
            rules={[
              { required: true, message: t('action.field.required') },
              {
                type: 'integer',
                min: EXTENSION_DAYS_MIN,
                max: EXTENSION_DAYS_MAX,
                message: t('action.field.days_range', {
                  min: EXTENSION_DAYS_MIN,
                  max: EXTENSION_DAYS_MAX,
                }),
              },
            ]}
          >
            <InputNumber
              min={EXTENSION_DAYS_MIN}
              max={EXTENSION_DAYS_MAX}
              precision={0}
              step={1}
              suffix={t('action.field.days_unit')}
              className="wb-days-input"
              data-testid="action-days"
            />
          </Form.Item>
          {text('reason', REASON_MAX, true)}
        </>
      );
    case 'reroute':
      return (
        <>
          <RoomField ticketId={ticketId} currentRoom={currentRoom} />
          {text('reason', REASON_MAX, false)}
        </>
      );
    case 'reassign':
      return (
        <>
          <AssigneeField ticketId={ticketId} currentId={currentAssigneeId} />
          {text('reason', REASON_MAX, false)}
        </>
      );
    case 'merge':
      return (
        <>
          <MergeTargetField duplicates={duplicates} />
          {text('reason', REASON_MAX, false)}
        </>
      );
  }
}
