// Which database a DATABASE_URL names. `file:` is SQLite (the default, needs nothing);
// `postgresql://` or `postgres://` is PostgreSQL. Each has its own schema, client and migrations.
export type DatabaseProvider = 'sqlite' | 'postgresql';

export const MIGRATIONS_DIR: Record<DatabaseProvider, string> = {
  sqlite: 'prisma/migrations',
  postgresql: 'prisma/postgresql/migrations',
};

export function getDatabaseProvider(url: string): DatabaseProvider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error('DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)');
}

export function isDatabaseUrl(url: string): boolean {
  try {
    getDatabaseProvider(url);
    return url.startsWith('file:') ? url.length > 'file:'.length : Boolean(new URL(url).hostname);
  } catch {
    return false;
  }
}

// A URL for messages and logs: the password never leaves the process.
export function redactDatabaseUrl(url: string): string {
  if (!/^postgres(ql)?:\/\//.test(url)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/.*@/, '//***@');
  }
}
