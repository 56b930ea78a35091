import {
  defaultEducationSettings,
  defaultHandlingSettings,
  defaultMediationSettings,
  defaultMyRequestSettings,
  defaultNotifySettings,
  defaultReinspectionSettings,
  deriveAuditKey,
  type Config,
} from './config.js';
import { defaultCreditRules } from '../domain/credit-repair.js';
import type { AppContext } from './context.js';
import { createDataCipher } from './crypto/data-cipher.js';
import type { DatabaseHandle } from './db/database.js';
import { LocalFileStorage } from './files/storage.js';

/** Builds the services' context from the configuration and an open database. */
export function createContext(
  config: Pick<
    Config,
    'dataKey' | 'filesDir' | 'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'publicBaseUrl'
  > &
    Partial<
      Pick<
        Config,
        | 'notify'
        | 'handlingRules'
        | 'audit'
        | 'mediation'
        | 'reinspection'
        | 'myRequests'
        | 'creditRules'
        | 'education'
      >
    >,
  handle: DatabaseHandle,
  now: () => Date = () => new Date(),
): AppContext {
  return {
    db: handle.db,
    databaseKind: handle.kind,
    cipher: createDataCipher(config.dataKey),
    storage: new LocalFileStorage(config.filesDir),
    now,
    settings: {
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionAbsoluteHours: config.sessionAbsoluteHours,
      publicBaseUrl: config.publicBaseUrl,
      secureCookies: config.publicBaseUrl?.startsWith('https://') ?? false,
    },
    notify: config.notify ?? defaultNotifySettings,
    handlingRules: config.handlingRules ?? defaultHandlingSettings,
    audit: config.audit ?? { key: deriveAuditKey(config.dataKey), mac: 'hmac-sha256' },
    mediation: config.mediation ?? defaultMediationSettings,
    reinspection: config.reinspection ?? defaultReinspectionSettings,
    education: config.education ?? defaultEducationSettings,
    creditRules: config.creditRules ?? defaultCreditRules,
    myRequests: config.myRequests ?? defaultMyRequestSettings,
  };
}
