import { z } from 'zod';
import { formatIssues } from './config/format-issues.ts';
import { compileTrustedProxies } from './net/client-address.ts';
import { isValidHost } from './net/valid-host.ts';
import { isDatabaseUrl } from './db/database-url.ts';

// The only place that reads process.env. Everything else imports `env`.
const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  DATABASE_URL: z
    .string()
    .refine(isDatabaseUrl, 'file:<path> for SQLite, or postgresql://user:password@host:port/database for PostgreSQL')
    .default('file:./data/lookout.db'),
  LOOKOUT_CONFIG: z.string().min(1).default('lookout.config.json'),
  LOOKOUT_DATA_DIR: z.string().min(1).default('data'),
  ORIGIN_HOST: z.string().min(1).default('127.0.0.1'),
  ORIGIN_PORT: port.default(3100),
  ORIGIN_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Shared by the worker and a site on another machine: the origin's private paths
  // (/status.json, /events, /metrics) answer only loopback or `Authorization: Bearer <token>`.
  ORIGIN_TOKEN: z.string().min(16, 'use at least 16 characters (openssl rand -hex 32)').optional(),
  // false when the site reaches the worker through `ssh -R`: tunnelled peers look like loopback.
  ORIGIN_TRUST_LOOPBACK: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  // The site's Prometheus /metrics, on its own port (never the public one); unset: not served.
  METRICS_PORT: port.optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Hosts the site answers for in absolute links when PUBLIC_URL is unset: host or host:port, comma-separated.
  ALLOWED_HOSTS: z
    .string()
    .optional()
    .refine((value) => value === undefined || value.split(',').every((host) => isValidHost(host.trim().toLowerCase())), 'a comma-separated list of host or host:port names'),
  EMBED_ALLOWED_ORIGINS: z.string().default('*'),
  // LL-HLS blocking reloads held open at once per process (site and worker); past it, answered at once.
  HELD_RELOAD_LIMIT: z.coerce.number().int().min(0).default(1000),
  // Peers whose X-Forwarded-For/-Host/-Proto are believed: proxy-addr names or CIDRs.
  TRUSTED_PROXIES: z
    .string()
    .default('loopback')
    .refine((value) => {
      try {
        compileTrustedProxies(value);
        return true;
      } catch {
        return false;
      }
    }, 'a comma-separated list of CIDRs or the names loopback, linklocal, uniquelocal'),
  // Analytics (see README "Analytics and privacy").
  GEOIP_DB: z.string().min(1).optional(), // a newer country .mmdb than the bundled DB-IP Lite
  ANALYTICS_CF_IPCOUNTRY: z.enum(['on', 'off']).default('off'), // believe Cloudflare's CF-IPCountry
  ANALYTICS_FLUSH_SECONDS: z.coerce.number().min(0.05).max(60).default(5),
  BEACONS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120), // per client, then 429
  EDGE_LOG_PORT: port.optional(), // UDP port on 127.0.0.1 for the edges' preview.jpg syslog lines
  EDGE_LOG_KEY: z.string().min(16, 'use at least 16 characters').regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only').optional(),
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Env = z.infer<typeof schema> & { ORIGIN_URL: string };

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    throw new Error(`Invalid environment:\n${formatIssues(result.error.issues)}`);
  }
  const value = result.data;
  return { ...value, ORIGIN_URL: value.ORIGIN_URL ?? `http://${value.ORIGIN_HOST}:${value.ORIGIN_PORT}` };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
