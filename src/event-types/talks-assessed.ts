import { z } from 'zod';
import { commonFields } from '../domain/event-fields.js';
import { defineEventType } from './define.js';
import { withLatest } from '../model/latest-by-key.js';

const bySpeaker = (a: { readonly speaker: string }) => a.speaker;
/** A source's assessments as a state lists them: by date, then speaker. */
const assessmentOrder = (a: { readonly date: string; readonly speaker: string }, b: { readonly date: string; readonly speaker: string }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.speaker < b.speaker ? -1 : a.speaker > b.speaker ? 1 : 0;

export const talksAssessedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('talks.assessed'),
  /** CAMEO 013 optimistic comment / 012 pessimistic comment. */
  tone: z.enum(['optimistic', 'pessimistic']),
});

export const talksAssessed = defineEventType<z.output<typeof talksAssessedSchema>>({
  type: 'talks.assessed',
  schema: talksAssessedSchema,
  description: "a speaker's assessment of the talks: optimistic (CAMEO 013) or pessimistic (CAMEO 012)",
  machineEvent: null,
  check: () => {},
  apply(s, e) {
    const speaker = e.attribution?.speaker ?? 'unattributed';
    const source = e.source ?? 'hypothetical';
    const assessment = { speaker, tone: e.tone, cameo: e.tone === 'optimistic' ? '013' : '012', date: e.occurred, eventIds: { id: e.id, prev: null }, hypothetical: e.hypothetical } as const;
    s.assessments.set(source, withLatest(s.assessments.get(source), bySpeaker, assessment, assessmentOrder));
  },
  summarise: (e) => `an ${e.tone} assessment of the talks`,
});
