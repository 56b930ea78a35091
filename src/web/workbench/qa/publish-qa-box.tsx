import { Alert, Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';

import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { fetchQaDraft, postQa } from './qa-api';
import { QaTextModal } from './qa-text-modal';

const answered: readonly string[] = ['resolved', 'closed'];

function DraftBox({ ticket }: { ticket: StaffTicket }) {
  const { t } = useI18n();
  const { resource, reload } = useStaffResource(`qa-draft/${ticket.id}`, (signal) =>
    fetchQaDraft(ticket.id, signal),
  );
  const [open, setOpen] = useState(false);
  if (resource.state !== 'ready' || !resource.data.canPublish) {
    return null;
  }
  const draft = resource.data;
  const existing = draft.existing;
  const initial = existing
    ? {
        question: existing.question,
        answer: existing.answer,
        matterCode: existing.matter?.code ?? null,
      }
    : { question: draft.question, answer: draft.answer, matterCode: draft.matterCode };
  return (
    <>
      <Alert
        type="info"
        showIcon
        className="wb-gap"
        data-testid="qa-publish-box"
        title={
          existing ? (
            <Space>
              {t('qa.publish.existing')}
              <Tag
                color={existing.status === 'published' ? 'green' : 'default'}
                data-testid="qa-publish-status"
              >
                {t(`qa.status.${existing.status}`)}
              </Tag>
              <Link to="/workbench/qa">{t('qa.publish.to_list')}</Link>
            </Space>
          ) : (
            t('qa.publish.hint')
          )
        }
        action={
          <Button
            onClick={() => {
              setOpen(true);
            }}
            data-testid="qa-publish"
          >
            {t(existing ? 'qa.publish.again' : 'qa.publish.button')}
          </Button>
        }
      />
      {open ? (
        <QaTextModal
          title={t('qa.publish.title')}
          okText={t('qa.publish.ok')}
          initial={initial}
          removed={existing ? [] : draft.removed}
          onClose={() => {
            setOpen(false);
          }}
          onSave={async (text) => {
            await postQa({ ticketId: ticket.id, ...text });
            setOpen(false);
            reload();
          }}
        />
      ) : null}
    </>
  );
}

/** On an answered consultation: publish it as a public Q&A, personal data removed. */
export function PublishQaBox({ ticket }: { ticket: StaffTicket }) {
  if (ticket.kind !== 'consultation' || !answered.includes(ticket.status)) {
    return null;
  }
  return <DraftBox ticket={ticket} />;
}
