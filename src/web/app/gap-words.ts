// What each gap status means, in the viewer's words: one table for the
// matrix's cells and legend and the gaps chart's legend, so the two never
// explain a status differently. Read from gapShape (src/model/gaps.ts).
import type { GapStatus } from '../../model/gaps.js';

/** Every gap status, settled first: its label and what it means. */
export const gapWords: Readonly<Record<GapStatus, { readonly label: string; readonly meaning: string }>> = {
  agreed: { label: 'Agreed', meaning: 'both accepted one text on the term' },
  bridged: { label: 'Bridged', meaning: 'some option both sides’ positions accept' },
  undetermined: { label: 'Undetermined', meaning: 'no option both accept, but some option neither position rejects' },
  open: { label: 'Open', meaning: 'every option is rejected by a side, or everything one side accepts the other rejects' },
  unknown: { label: 'Unknown', meaning: 'a side has no reported position on the term' },
};
