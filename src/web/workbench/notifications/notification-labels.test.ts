import { describe, expect, it } from 'vitest';

import {
  audiences,
  notificationEvents,
  outboxStatuses,
  skipReasons,
} from '../../../contract/notifications';
import { catalogue } from '../../i18n/catalogues';

const zhCN = catalogue('zh-CN');
const en = catalogue('en');

const enumKeys: [prefix: string, values: readonly string[]][] = [
  ['notifications.status.', outboxStatuses],
  ['notifications.event.', notificationEvents],
  ['notifications.audience.', audiences],
  ['notifications.reason.', skipReasons],
];

describe('notification labels', () => {
  it('name every status, event, audience and skip reason in both languages', () => {
    for (const [locale, messages] of Object.entries({ 'zh-CN': zhCN, en })) {
      const missing = enumKeys.flatMap(([prefix, values]) =>
        values.map((v) => prefix + v).filter((key) => !(key in messages)),
      );
      expect(missing.map((key) => `${locale}:${key}`)).toEqual([]);
    }
  });
});
