// --scenario FILE: a what-if beside the reported log. Commands see only an
// overlay (baseline and what-if logs, with a title), whatever the file format.
//
// The file is a fork spec in JSON: { title, description, branchAt?, keep?, add: [events] },
// each added event marked hypothetical.
import type { EventLog } from '../domain/event-log.js';
import { validateEvent } from '../domain/parse-log.js';
import type { ParleyEvent } from '../domain/event-schema.js';
import type { Problem } from '../domain/problem.js';
import { displayPath, readText } from '../io/read-log.js';
import { fork } from '../model/fork.js';
import { type Overlay, hypotheticalDates } from '../model/overlay.js';
import { unwrap } from './command.js';
import { InputError } from './cli-errors.js';

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
  const field = (key: string) => (typeof spec[key] === 'string' ? (spec[key] as string) : (problems.push({ file, field: key, message: 'expected a string' }), ''));
  const title = field('title');
  const description = field('description');
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
  return { title, description, file, baseline: base, whatIf, dates: hypotheticalDates(whatIf) };
}
