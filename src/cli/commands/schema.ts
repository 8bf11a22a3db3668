import { parseArgs } from 'node:util';
import { z } from 'zod';
import { dealSpecSchema } from '../../domain/deal-spec.js';
import { eventSchema } from '../../domain/event-schema.js';
import { scenarioSchema } from '../../scenario/scenario-schema.js';
import { usageError } from '../cli-errors.js';
import { type Command, helpOption, parsing } from '../command.js';

const schemas = { scenario: scenarioSchema, event: eventSchema, deal: dealSpecSchema } as const;
const names = Object.keys(schemas) as (keyof typeof schemas)[];
const isName = (name: string | undefined): name is keyof typeof schemas => names.includes(name as keyof typeof schemas);

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of scenario files, events or the deal spec, for editors',
  usage: `parley schema scenario|event|deal

Prints the JSON Schema (draft 2020-12) of a scenario file, of one event line,
or of a deal spec (deal.json beside the catalog), generated from the same zod
schemas parley validates with. Point your
editor's YAML/JSON language server at it, e.g.
  parley schema scenario > scenario.schema.json
  # yaml-language-server: $schema=./scenario.schema.json`,
  async run(argv, io) {
    const { positionals } = parsing(() => parseArgs({ args: [...argv], options: { ...helpOption }, allowPositionals: true }));
    const name = positionals[0];
    if (!isName(name)) throw usageError(`expected one of ${names.join(', ')}, got ${name === undefined ? 'nothing' : JSON.stringify(name.slice(0, 40))}`);
    io.out(JSON.stringify(z.toJSONSchema(schemas[name], { io: 'input', unrepresentable: 'any' }), null, 2));
  },
};
