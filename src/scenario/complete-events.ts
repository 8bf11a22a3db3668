// Turns what an author wrote into full hypothetical events: fills the id,
// precision, date basis and summary they may leave out, then validates the
// result with the same schema as reported events. Scenario files, the builder
// and `fork` all complete events here, so they accept the same input.
import type { Catalog } from '../domain/catalog-schema.js';
import { definitionOf } from '../event-types/registry.js';
import { type ParleyEvent } from '../domain/event-schema.js';
import { validateEvent } from '../domain/parse-log.js';
import type { Problem, Result } from '../domain/problem.js';
import { PROTOTYPE_KEY_MESSAGE, prototypeKeyPath } from '../domain/prototype-keys.js';
import type { Scenario } from './scenario-schema.js';

/** A stable id from the scenario title and the event's place in it, so reruns agree. Pure. */
export function scenarioEventId(title: string, index: number): string {
  const words = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 28);
  // Ids are at least six characters: a very short title falls back to a longer stem.
  const slug = words.length >= 3 ? words : `scenario${words ? `-${words}` : ''}`;
  return `h-${slug}-${index + 1}`;
}

export interface CompletionContext {
  readonly catalog: Catalog;
  /** The file (or "fork") problems name. */
  readonly file: string;
  /** Where the event is listed, for problems: "events[2]". */
  readonly field: string;
  /** The id to give an event written without one. */
  readonly defaultId: string;
}

const at = (field: string, inner: string | undefined) => (inner ? `${field}.${inner}` : field);

/**
 * One hypothetical event as an author wrote it (no id, precision, dateBasis or
 * summary needed; `hypothetical` may be left out but not false), completed
 * and validated. Pure: the same input gives the same event or problems.
 */
export function completeHypotheticalEvent(raw: unknown, ctx: CompletionContext): Result<ParleyEvent> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ file: ctx.file, field: ctx.field, code: 'bad-field', message: 'not an object', expected: 'an event object' }] };
  }
  const input = raw as Record<string, unknown>;
  const proto = prototypeKeyPath(input);
  if (proto !== undefined) return { ok: false, problems: [{ file: ctx.file, field: at(ctx.field, proto), code: 'bad-field', message: PROTOTYPE_KEY_MESSAGE }] };
  if (input.hypothetical !== undefined && input.hypothetical !== true) {
    return { ok: false, problems: [{ file: ctx.file, field: at(ctx.field, 'hypothetical'), code: 'not-hypothetical', message: 'an added event is hypothetical', expected: 'true, or leave the field out' }] };
  }
  const full = {
    ...input,
    id: input.id ?? ctx.defaultId,
    precision: input.precision ?? 'day',
    dateBasis: input.dateBasis ?? 'hypothetical: dated by the scenario author',
    // Validated first with a placeholder, so the default summary is written from a checked event.
    summary: input.summary ?? 'hypothetical',
    hypothetical: true,
  };
  const result = validateEvent(full, ctx.catalog, { file: ctx.file });
  if (!result.ok) return { ok: false, problems: result.problems.map((p): Problem => ({ ...p, field: at(ctx.field, p.field) })) };
  return { ok: true, value: input.summary === undefined ? { ...result.value, summary: definitionOf(result.value).summarise(result.value) } : result.value };
}

/** Every event of a scenario, completed; all problems at once. Pure. */
export function completeHypotheticalEvents(scenario: Scenario, catalog: Catalog): Result<ParleyEvent[]> {
  const file = scenario.origin ?? 'scenario';
  const events: ParleyEvent[] = [];
  const problems: Problem[] = [];
  scenario.events.forEach((raw, i) => {
    const result = completeHypotheticalEvent(raw, { catalog, file, field: `events[${i}]`, defaultId: scenarioEventId(scenario.title, i) });
    if (result.ok) events.push(result.value);
    else problems.push(...result.problems);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: events };
}
