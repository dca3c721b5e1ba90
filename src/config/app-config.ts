import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOG_FORMAT_SETTINGS, type LogFormatSetting } from '../common/logging/log-format.js';

/** scrypt's cost (N = 2^14) unless PASSWORD_HASH_COST says otherwise: OWASP's minimum for scrypt. */
export const DEFAULT_PASSWORD_HASH_COST = 14;

/**
 * The application's configuration, read once from the environment by `loadConfig`.
 * Every setting has a sensible default so that `npm start` needs nothing.
 */
export interface AppConfig {
  /** HTTP port (PORT, default 3000). */
  port: number;
  /** HTTP host to bind (HOST, default 0.0.0.0). */
  host: string;
  /**
   * Which proxies' X-Forwarded-For is believed for the client's address (TRUST_PROXY, default
   * `loopback`): Express's `trust proxy` value — a list of addresses, subnets and the names
   * loopback / linklocal / uniquelocal, a number of hops, or false.
   */
  trustProxy: string | number | false;
  /** PostgreSQL server to use (DATABASE_URL). Unset: an embedded PostgreSQL is started. */
  databaseUrl: string | null;
  /** Where the embedded database keeps its files (DATA_DIR, default ./data); ':memory:' keeps nothing. */
  dataDir: string;
  /** First organiser to create when none exists (ADMIN_EMAIL / ADMIN_PASSWORD). */
  adminEmail: string | null;
  adminPassword: string | null;
  /** Lifetime of an access token in minutes (TOKEN_TTL_MINUTES, default 720 = 12 h). */
  tokenTtlMinutes: number;
  /** Load the 2012 reference data at start-up (SEED_REFERENCE_DATA, default true). */
  seedReferenceData: boolean;
  /**
   * scrypt's cost for new password hashes, as a power of two (PASSWORD_HASH_COST, default 14: N =
   * 16,384, OWASP's minimum; up to 17). A hash keeps the N it was made with, so raising it leaves
   * existing passwords working. Below 14 (down to 10) only under NODE_ENV=test, where the suite
   * hashes and checks hundreds of passwords (docs/testing.md).
   */
  passwordHashCost: number;
  /** Log level for pino (LOG_LEVEL, default info; 'silent' in tests). */
  logLevel: string;
  /** LOG_FORMAT: json, pretty, or auto (default: readable when standard output is a terminal, JSON otherwise). */
  logFormat: LogFormatSetting;
  /**
   * Login throttling (src/auth/login-throttle.ts), all over the last LOGIN_FAILURE_WINDOW_MINUTES
   * (default 15): an (account, address) pair fails LOGIN_MAX_FAILURES_PER_PAIR times (default 5),
   * then waits LOGIN_DELAY_SECONDS (default 30), doubled after each further failure, at most the
   * window (a pair's failures are remembered a day, or until it logs in); an account with LOGIN_MAX_FAILURES_PER_ACCOUNT failures (default 50) is closed to the
   * addresses that have failed on it; an address with LOGIN_MAX_FAILURES_PER_ADDRESS (default 100)
   * is closed to all accounts.
   */
  loginMaxFailuresPerPair: number;
  loginDelaySeconds: number;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginFailureWindowMinutes: number;
  /** Where mail goes (SMTP_URL, e.g. smtp://user:pass@host:587). Unset: .eml files under outboxDir. */
  smtpUrl: string | null;
  /** Sender of every message (MAIL_FROM). */
  mailFrom: string;
  /** Folder of .eml files when there is no SMTP_URL (OUTBOX_DIR, default DATA_DIR/outbox). */
  outboxDir: string;
  /** How often the outbox worker looks for mail to send, in ms (OUTBOX_POLL_MS, default 2000; 0 turns the worker off). */
  outboxPollMs: number;
  /** Public address of the back-office, used in links inside e-mails (PUBLIC_URL). */
  publicUrl: string;
}

export class ConfigError extends Error {}

function smtpUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return null;
  if (!/^smtps?:\/\//.test(raw)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  return raw;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY: a list of proxies (addresses, subnets, Express's names), a number of hops, or false; never everyone. */
function trustProxySetting(env: NodeJS.ProcessEnv): string | number | false {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return 'loopback';
  if (['false', 'none', 'off', '0'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY as a number of proxies must be between 0 and 10, got ${hops}`);
    return hops;
  }
  if (raw.toLowerCase() === 'true') {
    throw new ConfigError('TRUST_PROXY=true would let any client choose its address (and escape the login limits): name the proxies instead');
  }
  const entries = raw.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!(PROXY_NAMES.includes(entry) || (family !== 0 && prefixOk && rest.length === 0))) {
      throw new ConfigError(`TRUST_PROXY: "${entry}" is not an address, a subnet (10.0.0.0/8) or one of ${PROXY_NAMES.join(', ')}`);
    }
  }
  return entries.join(',');
}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function logFormatSetting(env: NodeJS.ProcessEnv): LogFormatSetting {
  const raw = env.LOG_FORMAT?.trim().toLowerCase() || 'auto';
  if (!(LOG_FORMAT_SETTINGS as readonly string[]).includes(raw)) throw new ConfigError(`LOG_FORMAT must be one of ${LOG_FORMAT_SETTINGS.join(', ')}, got "${env.LOG_FORMAT}"`);
  return raw as LogFormatSetting;
}

/** Reads and checks the configuration; throws ConfigError with a readable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const adminEmail = env.ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminPassword !== null && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 10 characters long');
  }
  const dataDir = env.DATA_DIR?.trim() || './data';
  return {
    port: intSetting(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    trustProxy: trustProxySetting(env),
    databaseUrl,
    dataDir,
    adminEmail,
    adminPassword,
    tokenTtlMinutes: intSetting(env, 'TOKEN_TTL_MINUTES', 720, 1, 60 * 24 * 90),
    seedReferenceData: boolSetting(env, 'SEED_REFERENCE_DATA', true),
    passwordHashCost: intSetting(env, 'PASSWORD_HASH_COST', DEFAULT_PASSWORD_HASH_COST, env.NODE_ENV === 'test' ? 10 : DEFAULT_PASSWORD_HASH_COST, 17),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    logFormat: logFormatSetting(env),
    loginMaxFailuresPerPair: intSetting(env, 'LOGIN_MAX_FAILURES_PER_PAIR', 5, 1, 1000),
    loginDelaySeconds: intSetting(env, 'LOGIN_DELAY_SECONDS', 30, 1, 24 * 3600),
    loginMaxFailuresPerAccount: intSetting(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 50, 1, 10000),
    loginMaxFailuresPerAddress: intSetting(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 100, 1, 10000),
    loginFailureWindowMinutes: intSetting(env, 'LOGIN_FAILURE_WINDOW_MINUTES', 15, 1, 24 * 60),
    smtpUrl: smtpUrl(env),
    mailFrom: env.MAIL_FROM?.trim() || 'Villes et territoires numériques <no-reply@localhost>',
    outboxDir: env.OUTBOX_DIR?.trim() || (dataDir === ':memory:' ? join(tmpdir(), `colloquium-outbox-${process.pid}`) : join(dataDir, 'outbox')),
    outboxPollMs: intSetting(env, 'OUTBOX_POLL_MS', 2000, 0, 3_600_000),
    publicUrl: (env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT?.trim() || 3000}`).replace(/\/+$/, ''),
  };
}
