import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../shared/use-document-title';
import { CampaignsPanel } from './campaigns-panel';
import { SettingsPanel } from './settings-panel';
import { SuggestionList } from './suggestion-list';
import './suggestions.css';

const tabs = ['list', 'campaigns', 'settings'] as const;

/**
 * /workbench/suggestions — public suggestions: the suggestions to handle, the campaigns, the
 * limits.
 */
export function SuggestionsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = tabs.find((k) => k === params.get('tab')) ?? 'list';
  useDocumentTitle('menu.suggestions');
  const panels = {
    list: <SuggestionList />,
    campaigns: <CampaignsPanel />,
    settings: <SettingsPanel />,
  };
  return (
    <Card>
      <Typography.Title level={4} className="wb-title">
        {t('suggestion.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('suggestion.lead')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setParams({ tab: key });
        }}
        items={tabs.map((key) => ({
          key,
          label: t(`suggestion.tab.${key}`),
          children: panels[key],
        }))}
      />
    </Card>
  );
}
