import type { ThemeConfig } from 'antd';

/** The bureau blue, shared with the resident pages. */
export const workbenchTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0b5cad',
    borderRadius: 6,
    fontFamily: [
      '-apple-system',
      'BlinkMacSystemFont',
      "'PingFang SC'",
      "'Microsoft YaHei'",
      "'WenQuanYi Micro Hei'",
      'sans-serif',
    ].join(', '),
  },
};
