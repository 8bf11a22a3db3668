import { parseArgs } from 'node:util';
import { runScenario } from '../../scenario/run-scenario.js';
import { loadScenarioWithBase } from '../../io/load-scenario-run.js';
import { checkFailed, inputError, usageError } from '../cli-errors.js';
import { type Command, LOG_HELP, POLICY_HELP, helpOption, logOptions, parsing, policyOption, policyValue, warn } from '../command.js';
import { formatScenarioReport } from '../format-scenario.js';
import type { Problem } from '../../domain/problem.js';
import type { ScenarioReport } from '../../scenario/run-scenario.js';

export const scenarioCommand: Command = {
  name: 'scenario',
  summary: 'run what-if scenario files against the reported baseline',
  usage: `parley scenario run FILE ... [--policy NAME] [--log PATH ...] [--json]

For each scenario (YAML or JSON; see scenarios/ and "parley schema scenario"):
the reported baseline and the what-if side by side on the scenario's dates,
what changed (phase, gaps, positions, proposals), and each expectation passed
or failed with the actual value. Exit 1 if any expectation fails, so scenarios
can run in CI.

${POLICY_HELP}
                  (overrides the scenario's own policy)
${LOG_HELP}
                  (used when a scenario names no base log)
  --json          the reports as a JSON array`,
  async run(argv, io) {
    const { values, positionals } = parsing(() =>
      parseArgs({ args: [...argv], options: { ...helpOption, ...logOptions, ...policyOption, json: { type: 'boolean' } }, allowPositionals: true }),
    );
    const [sub, ...files] = positionals;
    if (sub !== 'run') throw usageError(sub === undefined ? 'missing subcommand: run' : `unknown subcommand "${sub}"; expected run`);
    if (files.length === 0) throw usageError('scenario run needs at least one scenario FILE');
    const problems: Problem[] = [];
    const reports: ScenarioReport[] = [];
    for (const file of files) {
      const loaded = await loadScenarioWithBase(file, values.log ?? []);
      if (!loaded.ok) {
        problems.push(...loaded.problems);
        continue;
      }
      loaded.value.warnings.forEach(warn);
      const { scenario } = loaded.value;
      const report = runScenario(values.policy === undefined ? scenario : { ...scenario, policy: policyValue(values.policy) }, loaded.value.base);
      if (report.ok) reports.push(report.value);
      else problems.push(...report.problems);
    }
    if (problems.length > 0) throw inputError(problems);
    io.out(values.json ? JSON.stringify(reports, null, 2) : reports.map(formatScenarioReport).join('\n\n'));
    const failed = reports.filter((r) => !r.passed);
    if (failed.length > 0) {
      throw checkFailed(`${failed.length} of ${reports.length} scenario(s) have failing expectations: ${failed.map((r) => r.title).join('; ')}`);
    }
  },
};

