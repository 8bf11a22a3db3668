import { z } from 'zod';
import { partyId } from '../domain/catalog-references.js';
import { commonFields } from '../domain/event-fields.js';
import { checkParties } from '../domain/reference-checks.js';
import { defineEventType } from './define.js';

export const statementKind = z.enum(['call', 'accusation', 'meeting', 'denial', 'commitment', 'other']);

export const statementMadeSchema = z.strictObject({
  ...commonFields,
  type: z.literal('statement.made'),
  kind: statementKind,
  /** Parties the statement is about or addressed to. */
  about: z.array(partyId).default([]),
});

export const statementMade = defineEventType<z.output<typeof statementMadeSchema>>({
  type: 'statement.made',
  schema: statementMadeSchema,
  description: 'any other attributed statement (a call, accusation, meeting, denial or commitment); recorded, changes no state',
  machineEvent: null,
  check: (e, catalog, problems) => checkParties(problems, catalog, 'about', e.about),
  apply() {},
  summarise: (e) => `a statement (${e.kind})`,
});
