// --scenario FILE: a what-if beside the reported log. Commands see only an
// overlay (baseline and what-if logs, with a title), whatever the file says.
import type { EventLog } from '../domain/event-log.js';
import { displayPath } from '../io/read-log.js';
import { loadScenario } from '../io/read-scenario.js';
import { type Overlay, hypotheticalDates } from '../model/overlay.js';
import { scenarioLogs } from '../scenario/scenario-logs.js';
import { loadOrFail, unwrap } from './command.js';

/** A scenario that names no base log of its own branches from `base`. */
export async function loadOverlay(path: string, base: EventLog): Promise<Overlay> {
  const scenario = unwrap(await loadScenario(path));
  const own = scenario.base === undefined ? base : (await loadOrFail([scenario.base])).log;
  const { baseline, whatIf, dates } = unwrap(scenarioLogs(scenario, own));
  return { title: scenario.title, description: scenario.description, file: displayPath(path), baseline, whatIf, dates: hypotheticalDates(whatIf), compareOn: dates };
}
