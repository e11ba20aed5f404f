import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** A real PostgreSQL server, connected to as the non-owner application role. Unset: embedded PGlite. */
  DATABASE_URL: z.url().optional(),
  /** The tables' owner, used only to run migrations. Defaults to DATABASE_URL. */
  DATABASE_MIGRATION_URL: z.url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),
  /** Where the embedded database keeps its files. */
  DATA_DIR: z.string().default(path.resolve(__dirname, '../../../.data')),
  /** Load the demo tenants on a fresh database. */
  SEED_DEMO: bool.default(false),
  SESSION_MAX_AGE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(12 * 60),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(2 * 60),
  /** Consecutive failed logins before the account is locked, and for how long. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Failed logins from one address within the lock window before that address is slowed down. */
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  INVITATION_VALID_DAYS: z.coerce.number().int().min(1).default(7),
  /** Public address of the portal, used in invitation links and to check the Origin of requests. */
  PUBLIC_URL: z.url().optional(),
  /** Outgoing mail server for notification emails (smtp://user:password@host:587, smtps://…). Unset: in-app notifications only. */
  SMTP_URL: z.url().optional(),
  SMTP_FROM: z.string().default('Jalon <notifications@jalon.invalid>'),
  /** The built portal to serve; unset or missing: API only. */
  PORTAL_DIST: z.string().default(path.resolve(__dirname, '../../portal/dist')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty`: one readable line per event, for a person at a terminal; `json`: for log collectors. Default: pretty in development. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
});

export type Config = Omit<z.infer<typeof schema>, 'LOG_FORMAT'> & { production: boolean; LOG_FORMAT: 'pretty' | 'json' };

/** Parses the environment once; a bad value stops the process with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' conventions.
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const { NODE_ENV, LOG_FORMAT = NODE_ENV === 'development' ? 'pretty' : 'json' } = parsed.data;
  return { ...parsed.data, LOG_FORMAT, production: NODE_ENV === 'production' };
}
