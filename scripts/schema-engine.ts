import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { DiffTarget, SchemaContainer, SchemaEngine } from '@prisma/schema-engine-wasm';

// Prisma's schema engine as WebAssembly (npm: @prisma/schema-engine-wasm, pinned to the client's
// engine version), driven through a driver adapter: the Prisma CLI's native engine cannot be
// downloaded here. Its package imports the .wasm as an ES module, which only bundlers
// understand, so it is instantiated by hand.
type AdapterFactory = Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0];

let loaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm');
    const bytes = readFileSync(entry.replace(/schema_engine\.js$/, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return loaded;
}

export async function withSchemaEngine<T>(adapter: AdapterFactory, schema: SchemaContainer, use: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  const engine = (await bg.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => {}, bindMigrationAwareSqlAdapterFactory(adapter))) as SchemaEngine;
  try {
    return await use(engine);
  } finally {
    engine.free();
  }
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

// The SQL that turns `from` into `to` ("" when they are the same).
export async function diffToSql(engine: SchemaEngine, from: DiffTarget, to: DiffTarget): Promise<string> {
  const result = await engine.diff({ from, to, script: true, exitCode: true, filters: NO_FILTERS });
  return result.exitCode === 0 ? '' : (result.stdout ?? '');
}

export function datamodel(schema: SchemaContainer): DiffTarget {
  return { tag: 'schemaDatamodel', files: [schema] };
}

// The database the engine's adapter is connected to.
export function liveDatabase(schema: SchemaContainer): DiffTarget {
  return { tag: 'schemaDatasource', files: [schema], configDir: process.cwd() };
}

// The models a live database has, written into `schema` (its generator and datasource kept).
export async function introspectSchema(engine: SchemaEngine, schema: SchemaContainer): Promise<string> {
  const result = await engine.introspect({ schema: { files: [schema] }, baseDirectoryPath: process.cwd(), force: true, compositeTypeDepth: -1, namespaces: null });
  return result.schema.files[0]!.content;
}
