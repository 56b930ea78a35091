import { DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';

import { useI18n } from '../../i18n/i18n-context';
import { useAuth, useMe } from '../auth/auth-context';
import { WorkbenchLanguageSwitch } from './workbench-language-switch';

/**
 * Name, role and street of the officer, the language switch and logout. The name opens the user
 * menu with the password change, which the org import tells new officers to use first.
 */
export function UserBar() {
  const { t } = useI18n();
  const me = useMe();
  const auth = useAuth();
  const navigate = useNavigate();

  const logout = async () => {
    await auth.logout().catch(() => undefined);
    void navigate('/workbench/login', { replace: true });
  };

  const userMenu = [
    {
      key: 'password',
      icon: <LockOutlined />,
      label: (
        <Link to="/workbench/password" data-testid="menu-password">
          {t('menu.password')}
        </Link>
      ),
    },
  ];

  return (
    <Space className="wb-user" wrap size="small">
      <Dropdown menu={{ items: userMenu }} trigger={['click']} placement="bottomRight">
        <Button type="text" size="small" className="wb-user-menu" data-testid="user-menu">
          <UserOutlined />
          <span className="wb-user-name" data-testid="user-name">
            {me.name}
          </span>
          <DownOutlined className="wb-user-caret" />
        </Button>
      </Dropdown>
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
