import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import { ticketActions, type StaffAction, type StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { postAction } from '../staff-api';
import type { FormAction } from './action-fields';
import { actionLabel } from './action-label';
import { ActionModal } from './action-modal';
import { ExtensionBox } from './extension-box';
import { isStale } from './stale-error';

/** The staff steps: every action but the resident's own (rating, re-handling). */
const staffActions: readonly string[] = ticketActions.filter((a) => a !== 'rate' && a !== 'reopen');

/** The two steps that decide a pending extension; they sit in the extension box. */
const extensionDecisions: readonly StaffAction[] = ['approve_extension', 'refuse_extension'];

const primary: readonly StaffAction[] = ['accept', 'resolve', 'approve_extension'];
const danger: readonly StaffAction[] = ['decline', 'refuse_extension', 'send_back'];

interface ActionBarProps {
  ticket: StaffTicket;
  onUpdated: (ticket: StaffTicket) => void;
  onFailed: (error: unknown, stale: boolean) => void;
}

/**
 * Exactly the buttons of `ticket.actions`, in the server's order; nothing else is offered. While
 * an extension is pending, approving and refusing it are shown with the request itself.
 */
export function ActionBar({ ticket, onUpdated, onFailed }: ActionBarProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const auth = useAuth();
  const [open, setOpen] = useState<FormAction | null>(null);
  const [accepting, setAccepting] = useState(false);
  const navigate = useNavigate();
  const actions = ticket.actions.filter((a): a is StaffAction => staffActions.includes(a));
  const inBox = (a: StaffAction) => ticket.extension !== null && extensionDecisions.includes(a);
  const barActions = actions.filter((a) => !inBox(a));
  const boxActions = actions.filter(inBox);

  const done = (updated: StaffTicket, action: StaffAction) => {
    setOpen(null);
    onUpdated(updated);
    void message.success(t(`action.${action}.done`));
  };

  const accept = async () => {
    setAccepting(true);
    try {
      done(await postAction(ticket.id, 'accept', {}), 'accept');
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        auth.expire();
      } else {
        onFailed(failure, isStale(failure));
      }
    } finally {
      setAccepting(false);
    }
  };

  const button = (action: StaffAction) => (
    <Button
      key={action}
      type={primary.includes(action) ? 'primary' : 'default'}
      danger={danger.includes(action)}
      loading={action === 'accept' && accepting}
      data-testid={`action-${action}`}
      onClick={() => {
        if (action === 'accept') {
          void accept();
        } else if (action === 'to_case') {
          // A case is registered with its party and matter; the ticket steps along with it.
          void navigate(`/workbench/cases/new?ticketId=${encodeURIComponent(ticket.id)}`);
        } else {
          setOpen(action);
        }
      }}
    >
      {actionLabel(t, action, ticket.tier)}
    </Button>
  );

  return (
    <>
      {ticket.extension ? (
        <ExtensionBox
          extension={ticket.extension}
          decide={
            boxActions.length > 0 ? (
              <Space wrap data-testid="extension-actions">
                {boxActions.map(button)}
              </Space>
            ) : null
          }
        />
      ) : null}
      {barActions.length > 0 ? (
        <Space wrap data-testid="action-bar">
          {barActions.map(button)}
        </Space>
      ) : null}
      {open ? (
        <ActionModal
          ticket={ticket}
          action={open}
          onClose={() => {
            setOpen(null);
          }}
          onDone={(updated) => {
            done(updated, open);
          }}
          onStale={(error) => {
            setOpen(null);
            onFailed(error, true);
          }}
        />
      ) : null}
    </>
  );
}
