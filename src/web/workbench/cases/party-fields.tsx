import { Form, Input, Radio } from 'antd';

import { NAME_MAX, PLACE_MAX, partyKinds } from '../../../contract/cases';
import { useI18n } from '../../i18n/i18n-context';
import { codePointCount, textRules } from '../ticket/text-rules';

/** Whether a number looks like an 18-character resident id or credit code; the server checks. */
const identityPattern = /^[0-9A-Za-z]{18}$/;

/** The party of a case: a person or an organisation, with name, number, address and phone. */
export function PartyFields() {
  const { t } = useI18n();
  const kind = Form.useWatch(['party', 'kind']) as string | undefined;
  const required = { required: true, message: t('action.field.required') };
  return (
    <fieldset className="case-fieldset" data-testid="case-party-fields">
      <legend>{t('case.register.party')}</legend>
      <Form.Item name={['party', 'kind']} label={t('case.field.party_kind')} rules={[required]}>
        <Radio.Group
          optionType="button"
          options={partyKinds.map((k) => ({
            value: k,
            label: <span data-testid={`party-kind-${k}`}>{t(`case.party_kind.${k}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item
        name={['party', 'name']}
        label={t(kind === 'organisation' ? 'case.field.org_name' : 'case.field.person_name')}
        rules={textRules(t, NAME_MAX, true)}
      >
        <Input count={codePointCount(NAME_MAX)} data-testid="party-name" />
      </Form.Item>
      <Form.Item
        name={['party', 'idNumber']}
        label={t(kind === 'organisation' ? 'case.field.credit_code' : 'case.field.resident_id')}
        extra={t('case.register.id_help')}
        rules={[
          required,
          {
            pattern: identityPattern,
            message: t('case.register.id_format'),
            transform: (v: string) => v.replace(/\s/g, ''),
          },
        ]}
      >
        <Input data-testid="party-id-number" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name={['party', 'address']}
        label={t('case.field.party_address')}
        rules={textRules(t, PLACE_MAX, true)}
      >
        <Input data-testid="party-address" />
      </Form.Item>
      <Form.Item name={['party', 'phone']} label={t('case.field.party_phone')}>
        <Input data-testid="party-phone" autoComplete="off" />
      </Form.Item>
    </fieldset>
  );
}
