// A problem with a stable code (e.g. "duplicate-id"), for the commands that
// write files. Structurally a Problem, so every formatter and InputError takes it.
import type { Problem } from './problem.js';

export type CodedProblem = Problem & { readonly code: string };

/** Builds a coded problem. Pure. */
export function codedProblem(code: string, at: Omit<Problem, 'message'>, message: string): CodedProblem {
  return { ...at, code, message };
}

/** User text as a problem may show it: quoted, escaped (a line break stays on the line) and truncated. Pure. */
export function echo(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}...` : text);
}
