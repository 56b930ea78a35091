import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHmac, getHashes, randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { defaultCreditRules, type CreditRules } from '../domain/credit-repair.js';
import {
  DEFAULT_REINSPECTION_DAYS,
  DEFAULT_REINSPECTION_MATTERS,
} from '../domain/reinspection-rules.js';
import type { S3StorageSettings } from './files/s3-storage.js';
import type { CityOpsSettings } from './city-ops/settings.js';
import { outboundUrlIssues } from './outbound-address.js';
import { checkKeySettings, keySettingsSchema, oldKeysOf, type KeyRing } from './crypto/key-ring.js';

const { periods } = defaultCreditRules;
/** A credit publication period in months (CREDIT_*_MONTHS). */
const creditMonths = (months: number) => z.coerce.number().int().min(0).max(120).default(months);
/** An amount in whole 元. */
const yuan = (amount: number) => z.coerce.number().int().min(0).max(1_000_000).default(amount);

/**
 * Every setting Linli reads, in one place. `process.env` is read here and nowhere
 * else; `.env.example` lists the same names.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v), {
      error: 'must be a postgres:// URL, or empty for the embedded SQLite database',
    })
    .default(''),
  DATA_DIR: z.string().min(1).default('data'),
  PUBLIC_BASE_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['auto', 'yes', 'no']).default('auto'),
  ...keySettingsSchema,
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TICKET_MAX_REOPENS: z.coerce.number().int().min(0).max(5).default(1),
  TICKET_AUTO_CLOSE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  DUPLICATE_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  MEDIATION_CHECK_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  REINSPECTION_DAYS: z.coerce.number().int().min(1).max(365).default(DEFAULT_REINSPECTION_DAYS),
  REINSPECTION_MATTERS: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,32}(,[A-Za-z0-9-]{1,32})*$/, {
      error: 'must be matter codes separated by commas, e.g. QZ,WFDJ,LDDW',
    })
    .default(DEFAULT_REINSPECTION_MATTERS.join(',')),
  CREDIT_MINOR_MAX_MONTHS: creditMonths(periods.minor.maxMonths),
  CREDIT_GENERAL_MIN_MONTHS: creditMonths(periods.general.minMonths),
  CREDIT_GENERAL_MAX_MONTHS: creditMonths(periods.general.maxMonths),
  CREDIT_SERIOUS_MIN_MONTHS: creditMonths(periods.serious.minMonths),
  CREDIT_SERIOUS_MAX_MONTHS: creditMonths(periods.serious.maxMonths),
  CREDIT_MINOR_FINE_PERSON_YUAN: yuan(200),
  CREDIT_MINOR_FINE_ORGANISATION_YUAN: yuan(3000),
  CREDIT_DECIDE_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  CREDIT_COMPLETE_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  FILE_STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, { error: 'must be a region name such as us-east-1' })
    .default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      error: 'must be a bucket name: 3-63 lower-case letters, digits, dots and hyphens',
    })
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
  S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, { error: 'must be empty or end with a slash, e.g. linli/' })
    .default(''),
  NOTIFY_ADAPTER: z.enum(['console', 'http']).default('console'),
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  CITY_OPS_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  CITY_OPS_CALLBACK_URL: z.url({ protocol: /^https?$/ }).optional(),
  OUTBOUND_ALLOW_LOOPBACK: z.enum(['true', 'false']).default('false'),
  CITY_OPS_REPLAY_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  CITY_OPS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  AUDIT_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, { error: 'must be 64 hex characters (a 256-bit key)' })
    .optional(),
  AUDIT_MAC: z.enum(['hmac-sha256', 'hmac-sm3']).default('hmac-sha256'),
  EDUCATION_VIDEO_MAX_MB: z.coerce.number().int().min(1).max(500).default(50),
  SURVEY_ANSWERS_PER_ADDRESS_DAY: z.coerce.number().int().min(1).max(100_000).default(30),
  MINE_CODE_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  MINE_CODES_PER_PHONE_HOUR: z.coerce.number().int().min(1).max(100).default(5),
  MINE_CODES_PER_ADDRESS_HOUR: z.coerce.number().int().min(1).max(10_000).default(20),
  MINE_RECEIPTS_PER_ADDRESS_10MIN: z.coerce.number().int().min(1).max(10_000).default(30),
  MINE_SESSION_MINUTES: z.coerce.number().int().min(5).max(240).default(30),
  CREDIT_CHECKS_PER_ADDRESS_HOUR: z.coerce.number().int().min(1).max(10_000).default(20),
  LOGIN_LOCK_FAILURES: z.coerce.number().int().min(3).max(20).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  LOGIN_ATTEMPTS_PER_ADDRESS_10MIN: z.coerce.number().int().min(5).max(10_000).default(30),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(64).default(10),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(365).default(90),
  PUBLIC_TICKETS_PER_ADDRESS_HOUR: z.coerce.number().int().min(1).max(100_000).default(60),
});

/** Where uploaded files live: the local directory DATA_DIR/files, or an S3-compatible bucket. */
export type FileStorageSettings = { kind: 'local' } | ({ kind: 's3' } & S3StorageSettings);

