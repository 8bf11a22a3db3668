import { z } from 'zod';
import { dealSpecSchema } from '../../domain/deal-spec.js';
import { eventSchema } from '../../domain/event-schema.js';
import { scenarioSchema } from '../../scenario/scenario-schema.js';
import { usageError } from '../cli-errors.js';
import { type schemaOptions, schemaNames } from '../command-table.js';
import type { Output } from '../command.js';
import type { Parsed } from '../option-spec.js';

type SchemaName = (typeof schemaNames)[number];
const schemas: Readonly<Record<SchemaName, z.ZodType>> = { scenario: scenarioSchema, event: eventSchema, deal: dealSpecSchema };
const isName = (name: string | undefined): name is SchemaName => (schemaNames as readonly (string | undefined)[]).includes(name);

/** Runs `parley schema` (declared in command-table.ts). */
export async function run({ positionals }: Parsed<typeof schemaOptions>, io: Output): Promise<void> {
  const name = positionals[0];
  if (!isName(name)) throw usageError(`expected one of ${schemaNames.join(', ')}, got ${name === undefined ? 'nothing' : JSON.stringify(name.slice(0, 40))}`);
  io.out(JSON.stringify(z.toJSONSchema(schemas[name], { io: 'input', unrepresentable: 'any' }), null, 2));
}
