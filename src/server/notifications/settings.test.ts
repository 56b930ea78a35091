import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { retryDelayMs } from './delivery.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-notify-'));

describe('notification settings', () => {
  it('log to the console by default, every 5 s, giving up after 10 attempts', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).notify).toEqual({
      adapter: 'console',
      gatewayUrl: null,
      gatewayToken: null,
      intervalSeconds: 5,
      maxAttempts: 10,
    });
  });

  it('switch to the HTTP gateway with its address and token', () => {
    const notify = loadConfig({
      DATA_DIR: dataDir,
      NOTIFY_ADAPTER: 'http',
      SMS_GATEWAY_URL: 'https://sms.example.gov.cn/send',
      SMS_GATEWAY_TOKEN: 'secret',
      OUTBOX_MAX_ATTEMPTS: '3',
    }).notify;
    expect(notify).toMatchObject({ adapter: 'http', gatewayToken: 'secret', maxAttempts: 3 });
  });

  it('stop the start naming SMS_GATEWAY_URL when the HTTP gateway has no address', () => {
    const start = () => loadConfig({ DATA_DIR: dataDir, NOTIFY_ADAPTER: 'http' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/SMS_GATEWAY_URL/);
  });

  it('refuse an unknown adapter and a zero interval, naming them', () => {
    const start = () =>
      loadConfig({ DATA_DIR: dataDir, NOTIFY_ADAPTER: 'pigeon', OUTBOX_INTERVAL_SECONDS: '0' });
    expect(start).toThrow(/NOTIFY_ADAPTER/);
    expect(start).toThrow(/OUTBOX_INTERVAL_SECONDS/);
  });
});

describe('the retry backoff', () => {
  it('waits 30 s, then twice as long each time, at most an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => retryDelayMs(n) / 1000)).toEqual([
      30, 60, 120, 240, 1920, 3600, 3600,
    ]);
  });
});