/** How notifications are delivered: the console adapter by default, or an HTTP SMS gateway. */
export interface NotifySettings {
  adapter: 'console' | 'http';
  gatewayUrl: string | null;
  gatewayToken: string | null;
  intervalSeconds: number;
  maxAttempts: number;
}

/** The delivery settings when none are given: log to the console, every 5 s, 10 attempts. */
export const defaultNotifySettings: NotifySettings = {
  adapter: 'console',
  gatewayUrl: null,
  gatewayToken: null,
  intervalSeconds: 5,
  maxAttempts: 10,
};

/** Legal education (src/server/education): the largest video file an officer may upload. */
export interface EducationSettings {
  videoMaxBytes: number;
}

/** 50 MiB: a short 微视频 of a few minutes at phone quality; the bureau may change it. */
export const defaultEducationSettings: EducationSettings = { videoMaxBytes: 50 * 1024 * 1024 };

/** Satisfaction surveys (src/server/surveys): answers one client address may give in a day. */
export interface SurveySettings {
  answersPerAddressDay: number;
}

/** 30: a family or an office shares one address; the limit stops a script, not a household. */
export const defaultSurveySettings: SurveySettings = { answersPerAddressDay: 30 };

/** The key and algorithm of the audit trail's MAC chain (src/server/audit). */
export interface AuditSettings {
  key: Buffer;
  mac: 'hmac-sha256' | 'hmac-sm3';
}

/**
 * The audit key when AUDIT_KEY is not set: HMAC-SHA256(digest key, 'audit'), the digest key being
 * DATA_MAC_KEY or else DATA_KEY. It differs from both; it stays when DATA_KEY is rotated with
 * DATA_MAC_KEY pinned, so the trail still verifies.
 */
export function deriveAuditKey(dataKey: Buffer): Buffer {
  return createHmac('sha256', dataKey).update('audit').digest();
}

/**
 * Rules of ticket handling the bureau sets: re-handlings allowed, days before an unrated close,
 * and how many days apart two tickets of one building and matter count as possible duplicates.
 */
export interface HandlingSettings {
  maxReopens: number;
  autoCloseDays: number;
  duplicateWindowDays: number;
}

/**
 * The defaults: one re-handling [unverified], close unrated replies after 7 days [unverified], a
 * 14-day duplicate window (the issue's choice, not a published rule).
 */
export const defaultHandlingSettings: HandlingSettings = {
  maxReopens: 1,
  autoCloseDays: 7,
  duplicateWindowDays: 14,
};

/** Mediation: how many calendar days after an agreement's performance deadline it is checked. */
export interface MediationSettings {
  checkDaysAfterDeadline: number;
}

/** The default check 7 days after the deadline: practice, not a published rule [unverified]. */
export const defaultMediationSettings: MediationSettings = { checkDaysAfterDeadline: 7 };

/** Re-inspections (回头看, src/server/buildings): days after a case's closing, and its matters. */
export interface ReinspectionSettings {
  days: number;
  matterCodes: readonly string[];
}

