// Turns what a scenario author wrote into full hypothetical events: fills the
// id, date basis and summary they may leave out, then validates the result
// with the same schema as reported events.
import type { Catalog } from '../domain/catalog-schema.js';
import { definitionOf } from '../event-types/registry.js';
import { type ParleyEvent } from '../domain/event-schema.js';
import { validateEvent } from '../domain/parse-log.js';
import type { Problem, Result } from '../domain/problem.js';
import type { Scenario } from './scenario-schema.js';

/** A stable id from the scenario title and the event's place in it, so reruns agree. */
export function scenarioEventId(title: string, index: number): string {
  const words = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 28);
  // Ids are at least six characters: a very short title falls back to a longer stem.
  const slug = words.length >= 3 ? words : `scenario${words ? `-${words}` : ''}`;
  return `h-${slug}-${index + 1}`;
}

export function completeHypotheticalEvents(scenario: Scenario, catalog: Catalog): Result<ParleyEvent[]> {
  const origin = scenario.origin ?? 'scenario';
  const events: ParleyEvent[] = [];
  const problems: Problem[] = [];
  scenario.events.forEach((raw, i) => {
    const input = raw as Record<string, unknown>;
    const full = {
      ...input,
      id: input.id ?? scenarioEventId(scenario.title, i),
      dateBasis: input.dateBasis ?? 'hypothetical: dated by the scenario author',
      // Validated first with a placeholder, so the default summary is written from a checked event.
      summary: input.summary ?? 'hypothetical',
      hypothetical: true,
    };
    const result = validateEvent(full, catalog, { file: origin });
    if (result.ok) events.push(input.summary === undefined ? { ...result.value, summary: definitionOf(result.value).summarise(result.value) } : result.value);
    else problems.push(...result.problems.map((p) => ({ ...p, field: `events[${i}]${p.field ? `.${p.field}` : ''}` })));
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: events };
}
