import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { enforcementBodies, FACTS_MAX, PLACE_MAX, type PartyInput } from '../../../contract/cases';
import type { Matter } from '../../../contract/org';
import type { StaffTicket } from '../../../contract/tickets';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { isUnauthenticated, useAuth, useMe } from '../auth/auth-context';
import { ErrorAlert } from '../common/error-alert';
import { fetchTicket } from '../staff-api';
import { codePointCount, textRules } from '../ticket/text-rules';
import { fetchCaseStreets, fetchMatters, postCase } from './cases-api';
import { MatterBasis } from './matter-basis';
import { PartyFields } from './party-fields';
import { showCaseFieldErrors } from './form-errors';
import './cases.css';

interface Values {
  body: 'street' | 'district';
  streetId?: string;
  matterCode: string;
  place: string;
  facts: string;
  party: PartyInput;
}

/** What the form needs before it can be filled: the catalogue, the streets, the ticket. */
function useRegisterData(ticketId: string | null) {
  const [matters, setMatters] = useState<Matter[]>([]);
  const [streets, setStreets] = useState<{ id: string; name: string }[]>([]);
  const [ticket, setTicket] = useState<StaffTicket | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    // A fetch this effect's cleanup aborted is no failure: the page asked again.
    const failed = (caught: unknown) => {
      if (!signal.aborted) {
        setFailure(caught);
      }
    };
    fetchMatters(signal).then(setMatters, failed);
    fetchCaseStreets(signal).then(setStreets, failed);
    if (ticketId) {
      fetchTicket(ticketId, signal).then(setTicket, failed);
    }
    return () => {
      controller.abort();
    };
  }, [ticketId]);
  return { matters, streets, ticket, failure };
}

/** /workbench/cases/new[?ticketId=…] — registration from a ticket, or from a patrol finding. */
export function RegisterCasePage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ticketId = params.get('ticketId');
  const { matters, streets, ticket, failure } = useRegisterData(ticketId);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const matterCode = Form.useWatch('matterCode', form);
  const matter = matters.find((m) => m.code === matterCode) ?? null;
  const required = { required: true, message: t('action.field.required') };
  useDocumentTitle('case.register.title');

  useEffect(() => {
    if (ticket) {
      form.setFieldsValue({
        matterCode: ticket.matter?.code,
        place: `${ticket.building.community}${ticket.building.name}`,
        facts: ticket.description,
      });
    }
  }, [ticket, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    const phone = values.party.phone?.trim();
    const party = { ...values.party, ...(phone ? { phone } : { phone: undefined }) };
    try {
      const created = await postCase({ ...values, party, ...(ticketId ? { ticketId } : {}) });
      void navigate(`/workbench/cases/${created.id}`, { replace: true });
    } catch (caught) {
      if (isUnauthenticated(caught)) {
        auth.expire();
        return;
      }
      setError(caught);
      showCaseFieldErrors(form, locale, caught);
    } finally {
      setBusy(false);
    }
  };

  const back = ticketId ? `/workbench/tickets/${ticketId}` : '/workbench/cases';
  return (
    <div className="wb-stack">
      <Link to={back} className="wb-back" data-testid="case-register-back">
        <ArrowLeftOutlined /> {t(ticketId ? 'case.register.back_ticket' : 'case.register.back')}
      </Link>
      <Card title={t('case.register.title')} data-testid="case-register">
        {ticket ? (
          <Alert
            type="info"
            showIcon
            className="wb-gap"
            data-testid="case-register-ticket"
            title={t('case.register.from_ticket', { code: ticket.trackingCode })}
            description={t('case.register.from_ticket_hint')}
          />
        ) : (
          <Typography.Paragraph type="secondary">
            {t('case.register.patrol_hint')}
          </Typography.Paragraph>
        )}
        {failure ? <ErrorAlert error={failure} /> : null}
        {error ? <ErrorAlert error={error} testId="case-register-error" /> : null}
        <Form<Values>
          form={form}
          layout="vertical"
          className="case-form"
          initialValues={{ body: 'street', party: { kind: 'person' } }}
          onFinish={(values) => void submit(values)}
        >
          {!ticketId && me.role === 'bureau_admin' ? (
            <Form.Item name="streetId" label={t('case.field.street')} rules={[required]}>
              <Select
                data-testid="case-street"
                options={streets.map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item name="body" label={t('case.field.body')} rules={[required]}>
            <Radio.Group
              options={enforcementBodies.map((b) => ({
                value: b,
                label: <span data-testid={`case-body-${b}`}>{t(`case.body.${b}`)}</span>,
              }))}
            />
          </Form.Item>
          <Form.Item name="matterCode" label={t('case.field.matter')} rules={[required]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="case-matter"
              options={matters.map((m) => ({
                value: m.code,
                label: locale === 'en' ? m.nameEn : m.name,
              }))}
            />
          </Form.Item>
          {matter ? <MatterBasis matter={matter} /> : null}
          <Form.Item
            name="place"
            label={t('case.field.place')}
            rules={textRules(t, PLACE_MAX, true)}
          >
            <Input data-testid="case-place" />
          </Form.Item>
          <Form.Item
            name="facts"
            label={t('case.field.facts')}
            rules={textRules(t, FACTS_MAX, true)}
          >
            <Input.TextArea rows={4} count={codePointCount(FACTS_MAX)} data-testid="case-facts" />
          </Form.Item>
          <PartyFields />
          <Space className="wb-modal-footer">
            <Button
              onClick={() => {
                void navigate(back);
              }}
              disabled={busy}
            >
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={busy}
              data-testid="case-register-submit"
            >
              {t('case.register.submit')}
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
