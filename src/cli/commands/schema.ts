import { parseArgs } from 'node:util';
import { z } from 'zod';
import { eventSchema } from '../../domain/event-schema.js';
import { scenarioSchema } from '../../scenario/scenario-schema.js';
import { usageError } from '../cli-errors.js';
import { type Command, helpOption, parsing } from '../command.js';

const schemas = { scenario: scenarioSchema, event: eventSchema } as const;

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of scenario files or events, for editors',
  usage: `parley schema scenario|event

Prints the JSON Schema (draft 2020-12) of a scenario file or of one event
line, generated from the same zod schemas parley validates with. Point your
editor's YAML/JSON language server at it, e.g.
  parley schema scenario > scenario.schema.json
  # yaml-language-server: $schema=./scenario.schema.json`,
  async run(argv, io) {
    const { positionals } = parsing(() => parseArgs({ args: [...argv], options: { ...helpOption }, allowPositionals: true }));
    const name = positionals[0];
    if (name !== 'scenario' && name !== 'event') throw usageError(`expected "scenario" or "event", got ${name === undefined ? 'nothing' : `"${name}"`}`);
    io.out(JSON.stringify(z.toJSONSchema(schemas[name], { io: 'input', unrepresentable: 'any' }), null, 2));
  },
};
