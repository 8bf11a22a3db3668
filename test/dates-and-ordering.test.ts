import { describe, expect, it } from 'vitest';
import { addDays, compareEntries, dayNumber, isIsoMonth, occurredSortDay, toEntry } from '../src/index.js';
import { reported } from './helpers/events.js';

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(dayNumber('2024-02-29')).toBeDefined();
    expect(dayNumber('2023-02-29')).toBeUndefined();
    expect(dayNumber('2024-13-01')).toBeUndefined();
    expect(dayNumber('2024-8-1')).toBeUndefined();
    expect(isIsoMonth('2024-06')).toBe(true);
    expect(isIsoMonth('2024-00')).toBe(false);
  });

  it('sorts a month-precision date at the first of its month', () => {
    expect(occurredSortDay('2024-06')).toBe(dayNumber('2024-06-01'));
  });

  it('counts days across month ends', () => {
    expect(addDays('2025-01-19', 41)).toBe('2025-03-01');
  });
});

describe('the total order', () => {
  it('orders by occurred, then reported, then position in file, then id', () => {
    const a = toEntry(reported('2024-08-20', { type: 'statement.made', kind: 'other' }, { reported: '2024-08-23' }), 5);
    const b = toEntry(reported('2024-08-20', { type: 'statement.made', kind: 'other' }, { reported: '2024-08-21' }), 9);
    const c = toEntry(reported('2024-08', { type: 'statement.made', kind: 'other' }, { reported: '2024-08-30' }), 1);
    expect([a, b, c].sort(compareEntries).map((e) => e.event.id)).toEqual([c.event.id, b.event.id, a.event.id]);
    const d = toEntry(reported('2024-08-20', { type: 'statement.made', kind: 'other' }, { reported: '2024-08-23', id: 'zzzzzzzz' }), 5);
    const e = toEntry(reported('2024-08-20', { type: 'statement.made', kind: 'other' }, { reported: '2024-08-23', id: 'aaaaaaaa' }), 5);
    expect([d, e].sort(compareEntries).map((x) => x.event.id)).toEqual(['aaaaaaaa', 'zzzzzzzz']);
  });
});

describe('sortDate', () => {
  it('places a month-precision event within its month instead of at its start', () => {
    const late = toEntry(reported('2024-05', { type: 'statement.made', kind: 'other' }, { precision: 'month', sortDate: '2024-05-25', reported: '2024-08-19' }), 1);
    const mid = toEntry(reported('2024-05-20', { type: 'statement.made', kind: 'other' }, { reported: '2024-08-19' }), 2);
    expect([late, mid].sort(compareEntries).map((e) => e.event.id)).toEqual([mid.event.id, late.event.id]);
    expect(late.day).toBe(dayNumber('2024-05-25'));
  });
});
