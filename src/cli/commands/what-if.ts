import { parseArgs } from 'node:util';
import { runScenario } from '../../scenario/run-scenario.js';
import { scenario } from '../../scenario/builder.js';
import { checkFailed, inputError, usageError } from '../cli-errors.js';
import { type Command, LOG_HELP, POLICY_HELP, dateOption, helpOption, loadOrFail, logOptions, parsing, policyOption, policyValue, queryDate } from '../command.js';
import { formatScenarioReport } from '../format-scenario.js';

const CONCEDE = /^([a-z0-9-]+):([a-z0-9-]+)=([a-z0-9-]+(?:,[a-z0-9-]+)*)$/;

export const whatIfCommand: Command = {
  name: 'what-if',
  summary: 'one-line what-if: concessions on a date, side by side with the baseline',
  usage: `parley what-if --at DATE --concede PARTY:TERM=OPTION[,OPTION] ... [--until DATE] [--keep all|ID,...] [--policy NAME] [--log PATH ...] [--json]

Adds hypothetical concessions (each widens PARTY's accepted set on TERM by
the given ladder options) on DATE, and shows the reported baseline and the
what-if side by side on DATE (and on --until DATE if given). As in scenario
files, reported events after DATE are dropped from the what-if unless kept;
a kept report that overrides a concession is listed with the date, event,
speaker and source.

  --at DATE       the date of the concessions and of the comparison
  --concede SPEC  PARTY:TERM=OPTION[,OPTION]; repeatable
                  e.g. israel:philadelphi=phased-withdrawal
  --until DATE    also compare on this later date
  --keep WHAT     keep reported events after DATE: "all", or event ids
                  separated by commas
${POLICY_HELP}
${LOG_HELP}
  --json          the report as JSON`,
  async run(argv, io) {
    const { values } = parsing(() =>
      parseArgs({
        args: [...argv],
        options: { ...helpOption, ...logOptions, ...policyOption, at: { type: 'string' }, until: { type: 'string' }, keep: { type: 'string' }, concede: { type: 'string', multiple: true }, json: { type: 'boolean' } },
      }),
    );
    const at = dateOption(values.at, '--at');
    const until = dateOption(values.until, '--until');
    if (!at) throw usageError('what-if needs --at DATE');
    const specs = values.concede ?? [];
    if (specs.length === 0) throw usageError('what-if needs at least one --concede PARTY:TERM=OPTION');
    let builder = scenario(`what-if on ${at}`)
      .describe(`Concessions given on the command line: ${specs.join('; ')}`)
      .branchAt(at)
      .policy(policyValue(values.policy))
      .compareOn(...(until && until > at ? [at, until] : [at]));
    if (values.keep !== undefined) builder = builder.keep(values.keep === 'all' ? 'all' : values.keep.split(',').filter(Boolean));
    for (const spec of specs) {
      const m = CONCEDE.exec(spec);
      if (!m) throw usageError(`--concede expects PARTY:TERM=OPTION[,OPTION], got "${spec}"`);
      builder = builder.concede(m[1]!, m[2]!, m[3]!.split(','), { on: at });
    }
    const { log } = await loadOrFail(values.log);
    queryDate(log, at);
    if (until) queryDate(log, until, '--until');
    const report = runScenario(builder.toScenario(), log);
    if (!report.ok) {
      throw inputError(
        report.problems.map((p) => {
          const i = /^events\[(\d+)\]\.?(.*)$/.exec(p.field ?? '');
          if (!i) return p;
          // The generated event id means nothing to someone who typed --concede.
          const { eventId: _, ...rest } = p;
          return { ...rest, file: `--concede ${specs[Number(i[1])]}`, field: i[2] ?? '' };
        }),
      );
    }
    io.out(values.json ? JSON.stringify(report.value, null, 2) : formatScenarioReport(report.value));
    if (!report.value.passed) throw checkFailed('the what-if has failing expectations');
  },
};
