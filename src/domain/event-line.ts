// How parley writes an event as a JSONL line: the fields in the order of the
// event type's schema (id and type first, then the shared fields, then the
// payload), so lines written by `parley add` read like hand-written ones.
import { eventSchemas } from './event-schema.js';

const fieldOrder = new Map<string, readonly string[]>(
  eventSchemas.map((s) => [s.shape.type.value, ['id', 'type', ...Object.keys(s.shape).filter((k) => k !== 'id' && k !== 'type')]]),
);

/**
 * One line of JSON (no line break inside: JSON.stringify escapes them), with
 * the fields of `event` in schema order; fields the schema does not know come
 * last, in their own order, so that validation can name them. Pure.
 */
export function eventLine(event: Readonly<Record<string, unknown>>): string {
  const order = typeof event.type === 'string' ? (fieldOrder.get(event.type) ?? []) : [];
  const ordered: Record<string, unknown> = Object.create(null);
  for (const key of order) if (Object.hasOwn(event, key) && event[key] !== undefined) ordered[key] = event[key];
  for (const key of Object.keys(event)) if (!(key in ordered) && event[key] !== undefined) ordered[key] = event[key];
  return JSON.stringify(ordered);
}
