// A reported date in running text, as precise as the report it comes from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateWords, onDate } from '../src/report/describe-date.js';

describe('onDate and dateWords', () => {
  it('says a day "on" the day and a month-precision date "in" the month, by name', () => {
    expect(onDate('2024-08-23')).toBe('on 2024-08-23');
    expect(onDate('2024-06')).toBe('in June 2024');
    expect(dateWords('2024-01')).toBe('January 2024');
    expect(dateWords('2024-12')).toBe('December 2024');
    expect(dateWords('2024-08-22')).toBe('2024-08-22');
  });

  it('claims only the week for a week-precision date', () => {
    expect(onDate('2024-08-18', 'week')).toBe('in the week of 2024-08-18');
    expect(onDate('2024-08-18', 'day')).toBe('on 2024-08-18');
  });

  it('never writes "on" before a month, nor drops the year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const text = onDate(`${year}-${String(month).padStart(2, '0')}`);
        expect(text).toMatch(new RegExp(`^in [A-Z][a-z]+ ${year}$`));
      }),
    );
  });

  it('leaves text that is not a month as it stands', () => {
    expect(dateWords('2024-13')).toBe('2024-13');
    expect(onDate('2024')).toBe('on 2024');
  });
});
