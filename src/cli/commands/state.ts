import { parseArgs } from 'node:util';
import { stateAt } from '../../model/replay.js';
import { checkFailed } from '../cli-errors.js';
import { type Command, LOG_HELP, POLICY_HELP, atOption, checkSources, dateOption, helpOption, jsonOption, knownAtOption, loadOrFail, logOptions, parsing, policyOption, policyValue, queryDate, sourceOption } from '../command.js';
import { formatState } from '../format-state.js';

export const stateCommand: Command = {
  name: 'state',
  summary: 'the reported state of the negotiation on a date',
  usage: `parley state [--at DATE] [--known-at DATE] [--source ID ...] [--policy NAME] [--log PATH ...] [--json] [--quotes] [--strict]

The phase and its clock, the round, proposals and each party's response, every
party's position on every term with the gap between the principals,
assessments of the talks by source, reported figures, and anomalies.

  --at DATE       the date to replay to (default: the last event's date)
  --known-at DATE keep only events reported in the log's sources by DATE
                  ("what had these outlets reported by then?"; not "public by")
  --source ID     keep only events from this source; repeatable
${POLICY_HELP}
${LOG_HELP}
  --json          machine-readable output
  --quotes        show the quote and attribution behind each position
  --strict        exit 1 when any event cannot be placed (anomalies)`,
  async run(argv, io) {
    const { values } = parsing(() =>
      parseArgs({
        args: [...argv],
        options: {
          ...helpOption,
          ...logOptions,
          ...atOption,
          ...knownAtOption,
          ...sourceOption,
          ...policyOption,
          ...jsonOption,
          quotes: { type: 'boolean' },
          strict: { type: 'boolean' },
        },
      }),
    );
    const at = dateOption(values.at, '--at');
    const knownAt = dateOption(values['known-at'], '--known-at');
    const { log } = await loadOrFail(values.log);
    const sources = checkSources(log, values.source);
    const date = queryDate(log, at);
    const state = stateAt(log, date, { ...(knownAt ? { knownAt } : {}), ...(sources ? { sources } : {}), policy: policyValue(values.policy) });
    io.out(values.json ? JSON.stringify(state, null, 2) : formatState(state, log, { quotes: values.quotes ?? false }));
    if (values.strict && state.anomalies.length > 0) {
      io.err(`--strict: ${state.anomalies.length} event(s) could not be placed:`);
      for (const a of state.anomalies) io.err(`  event ${a.eventId} (${a.type}, ${a.date}): ${a.reason}`);
      throw checkFailed(`--strict: ${state.anomalies.length} anomal${state.anomalies.length === 1 ? 'y' : 'ies'}`);
    }
  },
};
