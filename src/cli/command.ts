// What every command's implementation is given, and the small helpers they share.
import { isoFromDayNumber } from '../domain/dates.js';
import { lastDate } from '../model/replay.js';
import type { EventLog } from '../domain/event-log.js';
import { type Problem, type Result, formatProblem } from '../domain/problem.js';
import { type LoadedLog, loadLog } from '../io/read-log.js';
import { inputError } from './cli-errors.js';
import { checkHeapFor } from './heap-size.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  readonly isTTY: boolean;
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw inputError(result.problems);
  return result.value;
}

/** Prints a problem that did not stop the command, on stderr. */
export function warn(problem: Problem): void {
  process.stderr.write(`warning: ${formatProblem(problem)}\n`);
}

/** The log at these paths (default: the bundled one), its warnings printed; bad input throws a ProblemError. */
export async function loadOrFail(paths: readonly string[] | undefined): Promise<LoadedLog> {
  const loaded = unwrap(await loadLog(paths ?? [], { beforeReading: checkHeapFor }));
  loaded.warnings.forEach(warn);
  return loaded;
}

/**
 * The date a command answers for: `date`, or the last event's. A date outside
 * the log's span is still answered, with a warning on stderr saying so.
 * (loadOrFail refuses a log with no events, so there always is a last date.)
 */
export function queryDate(log: EventLog, date: string | undefined, flag = '--at'): string {
  const first = log.entries[0];
  const last = lastDate(log);
  if (first === undefined || last === undefined) return date ?? '';
  if (date === undefined) return last;
  const firstDay = isoFromDayNumber(first.day);
  if (date > last) warn({ file: flag, code: 'date-outside-log', message: `${date} is after the last event, ${last}` });
  else if (date < firstDay) warn({ file: flag, code: 'date-outside-log', message: `${date} is before the first event, ${firstDay}` });
  return date;
}
