// The two ways a command fails on purpose; main.ts turns them into exit codes.
import { type Problem, formatProblem } from '../domain/problem.js';

/** The command line itself is wrong (exit 2). */
export class UsageError extends Error {}

/** The input files are wrong (exit 1); each problem is one line. */
export class InputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** Something the user asked to check did not hold (exit 1), already reported on stdout. */
export class CheckFailed extends Error {}

/** The command cannot run here as things stand (a port in use, an unbuilt page); the message says what to do (exit 1). */
export class EnvironmentError extends Error {}

/** The user interrupted the command (Ctrl-C) or a signal ended it: exit 128 + the signal's number, as a shell does. */
export class Interrupted extends Error {
  constructor(readonly signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP') {
    super(`interrupted by ${signal}`);
  }
}
