// --scenario FILE: a what-if beside the reported log. Commands see only an
// overlay (baseline and what-if logs, with a title), whatever the file format.
//
// The file is a fork spec in JSON: { title, description, branchAt?, keep?, add: [events] },
// each added event marked hypothetical.
import type { EventLog } from '../domain/event-log.js';
import { validateEvent } from '../domain/parse-log.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import type { Problem } from '../domain/problem.js';
import { isoFromDayNumber } from '../domain/dates.js';
import { displayPath, readText } from '../io/read-log.js';
import { fork } from '../model/fork.js';
import { unwrap } from './command.js';
import { InputError } from './cli-errors.js';

export interface Overlay {
  readonly title: string;
  readonly description: string;
  readonly file: string;
  readonly baseline: EventLog;
  readonly whatIf: EventLog;
  /** The days a what-if event occurs on: where to look first. */
  readonly dates: readonly string[];
}

export async function loadOverlay(path: string, base: EventLog): Promise<Overlay> {
  const text = unwrap(await readText(path));
  const file = displayPath(path);
  let spec: Record<string, unknown>;
  try {
    spec = JSON.parse(text.text) as Record<string, unknown>;
  } catch (e) {
    throw new InputError([{ file, message: `not JSON: ${(e as Error).message}` }]);
  }
  const problems: Problem[] = [];
  const text_ = (key: string) => (typeof spec[key] === 'string' ? (spec[key] as string) : (problems.push({ file, field: key, message: 'expected a string' }), ''));
  const title = text_('title');
  const description = text_('description');
  const add: ParleyEvent[] = [];
  if (!Array.isArray(spec.add)) problems.push({ file, field: 'add', message: 'expected an array of events' });
  else for (const value of spec.add) {
    const r = validateEvent(value, base.catalog, { file });
    if (r.ok) add.push(r.value);
    else problems.push(...r.problems);
  }
  if (problems.length > 0) throw new InputError(problems);
  const whatIf = unwrap(
    fork(base, {
      add,
      origin: file,
      ...(typeof spec.branchAt === 'string' ? { branchAt: spec.branchAt } : {}),
      ...(spec.keep === true || Array.isArray(spec.keep) ? { keep: spec.keep as string[] | true } : {}),
    }),
  );
  const dates = [...new Set(whatIf.entries.filter((e) => e.event.hypothetical).map((e) => isoFromDayNumber(e.day)))];
  return { title, description, file, baseline: base, whatIf, dates };
}
