// The options several commands take, each declared once so it is spelt,
// documented, validated and completed the same everywhere; and the value
// checks the other declarations use.
import { didYouMean } from '../domain/did-you-mean.js';
import { isIsoDay } from '../domain/dates.js';
import type { EventLog } from '../domain/event-log.js';
import { quoted } from '../domain/problem.js';
import { type Policy, defaultPolicy, policies } from '../model/claims.js';
import type { StateFilter } from '../model/negotiation-state.js';
import { usageError } from './cli-errors.js';
import { option, unknownValue } from './option-spec.js';

/** A date YYYY-MM-DD, or a usage error naming the flag. Pure. */
export function dateValue(raw: string, flag: string): string {
  if (!isIsoDay(raw)) throw usageError(`${flag} expects a date YYYY-MM-DD, got ${quoted(raw)}`);
  return raw;
}

/** A whole number of 1 or more. Pure. */
export function positiveInt(raw: string, flag: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw usageError(`${flag} expects a whole number of 1 or more, got ${quoted(raw)}`);
  return n;
}

/** `n` when at most `most`; else a usage error naming the flag and the value given. Pure. */
export function atMost(n: number, most: number, raw: string, flag: string): number {
  if (n > most) throw usageError(`${flag} expects a whole number from 1 to ${most}, got ${quoted(raw)}`);
  return n;
}

/** A TCP port, 0 for any free one. Pure. */
export function portValue(raw: string, flag: string): number {
  const port = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`${flag} expects a port number 0-65535, got ${quoted(raw)}`);
  return port;
}

export const logOption = {
  log: option({
    type: 'string',
    value: 'PATH',
    multiple: true,
    complete: 'path',
    help: 'an event file (JSONL) or a folder of them. Default: the bundled events/. Terms, parties and sources come from the folder of the first path when it has terms.json, parties.json and sources.json, else the bundled ones.',
  }),
} as const;

export const atOption = { at: option({ type: 'string', value: 'DATE', parse: dateValue, help: "the date (default: the last event's date)" }) } as const;

export const knownAtOption = {
  'known-at': option({ type: 'string', value: 'DATE', parse: dateValue, help: 'keep only events reported in the log\'s sources by DATE ("what had these outlets reported by then?"; not "public by")' }),
} as const;

export const sourceOption = { source: option({ type: 'string', value: 'ID', multiple: true, help: 'keep only events from this source (an id in sources.json)' }) } as const;

export const policyOption = {
  policy: option({
    type: 'string',
    value: 'NAME',
    choices: policies,
    parse: (raw: string): Policy => raw as Policy,
    help: `how a party's position is derived from the claims about it: first-hand (default: its own words first, then mediators, other parties, the outlet's narration), latest (the last report wins), consensus (only what every claim agrees on)`,
  }),
} as const;

export const jsonOption = { json: option({ type: 'boolean', help: 'the output as JSON' }) } as const;

/** The policy given, or the default. Pure. */
export const policyOrDefault = (policy: Policy | undefined): Policy => policy ?? defaultPolicy;

/** The --source ids, each checked against the log's catalog; undefined when none was given. */
export function checkSources(log: EventLog, sources: readonly string[] | undefined): readonly string[] | undefined {
  if (sources === undefined || sources.length === 0) return undefined;
  const ids = [...log.catalog.sourceById.keys()];
  for (const s of sources) {
    if (log.catalog.sourceById.has(s)) continue;
    // A source id is an outlet and a date: the outlet alone ("anadolu") names it when only one id starts so.
    const starting = ids.filter((id) => id.startsWith(`${s.toLowerCase()}-`));
    throw unknownValue('--source: unknown source', s, ids, `one of ${ids.join(', ')}`, didYouMean(s, ids) ?? (starting.length === 1 ? starting[0] : undefined));
  }
  return sources;
}

/** The state filter that --known-at, --source (already checked) and --policy ask for; an option not given is left out. Pure. */
export function stateFilter(values: { readonly 'known-at'?: string | undefined; readonly policy?: Policy | undefined }, sources: readonly string[] | undefined): StateFilter {
  return { ...(values['known-at'] ? { knownAt: values['known-at'] } : {}), ...(sources ? { sources } : {}), ...(values.policy ? { policy: values.policy } : {}) };
}
