// Loads a scenario file together with the base log it names.
import type { EventLog } from '../domain/event-log.js';
import type { Problem, Result } from '../domain/problem.js';
import type { Scenario } from '../scenario/scenario-schema.js';
import { type LoadOptions, loadLog } from './read-log.js';
import { loadScenario } from './read-scenario.js';

export interface ScenarioWithBase {
  readonly scenario: Scenario;
  readonly base: EventLog;
  /** The base log's warnings (the bundled catalog standing in for a missing one). */
  readonly warnings: readonly Problem[];
}

/** The scenario and its base log: `base` from the file, else `fallback` paths, else the bundled log (loaded with `options`). */
export async function loadScenarioWithBase(path: string, fallback: readonly string[] = [], options: LoadOptions = {}): Promise<Result<ScenarioWithBase>> {
  const scenario = await loadScenario(path);
  if (!scenario.ok) return scenario;
  const base = await loadLog(scenario.value.base !== undefined ? [scenario.value.base] : fallback, options);
  if (!base.ok) return base;
  return { ok: true, value: { scenario: scenario.value, base: base.value.log, warnings: base.value.warnings } };
}
