import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';

import type { Matter } from '../../../contract/org';
import { DESCRIPTION_MAX, ticketKinds } from '../../../contract/tickets';
import { MAX_FOUND_ISSUES, type BuildingChoice } from '../../../contract/visits';
import { useI18n } from '../../i18n/i18n-context';
import { PhotoUploadField } from '../referrals/photo-upload-field';
import { fetchMatterCatalogue } from '../referrals/referrals-api';
import { codePointCount, textRules } from '../ticket/text-rules';

interface IssueFieldsProps {
  /** The buildings of the chosen community; empty until one is chosen. */
  buildings: readonly BuildingChoice[];
  /** Reports, per upload field, whether a photo is still uploading. */
  pendingFor: (name: string) => (pending: boolean) => void;
}

/** The matter catalogue, once per form. */
function useMatters(): Matter[] {
  const [matters, setMatters] = useState<Matter[]>([]);
  useEffect(() => {
    fetchMatterCatalogue().then(setMatters, () => {
      setMatters([]);
    });
  }, []);
  return matters;
}

/**
 * The issues found (or raised), each filed as a ticket with the record: kind, matter, building,
 * description and photos. The form's field is `issues`, as the server names it.
 */
export function IssueFields({ buildings, pendingFor }: IssueFieldsProps) {
  const { t, locale } = useI18n();
  const matters = useMatters();
  const required = { required: true, message: t('action.field.required') };
  return (
    <Form.List name="issues">
      {(fields, { add, remove }) => (
        <div className="wb-issues" data-testid="issues">
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              className="wb-issue"
              data-testid={`issue-${index}`}
              title={t('fieldwork.issue.title', { n: index + 1 })}
              extra={
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('fieldwork.issue.remove')}
                  data-testid={`issue-${index}-remove`}
                  onClick={() => {
                    pendingFor(`issue-${field.key}`)(false);
                    remove(field.name);
                  }}
                />
              }
            >
              <Form.Item
                name={[field.name, 'kind']}
                label={t('ticket.field.kind')}
                rules={[required]}
              >
                <Select
                  data-testid={`issue-${index}-kind`}
                  options={ticketKinds.map((k) => ({
                    value: k,
                    label: <span data-testid={`kind-option-${k}`}>{t(`ticket.kind.${k}`)}</span>,
                  }))}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'matterCode']}
                label={t('ticket.field.matter')}
                rules={[required]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'title' }}
                  data-testid={`issue-${index}-matter`}
                  options={matters.map((m) => ({
                    value: m.code,
                    title: locale === 'en' ? m.nameEn : m.name,
                    label: (
                      <span data-testid={`matter-option-${m.code}`}>
                        {locale === 'en' ? m.nameEn : m.name}
                      </span>
                    ),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'buildingId']}
                label={t('fieldwork.issue.building')}
                rules={[required]}
              >
                <Select
                  data-testid={`issue-${index}-building`}
                  placeholder={t('fieldwork.issue.building_placeholder')}
                  notFoundContent={t('fieldwork.issue.building_none')}
                  options={buildings.map((b) => ({
                    value: b.id,
                    label: <span data-testid={`building-option-${b.id}`}>{b.name}</span>,
                  }))}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'description']}
                label={t('ticket.field.description')}
                rules={textRules(t, DESCRIPTION_MAX, true)}
              >
                <Input.TextArea
                  rows={3}
                  count={codePointCount(DESCRIPTION_MAX)}
                  data-testid={`issue-${index}-description`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'photoIds']} label={t('referral.field.photos')}>
                <PhotoUploadField
                  target="/api/public/photos"
                  onPending={pendingFor(`issue-${field.key}`)}
                  testId={`issue-${index}-photos`}
                />
              </Form.Item>
            </Card>
          ))}
          {fields.length < MAX_FOUND_ISSUES ? (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              data-testid="issue-add"
              onClick={() => {
                add({ kind: 'report' });
              }}
            >
              {t('fieldwork.issue.add')}
            </Button>
          ) : null}
        </div>
      )}
    </Form.List>
  );
}
