import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Tag } from 'antd';
import { useState } from 'react';

import type { MaskedParty, StaffCase } from '../../../contract/case-views';
import { useI18n } from '../../i18n/i18n-context';
import { isUnauthenticated, useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { revealParty } from './cases-api';

/**
 * Whether this is the party's first violation of the matter, or when they were registered before.
 */
function HistoryTag({ history }: { history: StaffCase['history'] }) {
  const { t } = useI18n();
  if (history.firstViolation) {
    return (
      <Tag color="green" data-testid="case-first-violation">
        {t('case.history.first')}
      </Tag>
    );
  }
  const dates = history.earlier.map((e) => e.registeredOn).join('、');
  return (
    <Tag color="orange" data-testid="case-earlier-violations">
      {t('case.history.earlier', { dates, count: history.earlier.length })}
    </Tag>
  );
}

/** The party, masked; an officer of the case may reveal the full details (audited). */
export function PartyBox({ c }: { c: StaffCase }) {
  const { t } = useI18n();
  const auth = useAuth();
  const [revealed, setRevealed] = useState<MaskedParty | null>(null);
  const [error, setError] = useState<unknown>(null);
  const party = revealed ?? c.party;
  const none = <span className="wb-muted">{t('common.none')}</span>;

  const reveal = async () => {
    try {
      setRevealed(await revealParty(c.id));
    } catch (caught) {
      if (isUnauthenticated(caught)) {
        auth.expire();
      } else {
        setError(caught);
      }
    }
  };

  return (
    <>
      {error ? <ErrorAlert error={error} /> : null}
      {revealed ? (
        <Alert type="warning" showIcon className="wb-gap" title={t('case.party.revealed')} />
      ) : null}
      <Descriptions
        size="small"
        column={2}
        data-testid="case-party"
        extra={
          revealed ? null : (
            <Button
              icon={<EyeOutlined />}
              onClick={() => void reveal()}
              data-testid="case-party-reveal"
            >
              {t('case.party.reveal')}
            </Button>
          )
        }
        items={[
          {
            key: 'kind',
            label: t('case.field.party_kind'),
            children: t(`case.party_kind.${party.kind}`),
          },
          {
            key: 'name',
            label: t('case.field.party'),
            children: <span data-testid="case-party-name">{party.name}</span>,
          },
          { key: 'id', label: t('case.field.id_number'), children: party.idNumber },
          { key: 'phone', label: t('case.field.party_phone'), children: party.phone ?? none },
          {
            key: 'address',
            label: t('case.field.party_address'),
            children: party.address,
            span: 2,
          },
          {
            key: 'history',
            label: t('case.field.history'),
            children: <HistoryTag history={c.history} />,
            span: 2,
          },
        ]}
      />
    </>
  );
}
