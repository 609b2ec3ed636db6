import { getDatabaseProvider } from '../db/database-url.ts';
import { createDbClient, type PrismaClient } from '../db.ts';
import { Prisma } from '../generated/prisma/client.ts';

// npm run db:copy: every row of every table from one database to another (SQLite → PostgreSQL
// when an install moves, or back). Rows go through Prisma's typed API, so DateTime and Bytes
// values arrive as the target stores them. The target is written in one transaction: a failed
// copy leaves it as it was.
type Row = Record<string, unknown>;
type Delegate = {
  count: () => Promise<number>;
  findMany: (args: { orderBy: Row[]; skip: number; take: number }) => Promise<Row[]>;
  createMany: (args: { data: Row[] }) => Promise<{ count: number }>;
  deleteMany: () => Promise<{ count: number }>;
};
type Transaction = { $executeRawUnsafe: (sql: string) => Promise<number>; $queryRawUnsafe: <T>(sql: string) => Promise<T> };

export const COPIED_MODELS = Object.values(Prisma.ModelName);

export class TargetNotEmptyError extends Error {}

function delegateOf(client: unknown, model: string): Delegate {
  return (client as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
}

// Every scalar field, so pages come in one total order (each row is unique by its primary key).
function orderOf(model: string): Row[] {
  const fields = (Prisma as unknown as Record<string, Record<string, string>>)[`${model}ScalarFieldEnum`]!;
  return Object.values(fields).map((field) => ({ [field]: 'asc' }));
}

async function countRows(client: PrismaClient): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of COPIED_MODELS) counts[model] = await delegateOf(client, model).count();
  return counts;
}

// After rows with explicit ids, PostgreSQL's serial sequences must continue past them.
async function resetPostgresSequences(tx: Transaction): Promise<void> {
  const columns = await tx.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'",
  );
  for (const { table_name: table, column_name: column } of columns) {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const col = `"${column.replaceAll('"', '""')}"`;
    await tx.$queryRawUnsafe(`SELECT setval(pg_get_serial_sequence('${quoted.replaceAll("'", "''")}', '${column.replaceAll("'", "''")}'), COALESCE((SELECT MAX(${col}) FROM ${quoted}), 0) + 1, false)`);
  }
}

export async function copyDatabase(
  fromUrl: string,
  toUrl: string,
  options: { overwrite?: boolean; batchSize?: number; onTable?: (model: string, rows: number) => void } = {},
): Promise<Record<string, number>> {
  const batchSize = options.batchSize ?? 2000;
  const [from, to] = [createDbClient(fromUrl), createDbClient(toUrl)];
  try {
    const sourceCounts = await countRows(from);
    const filled = Object.entries(await countRows(to)).filter(([, n]) => n > 0);
    if (filled.length && !options.overwrite) {
      throw new TargetNotEmptyError(`the target already has rows (${filled.map(([m, n]) => `${m}: ${n}`).join(', ')}); pass --overwrite to replace them`);
    }
    await to.$transaction(
      async (tx) => {
        for (const model of COPIED_MODELS) await delegateOf(tx, model).deleteMany();
        for (const model of COPIED_MODELS) {
          for (let skip = 0; skip < sourceCounts[model]!; skip += batchSize) {
            const rows = await delegateOf(from, model).findMany({ orderBy: orderOf(model), skip, take: batchSize });
            await delegateOf(tx, model).createMany({ data: rows });
          }
          options.onTable?.(model, sourceCounts[model]!);
        }
        if (getDatabaseProvider(toUrl) === 'postgresql') await resetPostgresSequences(tx as unknown as Transaction);
      },
      { timeout: 24 * 3600_000, maxWait: 60_000 },
    );
    const copied = await countRows(to);
    const short = COPIED_MODELS.filter((model) => copied[model] !== sourceCounts[model]);
    if (short.length) throw new Error(`row counts differ after the copy: ${short.map((m) => `${m} ${sourceCounts[m]} → ${copied[m]}`).join(', ')}`);
    return copied;
  } finally {
    await Promise.all([from.$disconnect(), to.$disconnect()]);
  }
}
