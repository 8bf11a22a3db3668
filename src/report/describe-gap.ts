// One wording for a gap, in every output (state, scenario, stepper, report):
// with option ids by default, or with the catalog's labels for handouts.
import type { Gap } from '../model/gaps.js';

export function describeGap(gap: Gap, label: (option: string) => string = (option) => option): string {
  switch (gap.status) {
    case 'agreed':
      return `agreed: ${label(gap.option)} (${gap.basis === 'agreement' ? 'signed agreement' : `both accepted ${gap.proposal}`})`;
    case 'bridged':
      return `bridged: both accept ${gap.options.map(label).join(' or ')}`;
    case 'open':
      return gap.distance === null ? 'open: no option both could accept (one side names only refusals)' : `open, ${gap.distance} step${gap.distance === 1 ? '' : 's'} apart`;
    case 'undetermined':
      return `undetermined: no option both accept; neither rejects ${gap.candidates.map(label).join(' or ')}`;
    case 'unknown':
      return `unknown: no position from ${gap.missing.join(', ')}`;
  }
}
