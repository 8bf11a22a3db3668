import { requireDayNumber } from '../../domain/dates.js';
import type { timelineOptions } from '../command-table.js';
import { type Output, loadOrFail } from '../command.js';
import { HYPOTHETICAL_MARK, describeAttribution } from '../format-state.js';
import type { Parsed } from '../option-spec.js';
import { checkSources } from '../shared-options.js';

/** Runs `parley timeline` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof timelineOptions>, io: Output): Promise<void> {
  const { from, to } = values;
  const { log } = await loadOrFail(values.log);
  const sources = checkSources(log, values.source);
  const fromDay = from ? requireDayNumber(from) : -Infinity;
  const toDay = to ? requireDayNumber(to) : Infinity;
  const entries = log.entries.filter(
    (e) =>
      e.day >= fromDay &&
      e.day <= toDay &&
      (!sources || (e.event.source !== undefined && sources.includes(e.event.source))) &&
      (!values.type || values.type.includes(e.event.type)),
  );
  if (values.json) {
    io.out(JSON.stringify(entries.map((e) => e.event), null, 2));
    return;
  }
  for (const { event: e } of entries) {
    io.out(`${e.occurred.padEnd(10)} ${e.type.padEnd(18)} ${e.summary}${e.hypothetical ? ` ${HYPOTHETICAL_MARK}` : ''}`);
    io.out(`${' '.repeat(11)}${describeAttribution(e)}; ${e.id}${e.precision === 'day' ? '' : ` (date precision: ${e.precision})`}`);
  }
  io.out(`${entries.length} event(s)`);
}
