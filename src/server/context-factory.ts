import {
  defaultEducationSettings,
  defaultHandlingSettings,
  defaultIdentitySettings,
  defaultMediationSettings,
  defaultMyRequestSettings,
  defaultNotifySettings,
  defaultReinspectionSettings,
  defaultSurveySettings,
  deriveAuditKey,
  type Config,
  type FileStorageSettings,
} from './config.js';
import { defaultCreditRules } from '../domain/credit-repair.js';
import { defaultCityOpsSettings } from './city-ops/settings.js';
import { chainerFor } from './audit/pending.js';
import type { AppContext } from './context.js';
import { createDataCipher } from './crypto/data-cipher.js';
import type { DatabaseHandle } from './db/database.js';
import { S3FileStorage } from './files/s3-storage.js';
import { LocalFileStorage, type FileStorage } from './files/storage.js';

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
        | 'cityOps'
        | 'handlingRules'
        | 'audit'
        | 'mediation'
        | 'reinspection'
        | 'myRequests'
        | 'creditRules'
        | 'education'
        | 'surveys'
        | 'fileStorage'
        | 'identity'
        | 'dataKeys'
      >
    >,
  handle: DatabaseHandle,
  now: () => Date = () => new Date(),
): AppContext {
  const audit = config.audit ?? {
    key: deriveAuditKey(config.dataKeys?.macKey ?? config.dataKey),
    mac: 'hmac-sha256' as const,
  };
  return {
    db: handle.db,
    databaseKind: handle.kind,
    cipher: createDataCipher(config.dataKeys ?? config.dataKey),
    storage: openFileStorage(config.fileStorage ?? { kind: 'local' }, config.filesDir),
    now,
    settings: {
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionAbsoluteHours: config.sessionAbsoluteHours,
      publicBaseUrl: config.publicBaseUrl,
      secureCookies: config.publicBaseUrl?.startsWith('https://') ?? false,
    },
    notify: config.notify ?? defaultNotifySettings,
    cityOps: config.cityOps ?? defaultCityOpsSettings,
    handlingRules: config.handlingRules ?? defaultHandlingSettings,
    audit,
    auditChainer: chainerFor(handle, audit),
    mediation: config.mediation ?? defaultMediationSettings,
    reinspection: config.reinspection ?? defaultReinspectionSettings,
    education: config.education ?? defaultEducationSettings,
    surveys: config.surveys ?? defaultSurveySettings,
    creditRules: config.creditRules ?? defaultCreditRules,
    myRequests: config.myRequests ?? defaultMyRequestSettings,
    identity: config.identity ?? defaultIdentitySettings,
  };
}

/** The local directory by default; an S3-compatible bucket with FILE_STORAGE=s3. */
function openFileStorage(settings: FileStorageSettings, filesDir: string): FileStorage {
  return settings.kind === 's3' ? new S3FileStorage(settings) : new LocalFileStorage(filesDir);
}
