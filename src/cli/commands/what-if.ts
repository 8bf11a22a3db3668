import { runScenario } from '../../scenario/run-scenario.js';
import { scenario } from '../../scenario/builder.js';
import { checkFailed, inputError, usageError } from '../cli-errors.js';
import type { whatIfOptions } from '../command-table.js';
import { type Output, loadOrFail, queryDate } from '../command.js';
import { formatScenarioReport } from '../format-scenario.js';
import type { Parsed } from '../option-spec.js';
import { policyOrDefault } from '../shared-options.js';

const CONCEDE = /^([a-z0-9-]+):([a-z0-9-]+)=([a-z0-9-]+(?:,[a-z0-9-]+)*)$/;

/** Runs `parley what-if` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof whatIfOptions>, io: Output): Promise<void> {
  const { at, until, concede: specs } = values;
  let builder = scenario(`what-if on ${at}`)
    .describe(`Concessions given on the command line: ${specs.join('; ')}`)
    .branchAt(at)
    .policy(policyOrDefault(values.policy))
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
}
