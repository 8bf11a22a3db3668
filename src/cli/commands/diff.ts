import { stateAt } from '../../model/replay.js';
import { diffStates } from '../../model/state-diff.js';
import type { diffOptions } from '../command-table.js';
import { type Output, loadOrFail, queryDate } from '../command.js';
import { HYPOTHETICAL_MARK } from '../format-state.js';
import type { Parsed } from '../option-spec.js';
import { checkSources, stateFilter } from '../shared-options.js';

export const show = (v: unknown) => (v === null ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

/** Runs `parley diff` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof diffOptions>, io: Output): Promise<void> {
  const { from, to } = values;
  const { log } = await loadOrFail(values.log);
  queryDate(log, from, '--from');
  queryDate(log, to, '--to');
  const sources = checkSources(log, values.source);
  const query = stateFilter(values, sources);
  const changes = diffStates(stateAt(log, from, query), stateAt(log, to, query));
  if (values.json) {
    io.out(JSON.stringify(changes, null, 2));
    return;
  }
  io.out(`Changes from ${from} to ${to}: ${changes.length}`);
  for (const c of changes) {
    io.out(`  ${c.path}: ${show(c.before)} -> ${show(c.after)}${c.hypothetical ? ` ${HYPOTHETICAL_MARK}` : ''}`);
    if (c.eventIds.length > 0) io.out(`    events: ${c.eventIds.join(', ')}`);
  }
}
