import { App, Button, Space } from 'antd';
import { useState } from 'react';

import type { CaseStep } from '../../../contract/cases';
import type { StaffCase } from '../../../contract/case-views';
import { useI18n } from '../../i18n/i18n-context';
import { CaseStepModal } from './case-step-modal';

const primary: readonly CaseStep[] = ['investigate', 'notify', 'decide', 'deliver', 'close'];

/** Exactly the steps the server offers this officer now, in its order. */
export function CaseStepBar({ c, onUpdated }: { c: StaffCase; onUpdated: (c: StaffCase) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState<CaseStep | null>(null);
  if (c.steps.length === 0) {
    return null;
  }
  return (
    <>
      <Space wrap data-testid="case-step-bar">
        {c.steps.map((step) => (
          <Button
            key={step}
            type={primary.includes(step) ? 'primary' : 'default'}
            danger={step === 'cancel'}
            data-testid={`case-step-${step}`}
            onClick={() => {
              setOpen(step);
            }}
          >
            {t(`case.step.${step}.button`)}
          </Button>
        ))}
      </Space>
      {open ? (
        <CaseStepModal
          c={c}
          step={open}
          onClose={() => {
            setOpen(null);
          }}
          onDone={(updated) => {
            setOpen(null);
            onUpdated(updated);
            void message.success(t(`case.step.${open}.done`));
          }}
        />
      ) : null}
    </>
  );
}
