// A quote gets one pair of quotation marks in every output, never two.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endsSentence, hasOwnMarks, inQuotationMarks } from '../src/report/quote-marks.js';

describe('inQuotationMarks', () => {
  it('adds marks to a bare quote', () => {
    expect(inQuotationMarks('talks began in Cairo')).toBe('“talks began in Cairo”');
  });

  it('keeps a quote that stands between its own marks as it is', () => {
    expect(inQuotationMarks('"Going to new negotiations allows the occupation to impose new conditions."')).toBe('"Going to new negotiations allows the occupation to impose new conditions."');
    expect(inQuotationMarks('“I and the defense establishment support the option”')).toBe('“I and the defense establishment support the option”');
  });

  it('adds marks when the quote only starts or ends with a quoted part', () => {
    expect(inQuotationMarks('"remain big," Al Qahera News TV reported')).toBe('“"remain big," Al Qahera News TV reported”');
    expect(inQuotationMarks('"Israel" insists on the mission')).toBe('“"Israel" insists on the mission”');
    expect(inQuotationMarks('"A," he said, "B."')).toBe('“"A," he said, "B."”');
  });

  it('always shows the quote verbatim between an opening and a closing mark', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '"', '“', '”', '.', ','), minLength: 1 }).filter((q) => q.trim() === q), (q) => {
        const shown = inQuotationMarks(q);
        expect(shown.includes(q)).toBe(true);
        expect(['"', '“']).toContain(shown[0]);
        expect(['"', '”']).toContain(shown[shown.length - 1]);
        // Marks are added at most once: a shown quote with its own marks is left alone.
        expect(shown.length - q.length).toBeLessThanOrEqual(2);
        if (hasOwnMarks(q)) expect(shown).toBe(q);
      }),
    );
  });
});

describe('endsSentence', () => {
  it('is true when the quote ends a sentence itself, inside or outside its own marks', () => {
    expect(endsSentence('We stay on the corridor.')).toBe(true);
    expect(endsSentence('"We stay on the corridor."')).toBe(true);
    expect(endsSentence('“Will they stay?”')).toBe(true);
  });

  it('is false for a fragment, so the handout adds the full stop', () => {
    expect(endsSentence('the ceasefire proposal put forward by US President Joe Biden')).toBe(false);
    expect(endsSentence('"a final bridging proposal"')).toBe(false);
  });
});
