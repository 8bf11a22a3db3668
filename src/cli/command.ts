// What every subcommand provides, and the small helpers they share.
import { isIsoDay, isoFromDayNumber } from '../domain/dates.js';
import { type Policy, defaultPolicy, policies } from '../model/claims.js';
import { lastDate } from '../model/replay.js';
import type { EventLog } from '../domain/event-log.js';
import { type Problem, type Result, formatProblem, quoted } from '../domain/problem.js';
import { type LoadedLog, loadLog } from '../io/read-log.js';
import { inputError, usageError } from './cli-errors.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  readonly isTTY: boolean;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], io: Output): Promise<void>;
}

/** Runs node's parseArgs, turning its complaints into usage errors (exit 2). */
export function parsing<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw usageError((e as Error).message);
  }
}

export const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

export function dateOption(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !isIsoDay(value)) throw usageError(`${flag} expects a date YYYY-MM-DD, got ${quoted(value)}`);
  return value;
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
  const loaded = unwrap(await loadLog(paths ?? []));
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

export function checkSources(log: EventLog, sources: readonly string[] | undefined): readonly string[] | undefined {
  if (sources === undefined || sources.length === 0) return undefined;
  for (const s of sources) {
    if (!log.catalog.sourceById.has(s)) throw usageError(`--source: unknown source ${quoted(s)}`, `one of ${[...log.catalog.sourceById.keys()].join(', ')}`);
  }
  return sources;
}

export const logOptions = {
  log: { type: 'string', multiple: true },
} as const;

// Options several commands share, declared once so they mean the same everywhere.
export const atOption = { at: { type: 'string' } } as const;
export const knownAtOption = { 'known-at': { type: 'string' } } as const;
export const sourceOption = { source: { type: 'string', multiple: true } } as const;
export const jsonOption = { json: { type: 'boolean' } } as const;

export const LOG_HELP = `  --log PATH      an event file (JSONL) or a folder of them; repeatable.
                  Default: the bundled events/. Terms, parties and sources
                  come from the folder of the first path when it has
                  terms.json, parties.json and sources.json, else the bundled ones.`;

export const policyOption = { policy: { type: 'string' } } as const;

export const POLICY_HELP = `  --policy NAME   how a party's position is derived from the claims about it:
                  first-hand (default: its own words first, then mediators,
                  other parties, the outlet's narration), latest (the last
                  report wins), consensus (only what every claim agrees on)`;

/** The --policy value, checked; the default when absent. */
export function policyValue(value: string | undefined): Policy {
  if (value === undefined) return defaultPolicy;
  if (!(policies as readonly string[]).includes(value)) throw usageError(`--policy expects one of ${policies.join(', ')}, got "${value}"`);
  return value as Policy;
}
