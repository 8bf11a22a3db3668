import { type SchemaName, editorSchema } from '../../domain/editor-schemas.js';
import { loadCatalog } from '../../io/read-log.js';
import { type schemaOptions, schemaNames } from '../command-table.js';
import { type Output, unwrap } from '../command.js';
import type { Parsed } from '../option-spec.js';

// The table lists the names without loading the schemas; the compiler keeps the two lists in step.
const declared: readonly SchemaName[] = schemaNames;

/** Runs `parley schema` (declared in command-table.ts). */
export async function run({ positionals, values }: Parsed<typeof schemaOptions>, io: Output): Promise<void> {
  // The parser has checked NAME against the table's names.
  const name = declared.find((n) => n === positionals[0])!;
  const catalog = values.catalog === undefined ? undefined : unwrap(await loadCatalog(values.catalog));
  io.out(JSON.stringify(editorSchema(name, catalog), null, 2));
}
