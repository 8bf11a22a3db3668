// Shorthands for the commands that write files: a problem from its code,
// where and what, and user text as a problem may echo it.
import type { Problem, ProblemCode } from './problem.js';

/** A Problem; the name the writing commands use for it. */
export type CodedProblem = Problem;

/** Builds a problem with its code. Pure. */
export function codedProblem(code: ProblemCode, at: Omit<Problem, 'message' | 'code'>, message: string): Problem {
  return { ...at, code, message };
}

/** User text as a problem may show it: quoted, escaped (a line break stays on the line) and truncated. Pure. */
export function echo(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}...` : text);
}
