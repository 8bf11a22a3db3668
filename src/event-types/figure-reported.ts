import { z } from 'zod';
import { slug } from '../domain/catalog-schema.js';
import { commonFields } from '../domain/event-fields.js';
import { defineEventType } from './define.js';
import { withLatest } from '../model/latest-by-key.js';

const bySource = (r: { readonly source: string }) => r.source;
/** A figure's reports as a state lists them: by source. */
const sourceOrder = (a: { readonly source: string }, b: { readonly source: string }) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);

export const figureReportedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('figure.reported'),
  figure: slug,
  value: z.number().finite(),
  qualifier: z.string().min(1).optional(),
});

export const figureReported = defineEventType<z.output<typeof figureReportedSchema>>({
  type: 'figure.reported',
  schema: figureReportedSchema,
  description: 'a figure a source reports (hostages remaining, say), kept per source',
  machineEvent: null,
  check: () => {},
  apply(s, e) {
    const source = e.source ?? 'hypothetical';
    const report = { source, value: e.value, qualifier: e.qualifier ?? null, date: e.occurred, eventIds: { id: e.id, prev: null }, hypothetical: e.hypothetical };
    s.figures.set(e.figure, withLatest(s.figures.get(e.figure), bySource, report, sourceOrder));
  },
  summarise: (e) => `${e.figure}: ${e.value}`,
});