/** 30 days after 群租, 违法搭建 and 楼道堆物 cases: practice, not a published rule. */
export const defaultReinspectionSettings: ReinspectionSettings = {
  days: DEFAULT_REINSPECTION_DAYS,
  matterCodes: DEFAULT_REINSPECTION_MATTERS,
};

/**
 * "My requests" (src/server/my-requests): how often SMS codes may be asked for, per phone and per
 * client address, how many receipt-code lookups one address may make, and how long a verified
 * phone's session lasts. The issue's values, not a published rule; the bureau may change them.
 */
export interface MyRequestSettings {
  codeIntervalSeconds: number;
  codesPerPhoneHour: number;
  codesPerAddressHour: number;
  receiptsPerAddress10Min: number;
  sessionMinutes: number;
  /** Credit-repair checks (decision number + ID number) one address may make in an hour. */
  creditChecksPerAddressHour: number;
}

/** One code a minute and five an hour per phone, 20 an hour per address, 30 lookups in 10 min. */
export const defaultMyRequestSettings: MyRequestSettings = {
  codeIntervalSeconds: 60,
  codesPerPhoneHour: 5,
  codesPerAddressHour: 20,
  receiptsPerAddress10Min: 30,
  sessionMinutes: 30,
  creditChecksPerAddressHour: 20,
};

/**
 * Staff identity (src/server/accounts, docs/security.md): the lockout after failed sign-ins, the
 * per-address throttle of sign-in attempts, and the password policy of 等保 身份鉴别 a; also the
 * per-address throttle of anonymous ticket submissions.
 */
export interface IdentitySettings {
  lockFailures: number;
  lockMinutes: number;
  loginAttemptsPerAddress10Min: number;
  passwordMinLength: number;
  /** Days after which the workbench asks for a new password; 0 turns the reminder off. */
  passwordMaxAgeDays: number;
  /** New tickets one client address may submit through placards in an hour. */
  ticketsPerAddressHour: number;
}

/** 5 failures lock for 30 minutes (the usual 等保 assessor's expectation); 10 characters. */
export const defaultIdentitySettings: IdentitySettings = {
  lockFailures: 5,
  lockMinutes: 30,
  loginAttemptsPerAddress10Min: 30,
  passwordMinLength: 10,
  passwordMaxAgeDays: 90,
  ticketsPerAddressHour: 60,
};

/** The credit-repair settings from the environment (src/domain/credit-repair.ts). */
function creditRulesOf(e: z.infer<typeof envSchema>): CreditRules {
  return {
    periods: {
      minor: { minMonths: 0, maxMonths: e.CREDIT_MINOR_MAX_MONTHS },
      general: { minMonths: e.CREDIT_GENERAL_MIN_MONTHS, maxMonths: e.CREDIT_GENERAL_MAX_MONTHS },
      serious: { minMonths: e.CREDIT_SERIOUS_MIN_MONTHS, maxMonths: e.CREDIT_SERIOUS_MAX_MONTHS },
    },
    minorFineFen: {
      person: e.CREDIT_MINOR_FINE_PERSON_YUAN * 100,
      organisation: e.CREDIT_MINOR_FINE_ORGANISATION_YUAN * 100,
    },
    decideWorkingDays: e.CREDIT_DECIDE_WORKING_DAYS,
    completeWorkingDays: e.CREDIT_COMPLETE_WORKING_DAYS,
  };
}

export type Config = {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  filesDir: string;
  fileStorage: FileStorageSettings;
  publicBaseUrl: string | null;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  seedDemo: 'auto' | 'yes' | 'no';
  /** The current encryption key (DATA_KEY, or DATA_DIR/data.key). */
  dataKey: Buffer;
  /** The algorithm, current and old keys and digest key of personal data (crypto/key-ring.ts). */
  dataKeys: KeyRing;
  /** True when DATA_KEY is not set and the key comes from DATA_DIR/data.key (one instance only). */
  dataKeyFromFile: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  handlingRules: HandlingSettings;
  notify: NotifySettings;
  cityOps: CityOpsSettings;
  audit: AuditSettings;
  mediation: MediationSettings;
  reinspection: ReinspectionSettings;
  education: EducationSettings;
  surveys: SurveySettings;
  creditRules: CreditRules;
  myRequests: MyRequestSettings;
  identity: IdentitySettings;
};

