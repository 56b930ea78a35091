import { Button, Divider, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';

import type { Mediation } from '../../../contract/mediation-views';
import {
  disputeTypes,
  MEDIATION_TEXT_MAX,
  ORG_NAME_MAX,
  type OpenMediation,
} from '../../../contract/mediations';
import { useI18n } from '../../i18n/i18n-context';
import { isUnauthenticated, useAuth, useMe } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { fetchLiaisons } from '../staff-api';
import { codePointCount, textRules } from '../ticket/text-rules';
import { showNestedFieldErrors } from './form-errors';
import { postMediation } from './mediations-api';
import { MediatorFields, PartyFields, type OfficerOption } from './party-fields';
import { openingBody, type OpeningValues } from './opening-body';

interface OpenMediationModalProps {
  source: OpenMediation['source'];
  /** The community's name, for the default name of its people's mediation committee. */
  community: string;
  facts?: string;
  onClose: () => void;
  onOpened: (mediation: Mediation) => void;
}

/** The officer and, for an admin on a ticket, its street's liaisons: who can be the mediator. */
function useOfficers(source: OpenMediation['source']): OfficerOption[] {
  const me = useMe();
  const [others, setOthers] = useState<OfficerOption[]>([]);
  useEffect(() => {
    // The street's liaisons are listed for admins only; a liaison names themselves.
    if (source.kind !== 'ticket' || me.role === 'liaison') {
      return;
    }
    fetchLiaisons(source.id).then(setOthers, () => {
      setOthers([]);
    });
  }, [source.kind, source.id, me.role]);
  return [{ id: me.id, name: me.name }, ...others.filter((o) => o.id !== me.id)];
}

/** Opens a mediation: the dispute, the committee, the parties and the mediators. */
export function OpenMediationModal(props: OpenMediationModalProps) {
  const { source, community, facts, onClose, onOpened } = props;
  const { t, locale } = useI18n();
  const auth = useAuth();
  const me = useMe();
  const officers = useOfficers(source);
  const [form] = Form.useForm<OpeningValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: OpeningValues) => {
    setBusy(true);
    setError(null);
    try {
      onOpened(await postMediation(openingBody(source, values, officers)));
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        auth.expire();
        return;
      }
      setError(failure);
      showNestedFieldErrors(form, locale, failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={860}
      title={t('mediation.open.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: !busy }}
      data-testid="mediation-open-modal"
    >
      <Typography.Paragraph type="secondary">{t('mediation.open.lead')}</Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <Form<OpeningValues>
        form={form}
        layout="vertical"
        initialValues={{
          disputeType: 'neighbour',
          facts,
          committeeName: t('mediation.open.committee_default', { community }),
          parties: [{ role: 'applicant' }, { role: 'respondent' }],
          mediators: [
            {
              orgKind: 'people_committee',
              orgName: t('mediation.open.committee_default', { community }),
            },
            {
              orgKind: 'urban_management',
              orgName: me.street
                ? t('mediation.open.urban_org_default', { street: me.street.name })
                : t('mediation.open.urban_org_bureau'),
              staffId: me.id,
            },
          ],
        }}
        onFinish={(values) => void submit(values)}
      >
        <Space wrap align="start">
          <Form.Item
            name="disputeType"
            label={t('mediation.field.dispute_type')}
            rules={[{ required: true, message: t('action.field.required') }]}
          >
            <Select
              className="wb-org-select"
              data-testid="field-disputeType"
              options={disputeTypes.map((d) => ({ value: d, label: t(`mediation.dispute.${d}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="committeeName"
            label={t('mediation.field.committee')}
            extra={t('mediation.open.committee_hint')}
            rules={textRules(t, ORG_NAME_MAX, true)}
          >
            <Input className="wb-committee-input" data-testid="field-committeeName" />
          </Form.Item>
        </Space>
        <Form.Item
          name="facts"
          label={t('mediation.field.facts')}
          rules={textRules(t, MEDIATION_TEXT_MAX, true)}
        >
          <Input.TextArea
            rows={4}
            count={codePointCount(MEDIATION_TEXT_MAX)}
            data-testid="field-facts"
          />
        </Form.Item>
        <Divider titlePlacement="start">{t('mediation.parties.title')}</Divider>
        <Typography.Paragraph type="secondary">{t('mediation.open.privacy')}</Typography.Paragraph>
        <PartyFields />
        <Divider titlePlacement="start">{t('mediation.mediators.title')}</Divider>
        <MediatorFields officers={officers} />
        <Space className="wb-modal-footer">
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            data-testid="mediation-open-submit"
          >
            {t('mediation.open.submit')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
