import { Form, Input, Radio, Select } from 'antd';

import {
  contactMethods,
  outcomes,
  REASON_MAX,
  REPLY_MAX,
  type StaffAction,
} from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { AssigneeField } from './assignee-field';
import { codePointCount, textRules } from './text-rules';

/** The actions that open a form; accept has nothing to ask. */
export type FormAction = Exclude<StaffAction, 'accept'>;

interface ActionFieldsProps {
  action: FormAction;
  ticketId: string;
  currentAssigneeId: string | null;
}

/** The fields each action asks for, named as in the request body. */
export function ActionFields({ action, ticketId, currentAssigneeId }: ActionFieldsProps) {
  const { t } = useI18n();
  const text = (name: string, max: number, required: boolean, rows = 3) => (
    <Form.Item name={name} label={t(`action.field.${name}`)} rules={textRules(t, max, required)}>
      <Input.TextArea rows={rows} count={codePointCount(max)} data-testid={`action-${name}`} />
    </Form.Item>
  );

  switch (action) {
    case 'decline':
      return text('reason', REASON_MAX, true);
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
          {text('reply', REPLY_MAX, true, 6)}
        </>
      );
    case 'reassign':
      return (
        <>
          <AssigneeField ticketId={ticketId} currentId={currentAssigneeId} />
          {text('reason', REASON_MAX, false)}
        </>
      );
  }
}
