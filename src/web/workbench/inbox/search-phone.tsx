import { Alert, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';

import { phoneLookupRoles, type TicketList } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { normalizePhone } from '../../resident/form/ticket-draft';
import { useMe } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { inboxColumns } from './inbox-columns';
import { lookupByPhone } from './search-api';
import { isPhoneNumber } from './search-query';

interface PhoneLookupProps {
  /** The inbox's own address-bar search, for the way back from a ticket; never the phone. */
  inboxSearch: string;
  onOpen: (id: string) => void;
}

const pageSize = 20;

type Lookup =
  | { state: 'idle' }
  | { state: 'loading'; phone: string; page: number; last: TicketList | null }
  | { state: 'done'; phone: string; page: number; list: TicketList }
  | { state: 'failed'; phone: string; error: unknown };

/**
 * The lookup by the reporter's phone, for street and bureau admins only: the number is held in this
 * component's
 * memory and posted in a request body, so it is never in the address bar, the history or a log;
 * every lookup is written to the audit trail by the server.
 */
export function PhoneLookup({ inboxSearch, onOpen }: PhoneLookupProps) {
  const me = useMe();
  const allowed = (phoneLookupRoles as readonly string[]).includes(me.role);
  return allowed ? <PhoneLookupForm inboxSearch={inboxSearch} onOpen={onOpen} /> : null;
}

function PhoneLookupForm({ inboxSearch, onOpen }: PhoneLookupProps) {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const columns = useMemo(() => inboxColumns(t, locale, inboxSearch), [t, locale, inboxSearch]);

  const run = (phone: string, page: number) => {
    const last = lookup.state === 'done' ? lookup.list : null;
    setLookup({ state: 'loading', phone, page, last });
    lookupByPhone(phone, page, pageSize).then(
      (list) => {
        setLookup({ state: 'done', phone, page, list });
      },
      (error: unknown) => {
        setLookup({ state: 'failed', phone, error });
      },
    );
  };

  const submit = () => {
    const phone = normalizePhone(typed);
    const ok = isPhoneNumber(phone);
    setInvalid(!ok);
    if (ok) {
      run(phone, 1);
    } else {
      // Results for a number no longer in the box would be misread as this one's.
      setLookup({ state: 'idle' });
    }
  };

  const clear = () => {
    setTyped('');
    setInvalid(false);
    setLookup({ state: 'idle' });
  };

  const list =
    lookup.state === 'done' ? lookup.list : lookup.state === 'loading' ? lookup.last : null;

  return (
    <Card size="small" className="wb-gap" data-testid="phone-lookup">
      <Typography.Text strong>{t('inbox.phone.title')}</Typography.Text>
      <Form
        layout="inline"
        className="wb-gap-top"
        onFinish={submit}
        autoComplete="off"
        data-testid="phone-lookup-form"
      >
        <Form.Item
          validateStatus={invalid ? 'error' : undefined}
          help={invalid ? t('inbox.phone.invalid') : undefined}
        >
          <Input
            value={typed}
            inputMode="tel"
            autoComplete="off"
            maxLength={24}
            className="wb-search-phone"
            placeholder={t('inbox.phone.placeholder')}
            aria-label={t('inbox.phone.placeholder')}
            data-testid="search-phone"
            onChange={(event) => {
              setTyped(event.target.value);
              setInvalid(false);
            }}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={lookup.state === 'loading'}
              data-testid="search-phone-submit"
            >
              {t('inbox.phone.submit')}
            </Button>
            {lookup.state !== 'idle' || typed !== '' ? (
              <Button onClick={clear} data-testid="search-phone-clear">
                {t('inbox.phone.clear')}
              </Button>
            ) : null}
          </Space>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" className="wb-gap-top">
        {t('inbox.phone.audited')}
      </Typography.Paragraph>
      {lookup.state === 'failed' ? (
        <ErrorAlert error={lookup.error} testId="search-phone-error" />
      ) : null}
      {list ? (
        <>
          <Alert
            type="info"
            showIcon
            className="wb-gap"
            data-testid="search-phone-total"
            title={t('inbox.phone.results', { total: list.total })}
          />
          <Table
            rowKey="id"
            size="small"
            data-testid="search-phone-results"
            columns={columns}
            dataSource={list.items}
            loading={lookup.state === 'loading'}
            scroll={{ x: 1450 }}
            locale={{ emptyText: t('inbox.phone.none') }}
            rowClassName="wb-clickable"
            onRow={(row) => ({
              onClick: () => {
                onOpen(row.id);
              },
            })}
            pagination={{
              current: list.page,
              pageSize: list.pageSize,
              total: list.total,
              hideOnSinglePage: true,
              onChange: (page) => {
                if (lookup.state === 'done') {
                  run(lookup.phone, page);
                }
              },
            }}
          />
        </>
      ) : null}
    </Card>
  );
}
