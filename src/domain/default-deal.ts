// The deal a catalog gets when its folder has no deal.json: the bundled deal's
// three phases (events/deal.json) without its references to the bundled terms,
// so an agreement must settle every open term and may defer none.
import type { DealSpec } from './deal-spec.js';

export const defaultDealSpec: DealSpec = {
  id: 'three-phase-default',
  label: 'A three-phase deal: a 42-day first phase with next-phase talks due on day 16',
  phases: [
    { label: 'Phase 1', days: 42, nextPhaseTalksDueDay: 16, onPlannedEnd: 'continues-while-talks-continue', requires: 'agreement', figures: { hostages: 33 } },
    { label: 'Phase 2', days: 42, nextPhaseTalksDueDay: null, onPlannedEnd: 'continues-while-talks-continue', requires: 'phase-agreement', figures: {} },
    { label: 'Phase 3', days: null, nextPhaseTalksDueDay: null, onPlannedEnd: 'continues-while-talks-continue', requires: 'phase-agreement', figures: {} },
  ],
  agreement: { mustSettle: 'all-but-deferrable', mayDefer: [] },
  roundStaleAfterDays: 14,
};
