import { App, Button, Space } from 'antd';
import { useState } from 'react';

import type { StaffAction, StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { postAction } from '../staff-api';
import type { FormAction } from './action-fields';
import { ActionModal } from './action-modal';
import { isStale } from './stale-error';

const staffActions: readonly StaffAction[] = [
  'accept',
  'decline',
  'contact',
  'resolve',
  'reassign',
];

interface ActionBarProps {
  ticket: StaffTicket;
  onUpdated: (ticket: StaffTicket) => void;
  onFailed: (error: unknown, stale: boolean) => void;
}

/** Exactly the buttons of `ticket.actions`, in the server's order; nothing else is offered. */
export function ActionBar({ ticket, onUpdated, onFailed }: ActionBarProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const auth = useAuth();
  const [open, setOpen] = useState<FormAction | null>(null);
  const [accepting, setAccepting] = useState(false);
  const actions = ticket.actions.filter((a): a is StaffAction =>
    staffActions.includes(a as StaffAction),
  );

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

  if (actions.length === 0) {
    return null;
  }
  return (
    <>
      <Space wrap data-testid="action-bar">
        {actions.map((action) => (
          <Button
            key={action}
            type={action === 'accept' || action === 'resolve' ? 'primary' : 'default'}
            danger={action === 'decline'}
            loading={action === 'accept' && accepting}
            data-testid={`action-${action}`}
            onClick={() => {
              if (action === 'accept') {
                void accept();
              } else {
                setOpen(action);
              }
            }}
          >
            {t(`ticket.action.${action}`)}
          </Button>
        ))}
      </Space>
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
