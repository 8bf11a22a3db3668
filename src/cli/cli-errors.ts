// The ways a command stops on purpose, all as ProblemErrors: main.ts prints
// the problems and picks the exit status from their codes (exit-status.ts).
import { type Problem, type ProblemCode, ProblemError } from '../domain/problem.js';

/** The file a command-line problem names; main.ts replaces it with "parley COMMAND". */
export const COMMAND_LINE = 'parley';

const stop = (code: ProblemCode, message: string, expected?: string): ProblemError =>
  new ProblemError([{ file: COMMAND_LINE, code, message, ...(expected === undefined ? {} : { expected }) }]);

/** The command line itself is wrong (exit 2). */
export const usageError = (message: string, expected?: string): ProblemError => stop('usage', message, expected);

/** Something the user asked to check did not hold (exit 1); the details are already printed. */
export const checkFailed = (message: string): ProblemError => stop('check-failed', message);

/** The command cannot run here as things stand (a port in use, an unbuilt page); the message says what to do (exit 1). */
export const unavailable = (message: string): ProblemError => stop('unavailable', message);

/** The user stopped an interactive command with Ctrl-C (exit 130). */
export const interrupted = (): ProblemError => stop('interrupted', 'interrupted (Ctrl-C)');

/** The input files are wrong (exit 1); each problem is one line. */
export const inputError = (problems: readonly Problem[]): ProblemError => new ProblemError(problems);
