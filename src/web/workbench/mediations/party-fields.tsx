import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space } from 'antd';

import {
  ADDRESS_MAX,
  MAX_MEDIATORS,
  MAX_PARTIES,
  mediatorOrgKinds,
  ORG_NAME_MAX,
  PARTY_NAME_MAX,
  partyRoles,
} from '../../../contract/mediations';
import { useI18n } from '../../i18n/i18n-context';
import { textRules } from '../ticket/text-rules';

/** An officer who can be named as the urban-management mediator. */
export interface OfficerOption {
  id: string;
  name: string;
}

/** The parties: side, name and the basic details the agreement needs (Art 29). */
export function PartyFields() {
  const { t } = useI18n();
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" className="wb-full" data-testid="party-fields">
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              title={t('mediation.party.number', { n: i + 1 })}
              extra={
                fields.length > 2 ? (
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('mediation.party.remove')}
                    onClick={() => {
                      remove(field.name);
                    }}
                  />
                ) : null
              }
            >
              <Space wrap align="start">
                <Form.Item
                  name={[field.name, 'role']}
                  label={t('mediation.party.role')}
                  rules={[{ required: true, message: t('action.field.required') }]}
                >
                  <Select
                    className="wb-role-select"
                    data-testid={`party-${i}-role`}
                    options={partyRoles.map((r) => ({ value: r, label: t(`mediation.role.${r}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'name']}
                  label={t('mediation.party.name')}
                  rules={textRules(t, PARTY_NAME_MAX, true)}
                >
                  <Input data-testid={`party-${i}-name`} />
                </Form.Item>
                <Form.Item name={[field.name, 'phone']} label={t('mediation.party.phone')}>
                  <Input inputMode="tel" data-testid={`party-${i}-phone`} />
                </Form.Item>
                <Form.Item name={[field.name, 'idNumber']} label={t('mediation.party.id_number')}>
                  <Input data-testid={`party-${i}-idNumber`} />
                </Form.Item>
              </Space>
              <Form.Item
                name={[field.name, 'address']}
                label={t('mediation.party.address')}
                rules={textRules(t, ADDRESS_MAX, false)}
              >
                <Input data-testid={`party-${i}-address`} />
              </Form.Item>
            </Card>
          ))}
          {fields.length < MAX_PARTIES ? (
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                add({ role: 'respondent' });
              }}
              data-testid="party-add"
            >
              {t('mediation.party.add')}
            </Button>
          ) : null}
        </Space>
      )}
    </Form.List>
  );
}

/** The mediators with their organisation; an officer is chosen from the officers' accounts. */
export function MediatorFields({ officers }: { officers: readonly OfficerOption[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const kinds = (Form.useWatch('mediators', form) ?? []) as { orgKind?: string }[];
  return (
    <Form.List name="mediators">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" className="wb-full" data-testid="mediator-fields">
          {fields.map((field, i) => (
            <Space key={field.key} wrap align="start">
              <Form.Item
                name={[field.name, 'orgKind']}
                label={t('mediation.mediator.org_kind')}
                rules={[{ required: true, message: t('action.field.required') }]}
              >
                <Select
                  className="wb-org-select"
                  data-testid={`mediator-${i}-orgKind`}
                  options={mediatorOrgKinds.map((k) => ({
                    value: k,
                    label: t(`mediation.org.${k}`),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'orgName']}
                label={t('mediation.mediator.org_name')}
                rules={textRules(t, ORG_NAME_MAX, true)}
              >
                <Input data-testid={`mediator-${i}-orgName`} />
              </Form.Item>
              {kinds[i]?.orgKind === 'urban_management' ? (
                <Form.Item
                  name={[field.name, 'staffId']}
                  label={t('mediation.mediator.officer')}
                  rules={[{ required: true, message: t('action.field.required') }]}
                >
                  <Select
                    className="wb-org-select"
                    data-testid={`mediator-${i}-staffId`}
                    options={officers.map((o) => ({ value: o.id, label: o.name }))}
                  />
                </Form.Item>
              ) : (
                <Form.Item
                  name={[field.name, 'name']}
                  label={t('mediation.mediator.name')}
                  rules={textRules(t, 30, true)}
                >
                  <Input data-testid={`mediator-${i}-name`} />
                </Form.Item>
              )}
              {fields.length > 1 ? (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('mediation.mediator.remove')}
                  onClick={() => {
                    remove(field.name);
                  }}
                />
              ) : null}
            </Space>
          ))}
          {fields.length < MAX_MEDIATORS ? (
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                add({ orgKind: 'people_committee' });
              }}
              data-testid="mediator-add"
            >
              {t('mediation.mediator.add')}
            </Button>
          ) : null}
        </Space>
      )}
    </Form.List>
  );
}
