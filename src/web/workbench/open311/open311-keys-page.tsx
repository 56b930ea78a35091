import { Alert, Button, Card, Form, Input, Popconfirm, Result, Table, Tag, Typography } from 'antd';
import { useState } from 'react';

import type { IssuedOpen311Key, Open311Key } from '../../../contract/open311';
import { useI18n } from '../../i18n/i18n-context';
import { errorText } from '../../shared/error-text';
import { formatDateTime } from '../../shared/format-date';
import { useDocumentTitle } from '../../shared/use-document-title';
import { useMe } from '../auth/auth-context';
import { useStaffResource } from '../auth/use-staff-resource';
import { ErrorAlert } from '../common/error-alert';
import { fetchKeys, issueKey, revokeKey } from './open311-api';

interface IssueForm {
  name: string;
  partner: string;
}

/** The form that issues a key, and the key itself once, right after. */
function IssueCard({ onIssued }: { onIssued: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<IssueForm>();
  const [issued, setIssued] = useState<IssuedOpen311Key | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: IssueForm) => {
    setBusy(true);
    setError(null);
    try {
      setIssued(await issueKey(values));
      form.resetFields();
      onIssued();
    } catch (caught) {
      setError(errorText(i18n, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('open311.issue.title')}>
      {issued ? (
        <Alert
          type="success"
          showIcon
          data-testid="open311-issued"
          title={t('open311.issue.done')}
          description={
            <Typography.Paragraph copyable={{ text: issued.apiKey }} code>
              {issued.apiKey}
            </Typography.Paragraph>
          }
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Form form={form} layout="inline" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('open311.field.name')} rules={[{ required: true }]}>
          <Input maxLength={60} data-testid="open311-name" />
        </Form.Item>
        <Form.Item name="partner" label={t('open311.field.partner')} rules={[{ required: true }]}>
          <Input maxLength={60} data-testid="open311-partner" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="open311-issue">
          {t('open311.issue.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** /workbench/open311 — the bureau admin issues, lists and revokes Open311 partner keys. */
export function Open311KeysPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  useDocumentTitle('open311.menu');
  const [version, setVersion] = useState(0);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const { resource } = useStaffResource(`open311-keys/${String(version)}`, fetchKeys);

  if (me.role !== 'bureau_admin') {
    return <Result status="403" title={t('open311.forbidden')} />;
  }
  const items = resource.state === 'ready' ? resource.data.items : [];
  const revoke = async (key: Open311Key) => {
    setRevokeError(null);
    try {
      await revokeKey(key.id);
      setVersion((v) => v + 1);
    } catch (caught) {
      setRevokeError(errorText(i18n, caught));
    }
  };

  return (
    <Card>
      <Typography.Title level={1} className="wb-title wb-dash-h1">
        {t('open311.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('open311.lead')}</Typography.Paragraph>
      <IssueCard
        onIssued={() => {
          setVersion((v) => v + 1);
        }}
      />
      {resource.state === 'failed' ? <ErrorAlert error={resource.error} /> : null}
      {revokeError ? <Alert type="error" showIcon title={revokeError} /> : null}
      <Table
        rowKey="id"
        size="middle"
        data-testid="open311-keys"
        loading={resource.state === 'loading'}
        dataSource={items}
        locale={{ emptyText: t('open311.list.empty') }}
        columns={[
          { key: 'name', title: t('open311.field.name'), dataIndex: 'name' },
          { key: 'partner', title: t('open311.field.partner'), dataIndex: 'partner' },
          {
            key: 'prefix',
            title: t('open311.field.prefix'),
            render: (_, k) => <Typography.Text code>{`${k.prefix}…`}</Typography.Text>,
          },
          {
            key: 'created',
            title: t('open311.field.created'),
            render: (_, k) => `${formatDateTime(k.createdAt)} ${k.createdBy}`,
          },
          {
            key: 'used',
            title: t('open311.field.last_used'),
            render: (_, k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : '—'),
          },
          { key: 'count', title: t('open311.field.requests'), dataIndex: 'requestCount' },
          {
            key: 'state',
            title: t('open311.field.state'),
            render: (_, k) =>
              k.revokedAt ? (
                <Tag color="red">{t('open311.state.revoked')}</Tag>
              ) : (
                <Popconfirm
                  title={t('open311.revoke.confirm')}
                  okText={t('open311.revoke.ok')}
                  cancelText={t('open311.revoke.cancel')}
                  onConfirm={() => void revoke(k)}
                >
                  <Button danger size="small" data-testid={`open311-revoke-${k.prefix}`}>
                    {t('open311.revoke.button')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
