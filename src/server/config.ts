import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHmac, getHashes, randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_REINSPECTION_DAYS,
  DEFAULT_REINSPECTION_MATTERS,
} from '../domain/reinspection-rules.js';

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
  DATA_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, { error: 'must be 64 hex characters (a 256-bit key)' })
    .optional(),
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
  NOTIFY_ADAPTER: z.enum(['console', 'http']).default('console'),
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  AUDIT_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, { error: 'must be 64 hex characters (a 256-bit key)' })
    .optional(),
  AUDIT_MAC: z.enum(['hmac-sha256', 'hmac-sm3']).default('hmac-sha256'),
});

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

/** The key and algorithm of the audit trail's MAC chain (src/server/audit). */
export interface AuditSettings {
  key: Buffer;
  mac: 'hmac-sha256' | 'hmac-sm3';
}

/**
 * The audit key when AUDIT_KEY is not set: HMAC-SHA256(DATA_KEY, 'audit'). It differs from the
 * data key but changes with it, so a new DATA_KEY also makes the old trail fail verification.
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

export type Config = {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  filesDir: string;
  publicBaseUrl: string | null;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  seedDemo: 'auto' | 'yes' | 'no';
  dataKey: Buffer;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  handlingRules: HandlingSettings;
  notify: NotifySettings;
  audit: AuditSettings;
  mediation: MediationSettings;
  reinspection: ReinspectionSettings;
};

/** A setting that failed validation; the start stops with its name. */
export class ConfigError extends Error {}

/** Reads and validates the settings; throws ConfigError naming each wrong setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.superRefine(requireGatewayUrl).superRefine(requireSm3).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid settings / 配置有误:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const dataKey = e.DATA_KEY ? Buffer.from(e.DATA_KEY, 'hex') : localDataKey(dataDir);
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'linli.sqlite') },
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    publicBaseUrl: e.PUBLIC_BASE_URL ?? null,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    dataKey,
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
    audit: {
      key: e.AUDIT_KEY ? Buffer.from(e.AUDIT_KEY, 'hex') : deriveAuditKey(dataKey),
      mac: e.AUDIT_MAC,
    },
    mediation: { checkDaysAfterDeadline: e.MEDIATION_CHECK_DAYS },
    reinspection: {
      days: e.REINSPECTION_DAYS,
      matterCodes: [...new Set(e.REINSPECTION_MATTERS.split(',').map((c) => c.toUpperCase()))],
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
