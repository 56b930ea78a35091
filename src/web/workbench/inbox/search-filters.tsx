import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';

import type { Matter } from '../../../contract/org';
import type { Department } from '../../../contract/referrals';
import {
  SEARCH_TEXT_MAX,
  ticketChannels,
  ticketKinds,
  type TicketKind,
} from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { matterName } from '../../shared/matter-name';
import { fetchDepartments, fetchMatterCatalogue } from '../referrals/referrals-api';
import { useOptions } from './search-options';
import { isPhoneNumber, type InboxSearch } from './search-query';
import './search.css';

interface SearchFiltersProps {
  value: InboxSearch;
  onChange: (next: InboxSearch) => void;
}

/**
 * The search box (tracking code, building, words of the description) and the kind, matter and
 * channel filters above the inbox; each change goes to the address bar like the other filters.
 */
export function SearchFilters({ value, onChange }: SearchFiltersProps) {
  const { t, locale } = useI18n();
  const [text, setText] = useState(value.q ?? '');
  /** The box holds a phone number, which is refused instead of searched. */
  const [phoneTyped, setPhoneTyped] = useState(false);
  const matters = useOptions<Matter>(fetchMatterCatalogue);
  const departments = useOptions<Department>(fetchDepartments);

  // Back and forward change the URL; the box follows it.
  useEffect(() => {
    setText(value.q ?? '');
  }, [value.q]);

  const set = (next: Partial<InboxSearch>) => {
    onChange({ ...value, ...next });
  };
  const submitText = () => {
    const phone = isPhoneNumber(text);
    setPhoneTyped(phone);
    if (!phone) {
      set({ q: text.trim() || undefined });
    }
  };
  const any = [value.q, value.kind, value.matterCode, value.channel].some(Boolean);

  return (
    <Space wrap size={[12, 8]} className="wb-search-filters" data-testid="inbox-search">
      <Space.Compact className="wb-search-q">
        <Input
          allowClear
          value={text}
          maxLength={SEARCH_TEXT_MAX}
          placeholder={t('inbox.search.placeholder')}
          aria-label={t('inbox.search.placeholder')}
          data-testid="search-q"
          onChange={(event) => {
            setText(event.target.value);
            setPhoneTyped(false);
            // The clear button empties the box: the list follows at once.
            if (event.target.value === '' && value.q) {
              set({ q: undefined });
            }
          }}
          onPressEnter={submitText}
        />
        <Button
          icon={<SearchOutlined />}
          aria-label={t('inbox.search.submit')}
          data-testid="search-q-submit"
          onClick={submitText}
        />
      </Space.Compact>
      <Select<TicketKind>
        allowClear
        value={value.kind}
        className="wb-search-select"
        popupMatchSelectWidth={false}
        placeholder={t('inbox.search.kind')}
        aria-label={t('inbox.search.kind')}
        data-testid="filter-kind"
        onChange={(kind) => {
          set({ kind });
        }}
        options={ticketKinds.map((k) => ({ value: k, label: t(`ticket.kind.${k}`) }))}
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'search' }}
        value={value.matterCode}
        loading={matters === null}
        className="wb-search-select"
        popupMatchSelectWidth={false}
        placeholder={t('inbox.search.matter')}
        aria-label={t('inbox.search.matter')}
        data-testid="filter-matter"
        onChange={(matterCode) => {
          set({ matterCode });
        }}
        options={(matters ?? []).map((m) => ({
          value: m.code,
          search: `${m.code} ${m.name} ${m.nameEn}`,
          label: matterName(locale, m),
        }))}
      />
      <Select<string>
        allowClear
        value={value.channel}
        loading={departments === null}
        className="wb-search-select"
        popupMatchSelectWidth={false}
        placeholder={t('inbox.search.channel')}
        aria-label={t('inbox.search.channel')}
        data-testid="filter-channel"
        onChange={(channel) => {
          set({ channel });
        }}
        options={[
          ...ticketChannels.map((channel) => ({
            value: channel,
            label: t(`inbox.search.channel_${channel}`),
          })),
          ...(departments ?? []).map((d) => ({
            value: `dept:${d.code}`,
            label: t('inbox.search.channel_department', { name: d.name }),
          })),
        ]}
      />
      {any ? (
        <Button
          type="link"
          onClick={() => {
            setText('');
            onChange({});
          }}
          data-testid="search-clear"
        >
          {t('inbox.search.clear')}
        </Button>
      ) : null}
      {phoneTyped ? (
        <Alert
          type="warning"
          showIcon
          data-testid="search-q-phone"
          title={t('inbox.search.phone_refused')}
        />
      ) : null}
    </Space>
  );
}
