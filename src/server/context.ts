import type {
  AuditSettings,
  Config,
  EducationSettings,
  HandlingSettings,
  IdentitySettings,
  MediationSettings,
  MyRequestSettings,
  NotifySettings,
  ReinspectionSettings,
  SurveySettings,
} from './config.js';
import type { AuditChainer } from './audit/pending.js';
import type { CreditRules } from '../domain/credit-repair.js';
import type { CityOpsSettings } from './city-ops/settings.js';
import type { DataCipher } from './crypto/data-cipher.js';
import type { Db, DatabaseKind } from './db/database.js';
import type { FileStorage } from './files/storage.js';

/** What every service needs, built once at start and passed down (no globals). */
export interface AppContext {
  db: Db;
  databaseKind: DatabaseKind;
  cipher: DataCipher;
  storage: FileStorage;
  /** The clock; tests pass a fixed one so deadlines can be asserted. */
  now: () => Date;
  settings: Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'publicBaseUrl'> & {
    secureCookies: boolean;
  };
  /** Re-handling and closing rules of tickets. */
  handlingRules: HandlingSettings;
  /** How the outbox worker delivers notifications. */
  notify: NotifySettings;
  /** The city-operations platform's webhook and callbacks (src/server/city-ops). */
  cityOps: CityOpsSettings;
  /** The audit trail's MAC key and algorithm (src/server/audit). */
  audit: AuditSettings;
  /** PostgreSQL's chainer of audit entries; null on SQLite (src/server/audit/pending.ts). */
  auditChainer: AuditChainer | null;
  /** When a mediation agreement's performance is checked (src/server/mediations). */
  mediation: MediationSettings;
  /** When corrected cases are re-inspected (回头看, src/server/buildings). */
  reinspection: ReinspectionSettings;
  /** The largest video of legal education (src/server/education). */
  education: EducationSettings;
  /** How many survey answers one client address may give a day (src/server/surveys). */
  surveys: SurveySettings;
  /** Publication periods and handling limits of credit repair (src/server/credit). */
  creditRules: CreditRules;
  /** Lockout, sign-in throttle and password policy of staff (src/server/accounts). */
  identity: IdentitySettings;
  /** Rate limits and session length of "my requests" (src/server/my-requests). */
  myRequests: MyRequestSettings;
}
