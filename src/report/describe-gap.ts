// One wording for a gap, in every output (state, scenario, stepper, report):
// with ids by default, or with the catalog's labels, party names and proposal
// titles for handouts.
import type { Gap } from '../model/gaps.js';

/** How to name what a gap mentions; each defaults to the id itself. */
export interface GapNames {
  /** An option of the gap's term. */
  readonly option?: (id: string) => string;
  readonly party?: (id: string) => string;
  readonly proposal?: (id: string) => string;
  /** Between the options of a set; " or " by default, which labels that hold "or" themselves make unreadable. */
  readonly separator?: string;
}

const asIs = (id: string) => id;

/** The gap in words. Pure. */
export function describeGap(gap: Gap, names: GapNames = {}): string {
  const { option = asIs, party = asIs, proposal = asIs, separator = ' or ' } = names;
  switch (gap.status) {
    case 'agreed':
      // A proposal basis always names its proposal; the type allows null only for an agreement.
      return `agreed: ${option(gap.option)} (${gap.basis === 'agreement' || gap.proposal === null ? 'signed agreement' : `both accepted ${proposal(gap.proposal)}`})`;
    case 'bridged':
      return `bridged: both accept ${gap.options.map(option).join(separator)}`;
    case 'open':
      return gap.distance === null ? 'open: no option both could accept (one side names only refusals)' : `open, ${gap.distance} step${gap.distance === 1 ? '' : 's'} apart`;
    case 'undetermined':
      return `undetermined: no option both accept; neither rejects ${gap.candidates.map(option).join(separator)}`;
    case 'unknown':
      return `unknown: no position from ${gap.missing.map(party).join(', ')}`;
  }
}
