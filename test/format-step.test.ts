// The stepper's text for one step: parties by name, refusals as refusals, contested positions marked.
import { describe, expect, it } from 'vitest';
import { formatStep, plainStyle } from '../src/cli/format-step.js';
import { steps } from '../src/model/steps.js';
import { reported, sampleLog, stance } from './helpers/events.js';

describe('formatStep', () => {
  const log = sampleLog([
    reported('2024-08-02', { type: 'proposal.tabled', proposal: 'p1', by: 'broker', title: 'P1', terms: {} }),
    reported('2024-08-03', stance('north', 'corridor', [], ['withdrawal'])),
    reported('2024-08-04', stance('south', 'corridor', ['withdrawal']), { attribution: { speaker: 'a spokesman', party: 'south', onRecord: true } }),
    // A second claimant says something else about South's position: the position is contested.
    reported('2024-08-05', stance('south', 'corridor', ['phased']), { source: 'wire', attribution: { speaker: 'an envoy', party: 'broker', onRecord: true } }),
  ]);
  const all = steps(log, { by: 'event' });
  const text = (i: number) => formatStep(all[i]!, all.length, 'event', log, plainStyle).join('\n');

  it('names the party that tabled a proposal, not its id', () => {
    expect(text(0)).toContain('tabled by Broker on 2024-08-02');
  });

  it('shows a refusal as a refusal, in what changed and in the terms table, never as accepting the rest', () => {
    expect(text(1)).toContain('North on corridor: (none) -> rejects withdrawal');
    expect(text(1)).toMatch(/corridor\s+not withdrawal\s+-/);
  });

  it('marks a position other claims dispute, and says what the mark means', () => {
    const last = text(3);
    expect(last).toMatch(/corridor\s+not withdrawal\s+withdrawal \[C\]/);
    expect(last).toContain('[C] = contested');
    expect(text(2)).not.toContain('[C]');
  });
});
