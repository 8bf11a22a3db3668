import { parseArgs } from 'node:util';
import { requireDayNumber } from '../../domain/dates.js';
import { eventTypes } from '../../domain/event-schema.js';
import { usageError } from '../cli-errors.js';
import { type Command, LOG_HELP, checkSources, dateOption, helpOption, jsonOption, loadOrFail, logOptions, parsing, sourceOption } from '../command.js';
import { HYPOTHETICAL_MARK, describeAttribution } from '../format-state.js';

export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'the events of the log in replay order, with source and attribution',
  usage: `parley timeline [--from DATE] [--to DATE] [--source ID ...] [--type TYPE ...] [--log PATH ...] [--json]

  --from DATE     only events that occurred on or after DATE
  --to DATE       only events that occurred on or before DATE
  --source ID     only events from this source; repeatable
  --type TYPE     only events of this type; repeatable
${LOG_HELP}
  --json          the events as a JSON array`,
  async run(argv, io) {
    const { values } = parsing(() =>
      parseArgs({
        args: [...argv],
        options: {
          ...helpOption,
          ...logOptions,
          from: { type: 'string' },
          to: { type: 'string' },
          ...sourceOption,
          type: { type: 'string', multiple: true },
          ...jsonOption,
        },
      }),
    );
    const from = dateOption(values.from, '--from');
    const to = dateOption(values.to, '--to');
    for (const t of values.type ?? []) {
      if (!(eventTypes as readonly string[]).includes(t)) throw usageError(`--type: unknown event type "${t}"; expected one of ${eventTypes.join(', ')}`);
    }
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
  },
};
