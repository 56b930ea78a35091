import { Alert, Button, Form, Modal, Space, Typography } from 'antd';
import { useState } from 'react';

import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { ApiError } from '../../shared/api-error';
import { errorText } from '../../shared/error-text';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { postAction } from '../staff-api';
import { actionBody } from './action-body';
import { ActionFields, type FormAction } from './action-fields';
import { actionLabel, tierAbove, tierBelow } from './action-label';
import { isStale } from './stale-error';

interface ActionModalProps {
  ticket: StaffTicket;
  action: FormAction;
  onClose: () => void;
  onDone: (ticket: StaffTicket) => void;
  onStale: (error: unknown) => void;
}

/** Steps whose confirm button is red: they turn the ticket away or refuse a request. */
const dangerous: readonly FormAction[] = ['decline', 'refuse_extension', 'send_back'];

/** The dialog of one action: its fields, then POST …/actions/:action with them. */
export function ActionModal({ ticket, action, onClose, onDone, onStale }: ActionModalProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const auth = useAuth();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const showFieldErrors = (failure: ApiError) => {
    form.setFields(
      failure.details.map((issue) => ({
        name: issue.field.split('.')[0] ?? issue.field,
        errors: [locale === 'en' ? issue.messageEn || issue.message : issue.message],
      })),
    );
  };

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await postAction(ticket.id, action, actionBody(values)));
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        auth.expire();
      } else if (isStale(failure)) {
        onStale(failure);
      } else {
        setError(failure);
        if (failure instanceof ApiError) {
          showFieldErrors(failure);
        }
      }
    } finally {
      setBusy(false);
    }
  };

  // Where an escalation or a return goes, for the lead line of those dialogs.
  const targetTier = action === 'return_down' ? tierBelow(ticket.tier) : tierAbove(ticket.tier);
  const target = t(`ticket.tier_unit.${targetTier}`);
  const title =
    action === 'escalate' || action === 'return_down'
      ? actionLabel(t, action, ticket.tier)
      : t(`action.${action}.title`);

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: !busy }}
      data-testid={`action-modal-${action}`}
    >
      <Typography.Paragraph type="secondary">
        {t(`action.${action}.lead`, {
          code: ticket.trackingCode,
          tier: target,
          days: ticket.extension?.days ?? '',
        })}
      </Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon title={errorText(i18n, error)} className="wb-gap" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <ActionFields
          action={action}
          ticketId={ticket.id}
          currentAssigneeId={ticket.assignee?.id ?? null}
          currentRoom={ticket.room.name}
          duplicates={ticket.possibleDuplicates}
        />
        <Space className="wb-modal-footer">
          <Button onClick={onClose} disabled={busy} data-testid="action-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            danger={dangerous.includes(action)}
            data-testid="action-submit"
          >
            {t(`action.${action}.submit`)}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
