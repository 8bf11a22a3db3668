import { parseArgs } from 'node:util';
import { stateAt } from '../../model/replay.js';
import { diffStates } from '../../model/state-diff.js';
import { usageError } from '../cli-errors.js';
import { type Command, LOG_HELP, POLICY_HELP, checkSources, dateOption, helpOption, jsonOption, knownAtOption, loadOrFail, logOptions, parsing, policyOption, policyValue, queryDate, sourceOption } from '../command.js';
import { HYPOTHETICAL_MARK } from '../format-state.js';

export const show = (v: unknown) => (v === null ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));

export const diffCommand: Command = {
  name: 'diff',
  summary: 'what changed in the reported state between two dates',
  usage: `parley diff --from DATE --to DATE [--known-at DATE] [--source ID ...] [--policy NAME] [--log PATH ...] [--json]

Each change names the value (phase, round, a proposal or response, a position,
a gap, an assessment, a figure, an anomaly), its value before and after, and
the events behind the new value.

${POLICY_HELP}
${LOG_HELP}
  --json          the changes as a JSON array`,
  async run(argv, io) {
    const { values } = parsing(() =>
      parseArgs({
        args: [...argv],
        options: {
          ...helpOption,
          ...logOptions,
          from: { type: 'string' },
          to: { type: 'string' },
          ...knownAtOption,
          ...sourceOption,
          ...policyOption,
          ...jsonOption,
        },
      }),
    );
    const from = dateOption(values.from, '--from');
    const to = dateOption(values.to, '--to');
    if (!from || !to) throw usageError('diff needs both --from DATE and --to DATE');
    const knownAt = dateOption(values['known-at'], '--known-at');
    const { log } = await loadOrFail(values.log);
    queryDate(log, from, '--from');
    queryDate(log, to, '--to');
    const sources = checkSources(log, values.source);
    const query = { ...(knownAt ? { knownAt } : {}), ...(sources ? { sources } : {}), policy: policyValue(values.policy) };
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
  },
};
