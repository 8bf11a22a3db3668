import { parseArgs } from 'node:util';
import { editorSchema, isSchemaName, schemaNames } from '../../domain/editor-schemas.js';
import { loadCatalog } from '../../io/read-log.js';
import { usageError } from '../cli-errors.js';
import { type Command, helpOption, parsing, unwrap } from '../command.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of scenario files, events, the deal spec or the catalog files, for editors',
  usage: `parley schema ${schemaNames.join('|')} [--catalog DIR]

Prints the JSON Schema (draft 2020-12) of a scenario file, of one event line,
of a deal spec (deal.json beside the catalog) or of a catalog file (terms.json,
parties.json, sources.json), generated from the same zod schemas parley
validates with. With --catalog DIR (a folder with terms.json, parties.json,
sources.json and deal.json), term, party and source ids and each term's ladder
options are enumerated. What JSON Schema cannot state (dates in order, ids
unique across a log, references to other events) is said in "description".
Point your editor's YAML/JSON language server at it, e.g.
  parley schema scenario --catalog events > scenario.schema.json
  # yaml-language-server: $schema=./scenario.schema.json`,
  async run(argv, io) {
    const { positionals, values } = parsing(() => parseArgs({ args: [...argv], options: { ...helpOption, catalog: { type: 'string' } }, allowPositionals: true }));
    const name = positionals[0];
    if (!isSchemaName(name)) throw usageError(`expected one of ${schemaNames.join(', ')}, got ${name === undefined ? 'nothing' : JSON.stringify(name.slice(0, 40))}`);
    const catalog = values.catalog === undefined ? undefined : unwrap(await loadCatalog(values.catalog));
    io.out(JSON.stringify(editorSchema(name, catalog), null, 2));
  },
};
