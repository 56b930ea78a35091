import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useAuth, useMe } from '../auth/auth-context';
import { WorkbenchLanguageSwitch } from './workbench-language-switch';

/** Name, role and street of the officer, the language switch and logout. */
export function UserBar() {
  const { t } = useI18n();
  const me = useMe();
  const auth = useAuth();
  const navigate = useNavigate();

  const logout = async () => {
    await auth.logout().catch(() => undefined);
    void navigate('/workbench/login', { replace: true });
  };

  return (
    <Space className="wb-user" wrap size="small">
      <Typography.Text className="wb-user-name" data-testid="user-name">
        <UserOutlined /> {me.name}
      </Typography.Text>
      <Tag color="blue" data-testid="user-role">
        {t(`staff.role.${me.role}`)}
      </Tag>
      <Typography.Text className="wb-user-street" data-testid="user-street">
        {me.street ? me.street.name : t('workbench.whole_district')}
      </Typography.Text>
      <WorkbenchLanguageSwitch />
      <Button
        size="small"
        icon={<LogoutOutlined />}
        onClick={() => void logout()}
        data-testid="logout"
      >
        {t('workbench.logout')}
      </Button>
    </Space>
  );
}
