// The questions of interactive `parley add`, built from the event type's zod
// schema: a choice for an enum, the catalog's parties, terms and ladder options
// for fields that name them, yes/no for a boolean, text for a string, and JSON
// for anything structured. Loaded only by interactive `add` (dynamic import),
// so the prompt library costs no other command its start-up time.
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import type { Catalog } from '../domain/catalog-schema.js';
import { REQUIRED_WHEN_REPORTED } from '../domain/event-references.js';
import { eventSchemas, eventTypes } from '../domain/event-schema.js';
import { catalogIds, catalogKindOf } from '../domain/reference-fields.js';
import { type FieldSpec, fieldsOf } from '../domain/schema-fields.js';
import { eventRegistry } from '../event-types/registry.js';

/** Fields parley fills in itself, or that a reported log never holds. */
const NOT_ASKED = new Set(['id', 'type', 'source', 'hypothetical']);
const requiredWhenReported = new Set<string>(REQUIRED_WHEN_REPORTED);
const NONE = Symbol('none');

const issueOf = (field: FieldSpec, value: unknown): string | true => {
  const parsed = field.schema.safeParse(value);
  return parsed.success ? true : parsed.error.issues.map((i) => i.message.replace(/^Invalid input: /, '')).join('; ');
};

function label(field: FieldSpec, required: boolean): string {
  return `${field.path}${required ? '' : ' (optional)'}`;
}

/** Asks for one field; undefined leaves it out. */
async function ask(field: FieldSpec, answers: Record<string, unknown>, catalog: Catalog, defaults: Record<string, unknown>): Promise<unknown> {
  const required = field.required || requiredWhenReported.has(field.path);
  const message = label(field, required);
  const kind = catalogKindOf(field.path);
  const term = typeof answers.term === 'string' ? answers.term : undefined;
  if (kind !== undefined && (field.kind === 'text' || field.kind === 'list')) {
    // prefers: one of the options just accepted; other option fields: the term's ladder.
    const ids = field.name === 'prefers' && Array.isArray(answers.accepts) ? (answers.accepts as string[]) : catalogIds(catalog, kind, term);
    const describe = (id: string) => catalog.partyById.get(id)?.name ?? catalog.termById.get(id)?.label ?? catalog.termById.get(term ?? '')?.ladder.find((o) => o.id === id)?.label;
    const choices = ids.map((id) => ({ value: id, name: describe(id) === undefined ? id : `${id}: ${describe(id)}` }));
    if (field.kind === 'list') {
      const picked = await checkbox({ message, choices, required, pageSize: 15 });
      return picked.length === 0 && !required ? undefined : picked;
    }
    const picked = await select<string | typeof NONE>({ message, choices: required ? choices : [{ value: NONE, name: '(none)' }, ...choices], pageSize: 15 });
    return picked === NONE ? undefined : picked;
  }
  switch (field.kind) {
    case 'fixed':
      return field.value;
    case 'choice': {
      const choices = field.options.map((o) => ({ value: o, name: o }));
      const picked = await select<string | typeof NONE>({ message, choices: required ? choices : [{ value: NONE, name: '(none)' }, ...choices], default: defaults[field.path] });
      return picked === NONE ? undefined : picked;
    }
    case 'yes-no':
      return confirm({ message, default: typeof defaults[field.path] === 'boolean' ? (defaults[field.path] as boolean) : false });
    case 'group': {
      if (!required && !(await confirm({ message: `give ${field.path}?`, default: false }))) return undefined;
      const group: Record<string, unknown> = {};
      for (const f of field.fields) {
        const value = await ask(f, group, catalog, defaults);
        if (value !== undefined) group[f.name] = value;
      }
      return group;
    }
    default: {
      const hint = field.kind === 'list' ? ', comma-separated' : field.kind === 'json' ? ', as JSON' : field.kind === 'number' ? ', a number' : '';
      const toValue = (text: string): unknown => {
        if (field.kind === 'list') return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
        if (field.kind === 'number') return Number(text);
        if (field.kind === 'json') return JSON.parse(text);
        return text;
      };
      const given = defaults[field.path];
      const text = await input({
        message: `${message}${hint}${required ? '' : ', empty to leave out'}`,
        ...(typeof given === 'string' ? { default: given } : {}),
        validate: (t) => {
          if (t.trim() === '') return required ? 'required' : true;
          try {
            return issueOf(field, toValue(t.trim()));
          } catch (e) {
            return `not valid JSON (${(e as Error).message})`;
          }
        },
      });
      return text.trim() === '' ? undefined : toValue(text.trim());
    }
  }
}

/**
 * Asks on the terminal for a reported event: its source, its type, then every
 * field of that type's schema in schema order. Not pure (reads the terminal);
 * the answers are checked again as a whole by `checkNewEvent`.
 */
export async function promptEvent(catalog: Catalog, given: { source?: string }): Promise<Record<string, unknown>> {
  const source =
    given.source ??
    (await select({ message: 'source', choices: catalog.sources.map((s) => ({ value: s.id, name: `${s.id}: ${s.outlet}, "${s.title}" (${s.published})` })), pageSize: 15 }));
  const type = await select({ message: 'event type', choices: eventTypes.map((t) => ({ value: t, name: t, description: eventRegistry[t].description })), pageSize: 16 });
  const schema = eventSchemas.find((s) => s.shape.type.value === type)!;
  const event: Record<string, unknown> = { type, source };
  const defaults: Record<string, unknown> = { reported: catalog.sourceById.get(source)?.published };
  for (const field of fieldsOf(schema)) {
    if (NOT_ASKED.has(field.path)) continue;
    const value = await ask(field, event, catalog, defaults);
    if (value !== undefined) event[field.name] = value;
  }
  return event;
}

/** Shows the line and asks before it is written. Not pure (reads the terminal). */
export async function confirmAppend(line: string, file: string): Promise<boolean> {
  process.stdout.write(`${line}\n`);
  return confirm({ message: `append this event to ${file}?`, default: true });
}

/** Runs a prompt session, turning Ctrl-C (the library's ExitPromptError) into `onInterrupt`'s result. */
export async function interruptible<T>(ask: () => Promise<T>, onInterrupt: () => never): Promise<T> {
  try {
    return await ask();
  } catch (e) {
    if ((e as Error).name === 'ExitPromptError') onInterrupt();
    throw e;
  }
}