/** A setting that failed validation; the start stops with its name. */
export class ConfigError extends Error {}

/** Reads and validates the settings; throws ConfigError naming each wrong setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema
    .superRefine(requireGatewayUrl)
    .superRefine(requireSm3)
    .superRefine(requireCreditPeriodsInOrder)
    .superRefine(requireS3Settings)
    .superRefine(refuseLoopbackOutboundUrls)
    .superRefine(checkKeySettings)
    .safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid settings / 配置有误:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const dataKey = e.DATA_KEY ? Buffer.from(e.DATA_KEY, 'hex') : localDataKey(dataDir);
  const macKey = e.DATA_MAC_KEY ? Buffer.from(e.DATA_MAC_KEY, 'hex') : dataKey;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'linli.sqlite') },
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    fileStorage: fileStorageOf(e),
    publicBaseUrl: e.PUBLIC_BASE_URL ?? null,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    dataKey,
    dataKeys: { algorithm: e.DATA_CIPHER, current: dataKey, old: oldKeysOf(e), macKey },
    dataKeyFromFile: !e.DATA_KEY,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    trustProxy: e.TRUST_PROXY === 'true',
    handlingRules: {
      maxReopens: e.TICKET_MAX_REOPENS,
      autoCloseDays: e.TICKET_AUTO_CLOSE_DAYS,
      duplicateWindowDays: e.DUPLICATE_WINDOW_DAYS,
    },
    notify: {
      adapter: e.NOTIFY_ADAPTER,
      gatewayUrl: e.SMS_GATEWAY_URL ?? null,
      gatewayToken: e.SMS_GATEWAY_TOKEN ?? null,
      intervalSeconds: e.OUTBOX_INTERVAL_SECONDS,
      maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    },
    cityOps: {
      secret: e.CITY_OPS_SECRET ?? null,
      callbackUrl: e.CITY_OPS_CALLBACK_URL ?? null,
      replayWindowSeconds: e.CITY_OPS_REPLAY_SECONDS,
      maxAttempts: e.CITY_OPS_MAX_ATTEMPTS,
    },
    audit: {
      key: e.AUDIT_KEY ? Buffer.from(e.AUDIT_KEY, 'hex') : deriveAuditKey(macKey),
      mac: e.AUDIT_MAC,
    },
    mediation: { checkDaysAfterDeadline: e.MEDIATION_CHECK_DAYS },
    reinspection: {
      days: e.REINSPECTION_DAYS,
      matterCodes: [...new Set(e.REINSPECTION_MATTERS.split(',').map((c) => c.toUpperCase()))],
    },
    education: { videoMaxBytes: e.EDUCATION_VIDEO_MAX_MB * 1024 * 1024 },
    surveys: { answersPerAddressDay: e.SURVEY_ANSWERS_PER_ADDRESS_DAY },
    creditRules: creditRulesOf(e),
    myRequests: {
      codeIntervalSeconds: e.MINE_CODE_INTERVAL_SECONDS,
      codesPerPhoneHour: e.MINE_CODES_PER_PHONE_HOUR,
      codesPerAddressHour: e.MINE_CODES_PER_ADDRESS_HOUR,
      receiptsPerAddress10Min: e.MINE_RECEIPTS_PER_ADDRESS_10MIN,
      sessionMinutes: e.MINE_SESSION_MINUTES,
      creditChecksPerAddressHour: e.CREDIT_CHECKS_PER_ADDRESS_HOUR,
    },
    identity: {
      lockFailures: e.LOGIN_LOCK_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      loginAttemptsPerAddress10Min: e.LOGIN_ATTEMPTS_PER_ADDRESS_10MIN,
      passwordMinLength: e.PASSWORD_MIN_LENGTH,
      passwordMaxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
      ticketsPerAddressHour: e.PUBLIC_TICKETS_PER_ADDRESS_HOUR,
    },
  };
}

/** The HTTP adapter has nowhere to send without a gateway address. */
function requireGatewayUrl(e: z.infer<typeof envSchema>, ctx: z.RefinementCtx): void {
  if (e.NOTIFY_ADAPTER === 'http' && !e.SMS_GATEWAY_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['SMS_GATEWAY_URL'],
      message: 'required when NOTIFY_ADAPTER=http',
    });
  }
}

