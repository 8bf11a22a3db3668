import { stateOnce } from '../../model/replay.js';
import { checkFailed } from '../cli-errors.js';
import type { stateOptions } from '../command-table.js';
import { type Output, loadOrFail, queryDate } from '../command.js';
import { formatState } from '../format-state.js';
import type { Parsed } from '../option-spec.js';
import { checkSources, stateFilter } from '../shared-options.js';

/** Runs `parley state` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof stateOptions>, io: Output): Promise<void> {
  const { log } = await loadOrFail(values.log);
  const sources = checkSources(log, values.source);
  const date = queryDate(log, values.at);
  // One question, so one replay: a checkpoint index would cost more than it saves.
  const state = stateOnce(log, date, stateFilter(values, sources));
  io.out(values.json ? JSON.stringify(state, null, 2) : formatState(state, log, { quotes: values.quotes ?? false }));
  if (values.strict && state.anomalies.length > 0) {
    io.err(`--strict: ${state.anomalies.length} event(s) could not be placed:`);
    for (const a of state.anomalies) io.err(`  event ${a.eventId} (${a.type}, ${a.date}): ${a.reason}`);
    throw checkFailed(`--strict: ${state.anomalies.length} anomal${state.anomalies.length === 1 ? 'y' : 'ies'}`);
  }
}
