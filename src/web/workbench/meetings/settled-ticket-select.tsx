import { Select } from 'antd';
import { useRef, useState } from 'react';

import { useI18n } from '../../i18n/i18n-context';
import { fetchTickets, type InboxQuery } from '../staff-api';

interface SettledTicketSelectProps {
  /** The meeting's community: only its tickets can be settled by the meeting. */
  community: string | undefined;
  /** Tickets already chosen, so they show their codes before any search. */
  known?: readonly { id: string; trackingCode: string }[];
  value?: string[];
  onChange?: (ids: string[]) => void;
}

interface Option {
  id: string;
  trackingCode: string;
  summary: string;
}

/** Existing tickets of the community the meeting settled, found by code, building or words. */
export function SettledTicketSelect(props: SettledTicketSelectProps) {
  const { community, known = [], value, onChange } = props;
  const { t } = useI18n();
  const [options, setOptions] = useState<Option[]>(() =>
    known.map((k) => ({ id: k.id, trackingCode: k.trackingCode, summary: '' })),
  );
  const latest = useRef<AbortController | null>(null);
  const search = (text: string) => {
    latest.current?.abort();
    if (text.trim().length === 0) {
      return;
    }
    const controller = new AbortController();
    latest.current = controller;
    const query: InboxQuery = {
      status: 'all',
      tier: 'all',
      due: 'any',
      page: 1,
      pageSize: 20,
      q: text.trim(),
    };
    fetchTickets(query, controller.signal).then(
      (page) => {
        // Chosen tickets keep their labels while the officer searches for more.
        const found = page.items.filter((row) => row.community === community);
        setOptions((before) => [
          ...before.filter((row) => value?.includes(row.id)),
          ...found.filter((row) => !value?.includes(row.id)),
        ]);
      },
      () => undefined,
    );
  };
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      disabled={!community}
      showSearch={{ filterOption: false, onSearch: search }}
      placeholder={t('meeting.field.settled_placeholder')}
      notFoundContent={t('meeting.field.settled_none')}
      data-testid="meeting-settled"
      options={options.map((row) => ({
        value: row.id,
        label: (
          <span data-testid={`settled-option-${row.trackingCode}`}>
            {row.summary
              ? t('meeting.settled_option', { code: row.trackingCode, summary: row.summary })
              : row.trackingCode}
          </span>
        ),
      }))}
    />
  );
}
