import { Button, Popconfirm, Space } from 'antd';

import type { StaffAccount } from '../../../contract/auth';
import type { Translate } from '../../i18n/translate';
import type { SecurityStep } from '../admin/admin-api';

/** The locale keys of a step: `end-sessions` → `security.step.end_sessions`. */
export function stepKey(step: SecurityStep): string {
  return `security.step.${step.replace('-', '_')}`;
}

interface SecurityStepButtonsProps {
  t: Translate;
  account: StaffAccount;
  /** The steps offered; unlock only for a locked account. */
  steps: readonly SecurityStep[];
  run: (account: StaffAccount, step: SecurityStep) => void;
}

/** The security administrator's steps on one account, each asking for a confirmation first. */
export function SecurityStepButtons({ t, account, steps, run }: SecurityStepButtonsProps) {
  const who = { username: account.username };
  return (
    <Space wrap size="small">
      {steps.map((step) => (
        <Popconfirm
          key={step}
          title={t(`${stepKey(step)}.confirm`, who)}
          description={t(`${stepKey(step)}.detail`)}
          okText={t(`${stepKey(step)}.ok`)}
          cancelText={t('common.cancel')}
          okButtonProps={{
            danger: step !== 'unlock',
            'data-testid': `confirm-${step}-${account.username}`,
          }}
          onConfirm={() => {
            run(account, step);
          }}
        >
          <Button size="small" data-testid={`${step}-${account.username}`}>
            {t(`${stepKey(step)}.button`)}
          </Button>
        </Popconfirm>
      ))}
    </Space>
  );
}
