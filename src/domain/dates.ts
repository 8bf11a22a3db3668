// Calendar arithmetic on ISO dates. Pure: Date.UTC reads no clock, so the
// same string gives the same day number on every machine and time zone.

export type IsoDay = string; // YYYY-MM-DD
export type IsoMonth = string; // YYYY-MM

import { type Problem, ProblemError, quoted } from './problem.js';

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// The same days as a regular expression, for JSON Schema (`pattern`), which
// cannot call isIsoDay. Years 0000-0099 are out: Date.UTC reads them as
// 1900-1999, so isIsoDay refuses them. A test checks both agree.
const YEAR = '(?:0[1-9]|[1-9][0-9])[0-9]{2}';
const LEAP_YEAR = '(?:(?:0[1-9]|[1-9][0-9])(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
const DAY_BODY = `(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;
const MONTH_BODY = '[0-9]{4}-(?:0[1-9]|1[0-2])';

/** A regular expression (as text) matching exactly the strings isIsoDay accepts. */
export const ISO_DAY_PATTERN = `^${DAY_BODY}$`;
/** A regular expression (as text) matching exactly the strings isIsoMonth accepts. */
export const ISO_MONTH_PATTERN = `^${MONTH_BODY}$`;
/** A regular expression (as text) matching a day or a month: an event's `occurred`. */
export const OCCURRED_PATTERN = `^(?:${DAY_BODY}|${MONTH_BODY})$`;

// Loading a large log parses the same few hundred dates again and again; the
// memo is cleared when full so that arbitrary input cannot grow it forever.
const memo = new Map<string, number | undefined>();
const MEMO_LIMIT = 50_000;

/** Days since 1970-01-01 of a valid YYYY-MM-DD, or undefined if it is not a real date. */
export function dayNumber(iso: string): number | undefined {
  if (memo.has(iso)) return memo.get(iso);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const day = parseDay(iso);
  memo.set(iso, day);
  return day;
}

function parseDay(iso: string): number | undefined {
  const m = DAY_RE.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  // An integer, made a small integer for V8: a division's result is a boxed
  // double, and one stored in a log entry makes every entry's day a heap number.
  return (ms / MS_PER_DAY) | 0;
}

export function isIsoDay(s: string): boolean {
  return dayNumber(s) !== undefined;
}

export function isIsoMonth(s: string): boolean {
  const m = MONTH_RE.exec(s);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** The day an `occurred` value sorts at: a month sorts at its first day. */
export function occurredSortDay(occurred: string): number | undefined {
  return isIsoMonth(occurred) ? dayNumber(`${occurred}-01`) : dayNumber(occurred);
}

export function isoFromDayNumber(day: number): IsoDay {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The problem for a date that is not a real YYYY-MM-DD day. Pure. */
export function badDateProblem(iso: string, field = 'date'): Problem {
  return { file: 'query', code: 'bad-date', field, message: `not a real calendar date: ${quoted(iso)}`, expected: 'YYYY-MM-DD' };
}

/**
 * `iso` plus `days` days. Validated data never reaches the throw; a library
 * caller passing a bad date gets a ProblemError (code bad-date), never a bare
 * RangeError.
 */
export function addDays(iso: IsoDay, days: number): IsoDay {
  return isoFromDayNumber(requireDayNumber(iso) + days);
}

/**
 * The day number of a date the caller promises is valid: the query functions
 * (stateAt, steps, ...) call it on the date a library caller gives. A bad date
 * throws a ProblemError (code bad-date), the one documented exception.
 */
export function requireDayNumber(iso: string, field?: string): number {
  const n = typeof iso === 'string' ? dayNumber(iso) : undefined;
  if (n === undefined) throw new ProblemError([badDateProblem(String(iso), field)]);
  return n;
}
