import { describe, expect, it } from 'vitest';
import { auditQuotes, normaliseForAudit } from '../src/domain/quote-audit.js';
import { hypothetical, reported, sampleLog } from './helpers/events.js';

const said = (quote: string, extra: Record<string, unknown> = {}) =>
  reported('2024-08-01', { type: 'statement.made', kind: 'other' }, { quote, ...extra });

const daily = 'Talks resumed. He said “no deal” and left,\u00A0the  minister’s aide said.';
const docs = (entries: Record<string, string> = { 'daily.txt': daily }) => new Map(Object.entries(entries));

describe('auditQuotes', () => {
  it('passes a quote found verbatim in the source document', () => {
    const e = said('He said “no deal” and left');
    expect(auditQuotes(sampleLog([e]), docs())).toEqual({ checked: 1, failures: [] });
  });

  it('fails a straight-quote copy of a curly-quoted passage, with a hint showing the document\'s characters', () => {
    const e = said('He said "no deal" and left');
    const { failures } = auditQuotes(sampleLog([e]), docs());
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ kind: 'normalised-only', eventId: e.id, source: 'daily', document: 'daily.txt' });
    expect(failures[0]!.hint).toContain('" -> “');
    expect(failures[0]!.hint).toContain('" -> ”');
    expect(failures[0]!.hint).toContain('the document reads: He said “no deal” and left');
  });

  it('fails an apostrophe or whitespace mismatch the same way, naming invisible characters by code point', () => {
    const e = said("left, the minister's aide");
    const [failure] = auditQuotes(sampleLog([e]), docs()).failures;
    expect(failure).toMatchObject({ kind: 'normalised-only', eventId: e.id });
    expect(failure!.hint).toContain("' -> ’");
    expect(failure!.hint).toContain('U+0020 -> U+00A0');
    expect(failure!.hint).toContain('the document reads: left,\u00A0the  minister’s aide');
  });

  it('fails a quote that is not in the document at all, without a hint', () => {
    const e = said('He said there would be a deal');
    expect(auditQuotes(sampleLog([e]), docs()).failures).toEqual([
      expect.objectContaining({ kind: 'not-found', eventId: e.id, hint: null }),
    ]);
  });

  it('fails every event whose source document is missing from the folder', () => {
    const a = said('Talks resumed.', { source: 'wire' });
    const b = said('Talks resumed.');
    const { checked, failures } = auditQuotes(sampleLog([a, b]), docs());
    expect(checked).toBe(2);
    expect(failures).toEqual([expect.objectContaining({ kind: 'missing-document', eventId: a.id, source: 'wire', document: 'wire.txt' })]);
  });

  it('fails an event whose source is not in the registry', () => {
    const e = said('Talks resumed.', { source: 'ghost' });
    expect(auditQuotes(sampleLog([e]), docs()).failures).toEqual([
      expect.objectContaining({ kind: 'unknown-source', eventId: e.id, source: 'ghost', document: null }),
    ]);
  });

  it('skips events without a source or quote (hypothetical ones)', () => {
    const h = hypothetical('2024-08-01', { type: 'statement.made', kind: 'other' });
    expect(auditQuotes(sampleLog([h]), docs({}))).toEqual({ checked: 0, failures: [] });
  });
});

describe('normaliseForAudit', () => {
  it('straightens quotes, collapses whitespace and maps each character back to the original', () => {
    const n = normaliseForAudit('  “a”\u00A0\n b’s ');
    expect(n.text).toBe('"a" b\'s');
    expect(n.origin).toEqual([2, 3, 4, 5, 8, 9, 10]);
  });
});
