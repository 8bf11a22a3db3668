// The one place problem codes become exit statuses:
// 0 ok, 1 bad input or a failed check, 2 usage, 130 interrupted (Ctrl-C).
import type { Problem, ProblemCode } from '../domain/problem.js';

const special: Partial<Record<ProblemCode, number>> = { interrupted: 130, usage: 2 };

/** The exit status for a command that stopped with these problems (1 unless a code says otherwise). Pure. */
export function exitStatusFor(problems: readonly Problem[]): number {
  let status = 1;
  for (const p of problems) {
    const s = special[p.code];
    if (s !== undefined && (status === 1 || s === 130)) status = s;
  }
  return status;
}
