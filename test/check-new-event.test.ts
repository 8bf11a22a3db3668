import { describe, expect, it } from 'vitest';
import { checkNewEvent } from '../src/domain/check-new-event.js';
import { toEntry } from '../src/domain/ordering.js';
import { sampleCatalog } from '../src/testing/index.js';
import { reported } from './helpers/events.js';

const existing = [reported('2024-08-01', { type: 'talks.assessed', tone: 'optimistic' }, { id: 'old-event-1' })];
const entries = existing.map((e, i) => toEntry(e, i + 1));
const newEvent = (extra: Record<string, unknown> = {}) => ({
  id: 'new-event-1',
  type: 'position.stated',
  occurred: '2024-08-01',
  precision: 'day',
  dateBasis: 'test',
  reported: '2024-08-01',
  source: 'daily',
  quote: 'North insists on control',
  attribution: { speaker: 'a speaker', onRecord: true },
  summary: 'North insists on control.',
  party: 'north',
  term: 'corridor',
  accepts: ['control'],
  ...extra,
});
const context = { catalog: sampleCatalog, usedIds: new Map([['old-event-1', 'daily.jsonl:1']]), file: { name: 'daily.jsonl', entries, nextLine: 2 } };
const codes = (r: ReturnType<typeof checkNewEvent>) => (r.ok ? [] : r.problems.map((p) => p.code));

describe('checking a new event against its log', () => {
  it('accepts a valid event and gives its line with the fields in schema order', () => {
    const r = checkNewEvent(newEvent(), context);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(JSON.parse(r.value.line)).slice(0, 3)).toEqual(['id', 'type', 'occurred']);
  });

  it('names each problem with its code and the line it would take', () => {
    expect(codes(checkNewEvent(newEvent({ id: 'old-event-1' }), context))).toEqual(['duplicate-id']);
    expect(codes(checkNewEvent(newEvent({ reported: '2024-08-02', occurred: '2024-08-02' }), context))).toEqual(['reported-not-published']);
    expect(codes(checkNewEvent(newEvent({ occurred: '2024-07-31' }), context))).toEqual(['out-of-date-order']);
    expect(codes(checkNewEvent(newEvent({ hypothetical: true }), context))).toEqual(['hypothetical-in-log']);
    const bad = checkNewEvent(newEvent({ party: 'North', accepts: ['contrl'] }), context);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.every((p) => p.file === 'daily.jsonl' && p.line === 2)).toBe(true);
      expect(bad.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
        expect.stringMatching(/^party: .*did you mean "north"\?$/),
        expect.stringMatching(/^accepts\[0\]: unknown option of term corridor "contrl".*did you mean "control"\?$/),
      ]);
    }
  });

  it('holds --expect-last to the last event in file order; null expects an empty file', () => {
    expect(checkNewEvent(newEvent(), { ...context, expectLast: 'old-event-1' }).ok).toBe(true);
    expect(codes(checkNewEvent(newEvent(), { ...context, expectLast: 'other-event' }))).toEqual(['unexpected-last-event']);
    expect(codes(checkNewEvent(newEvent(), { ...context, expectLast: null }))).toEqual(['unexpected-last-event']);
    expect(checkNewEvent(newEvent(), { ...context, file: { ...context.file, entries: [] }, expectLast: null }).ok).toBe(true);
  });

  it('audits the quote against the document when it is given', () => {
    expect(checkNewEvent(newEvent(), { ...context, document: 'Officials said North insists on control of it.' }).ok).toBe(true);
    expect(codes(checkNewEvent(newEvent(), { ...context, document: 'Nothing of the kind.' }))).toEqual(['quote-not-found']);
    expect(codes(checkNewEvent(newEvent(), { ...context, document: 'North  insists on control' }))).toEqual(['quote-not-verbatim']);
  });
});
