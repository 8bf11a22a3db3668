// One wording for a gap, in every output (state, scenario, stepper, report):
// with ids by default, or with the catalog's labels and party names for handouts.
import type { Gap } from '../model/gaps.js';

const asIs = (id: string) => id;

/** The gap in words; `label` names an option of the gap's term, `party` a party. Pure. */
export function describeGap(gap: Gap, label: (option: string) => string = asIs, party: (id: string) => string = asIs): string {
  switch (gap.status) {
    case 'agreed':
      return `agreed: ${label(gap.option)} (${gap.basis === 'agreement' ? 'signed agreement' : `both accepted ${gap.proposal}`})`;
    case 'bridged':
      return `bridged: both accept ${gap.options.map(label).join(' or ')}`;
    case 'open':
      return `open, ${gap.distance} step${gap.distance === 1 ? '' : 's'} apart`;
    case 'unknown':
      return `unknown: no position from ${gap.missing.map(party).join(', ')}`;
  }
}