/** The SMS gateway and city-operations URLs may not reach this host or a metadata service. */
function refuseLoopbackOutboundUrls(e: z.infer<typeof envSchema>, ctx: z.RefinementCtx): void {
  for (const issue of outboundUrlIssues(e, e.OUTBOUND_ALLOW_LOOPBACK === 'true')) {
    ctx.addIssue({ code: 'custom', path: [issue.setting], message: issue.message });
  }
}

/** FILE_STORAGE=s3 needs a bucket, and the access key id and secret come together or not at all. */
function requireS3Settings(e: z.infer<typeof envSchema>, ctx: z.RefinementCtx): void {
  if (e.FILE_STORAGE !== 's3') {
    return;
  }
  if (!e.S3_BUCKET) {
    ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'required when FILE_STORAGE=s3' });
  }
  const pair = [
    ['S3_ACCESS_KEY_ID', e.S3_ACCESS_KEY_ID, 'S3_SECRET_ACCESS_KEY'],
    ['S3_SECRET_ACCESS_KEY', e.S3_SECRET_ACCESS_KEY, 'S3_ACCESS_KEY_ID'],
  ] as const;
  for (const [name, value, other] of pair) {
    if (!value && (e.S3_ACCESS_KEY_ID ?? e.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({ code: 'custom', path: [name], message: `required together with ${other}` });
    }
  }
}

/** The file storage the settings name; path-style URLs by default with an own endpoint. */
function fileStorageOf(e: z.infer<typeof envSchema>): FileStorageSettings {
  if (e.FILE_STORAGE === 'local' || !e.S3_BUCKET) {
    return { kind: 'local' };
  }
  return {
    kind: 's3',
    endpoint: e.S3_ENDPOINT ?? null,
    region: e.S3_REGION,
    bucket: e.S3_BUCKET,
    accessKeyId: e.S3_ACCESS_KEY_ID ?? null,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? null,
    forcePathStyle: (e.S3_FORCE_PATH_STYLE ?? String(e.S3_ENDPOINT !== undefined)) === 'true',
    prefix: e.S3_PREFIX,
  };
}

/** A class's minimum publication period cannot exceed its maximum. */
function requireCreditPeriodsInOrder(e: z.infer<typeof envSchema>, ctx: z.RefinementCtx): void {
  const pairs = [
    ['CREDIT_GENERAL_MIN_MONTHS', e.CREDIT_GENERAL_MIN_MONTHS, e.CREDIT_GENERAL_MAX_MONTHS],
    ['CREDIT_SERIOUS_MIN_MONTHS', e.CREDIT_SERIOUS_MIN_MONTHS, e.CREDIT_SERIOUS_MAX_MONTHS],
  ] as const;
  for (const [name, min, max] of pairs) {
    if (min > max) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'must not exceed the maximum months' });
    }
  }
}

/** HMAC-SM3 needs an OpenSSL with SM3; refuse at start rather than at the first audited step. */
function requireSm3(e: z.infer<typeof envSchema>, ctx: z.RefinementCtx): void {
  if (e.AUDIT_MAC === 'hmac-sm3' && !getHashes().includes('sm3')) {
    ctx.addIssue({
      code: 'custom',
      path: ['AUDIT_MAC'],
      message: "needs SM3, which this Node's OpenSSL lacks; use hmac-sha256",
    });
  }
}

/**
 * Without DATA_KEY a first run makes a key file in the data directory, so that `npm start` needs
 * no settings; production sets DATA_KEY (docs/deployment.md).
 */
function localDataKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'data.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}
