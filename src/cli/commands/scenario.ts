import { runScenario } from '../../scenario/run-scenario.js';
import { loadScenarioWithBase } from '../../io/load-scenario-run.js';
import { checkFailed, inputError } from '../cli-errors.js';
import type { scenarioOptions } from '../command-table.js';
import { type Output, warn } from '../command.js';
import { formatScenarioReport } from '../format-scenario.js';
import type { Parsed } from '../option-spec.js';
import type { Problem } from '../../domain/problem.js';
import type { ScenarioReport } from '../../scenario/run-scenario.js';
import { appendAll } from '../../domain/append-all.js';
import { type TextCache, withLines } from '../problem-lines.js';
import { checkScenario } from '../scenario-problems.js';
import { checkHeapFor } from '../heap-size.js';

/** Runs `parley scenario` (declared in command-table.ts). */
export async function run({ values, positionals }: Parsed<typeof scenarioOptions>, io: Output): Promise<void> {
  // The parser has checked the subcommand (run) and that one FILE at least follows it.
  const files = positionals.slice(1);
  const problems: Problem[] = [];
  const reports: ScenarioReport[] = [];
  const cache: TextCache = new Map();
  // A file that fails is reported as `parley check` reports it: every problem in one pass, with lines.
  const allProblemsOf = async (file: string) => appendAll(problems, (await checkScenario(file, cache, values.log ?? [])).problems);
  for (const file of files) {
    const loaded = await loadScenarioWithBase(file, values.log ?? [], { beforeReading: checkHeapFor });
    if (!loaded.ok) {
      await allProblemsOf(file);
      continue;
    }
    loaded.value.warnings.forEach(warn);
    const { scenario } = loaded.value;
    const report = runScenario(values.policy === undefined ? scenario : { ...scenario, policy: values.policy }, loaded.value.base);
    if (report.ok) reports.push(report.value);
    else await allProblemsOf(file);
  }
  if (problems.length > 0) throw inputError(await withLines(problems, cache));
  io.out(values.json ? JSON.stringify(reports, null, 2) : reports.map((r) => formatScenarioReport(r)).join('\n\n'));
  const failed = reports.filter((r) => !r.passed);
  if (failed.length > 0) {
    throw checkFailed(`${failed.length} of ${reports.length} scenario(s) have failing expectations: ${failed.map((r) => r.title).join('; ')}`);
  }
}

