// The scenario comparison's layout: side by side when it fits the width,
// stacked under "baseline" and "what-if" labels when it does not, never wider.
import { describe, expect, it } from 'vitest';
import { formatChanges } from '../src/cli/format-scenario.js';
import type { NegotiationState } from '../src/model/negotiation-state.js';
import type { StateChange } from '../src/model/state-diff.js';

const state = (phase: string) => ({ phase, stage: null }) as unknown as NegotiationState;
const change = (path: string, before: unknown, after: unknown): StateChange => ({ path, before, after, eventIds: ['e1'], hypothetical: true });

describe('formatChanges', () => {
  it('puts short values side by side under a header, the what-if marked hypothetical', () => {
    const lines = formatChanges([change('positions.t.a', { accepts: ['x'], rejects: [] }, { accepts: ['x', 'y'], rejects: [] })], state('negotiating'), state('negotiating'));
    expect(lines[0]).toMatch(/^ {4}\s+baseline \(reported\) {2}what-if$/);
    expect(lines[2]).toMatch(/^ {4}positions\.t\.a +accepts x +accepts x\|y \[hypothetical\]$/);
  });

  it('stacks every change when one row would be wider than the width, and wraps long values under their label', () => {
    const long = 'a very long round description that goes on and on, well past what fits beside another';
    const lines = formatChanges([change('phase', 'negotiating', 'collapsed'), change('agreement', null, long)], state('negotiating'), state('collapsed'), 60);
    expect(lines.every((l) => l.length <= 60)).toBe(true);
    expect(lines.slice(0, 3)).toEqual(['    phase', '      baseline  negotiating', '      what-if   collapsed']);
    expect(lines).toContain('    agreement');
    const whatIf = lines.findIndex((l) => l.startsWith('      what-if   a very long'));
    expect(lines[whatIf + 1]).toMatch(/^ {16}\S/);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(`${long} [hypothetical]`);
  });

  it('says when nothing but the phase differs', () => {
    expect(formatChanges([], state('negotiating'), state('negotiating')).at(-1)).toBe('    (no other difference)');
  });
});
