#!/usr/bin/env node
// The entry point: picks the command, prints the problems it stops with, and
// turns them into exit codes (exit-status.ts); the only place that exits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Problem, type ProblemCode, ProblemError, formatProblem, quoted } from '../domain/problem.js';
import { packageRoot } from '../io/read-log.js';
import { didYouMean } from '../domain/did-you-mean.js';
import { COMMAND_LINE } from './cli-errors.js';
import { exitStatusFor } from './exit-status.js';
import type { Command, Output } from './command.js';
import { addCommand } from './commands/add.js';
import { addSourceCommand } from './commands/add-source.js';
import { auditCommand } from './commands/audit.js';
import { checkCommand } from './commands/check.js';
import { diffCommand } from './commands/diff.js';
import { exploreCommand } from './commands/explore.js';
import { scenarioCommand } from './commands/scenario.js';
import { schemaCommand } from './commands/schema.js';
import { sourcesCommand } from './commands/sources.js';
import { reportCommand } from './commands/report.js';
import { stateCommand } from './commands/state.js';
import { stepCommand } from './commands/step.js';
import { timelineCommand } from './commands/timeline.js';
import { viewCommand } from './commands/view.js';
import { whatIfCommand } from './commands/what-if.js';

const commands: readonly Command[] = [stateCommand, addCommand, addSourceCommand, timelineCommand, diffCommand, sourcesCommand, checkCommand, scenarioCommand, whatIfCommand, exploreCommand, schemaCommand, stepCommand, viewCommand, reportCommand, auditCommand];

const overview = `parley: replay reported statements about the Gaza ceasefire talks through a
model of the three-phase deal, and see the reported state on any date.

Usage: parley <command> [options]; parley <command> --help for details;
parley --version for the version.

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}`;

const io: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTTY: process.stdout.isTTY === true,
};

/** Prints the problems a command stopped with: one line each, then the usage or a count. */
function report(name: string, usage: string, problems: readonly Problem[]): void {
  let inInput = 0;
  for (const p of problems) {
    io.err(formatProblem(p.file === COMMAND_LINE && name !== '' ? { ...p, file: `parley ${name}` } : p));
    if (!COMMAND_CODES.has(p.code)) inInput++;
  }
  if (problems.some((p) => p.code === 'usage')) io.err(`\n${usage}`);
  else if (inInput > 0) io.err(`parley ${name}: ${inInput} problem(s) in the input`);
}

/** Codes about the command run rather than the files it read. */
const COMMAND_CODES: ReadonlySet<ProblemCode> = new Set(['usage', 'check-failed', 'unavailable', 'interrupted']);

/** The package's version, from its package.json. */
function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The long options a usage text lists ("--known-at", ...), in order. Pure. */
function optionsIn(usage: string): string[] {
  return [...new Set(usage.match(/--[a-z][a-z-]*/g) ?? [])];
}

/** A suggestion for a mistyped option, from the options the command's usage lists. */
function withSuggestion(p: Problem, usage: string): Problem {
  const unknown = p.code === 'usage' ? /^Unknown option '(--?[^']+)'/.exec(p.message)?.[1] : undefined;
  if (unknown === undefined) return p;
  const options = optionsIn(usage);
  const near = didYouMean(unknown, options);
  return near === undefined
    ? { ...p, message: `unknown option ${quoted(unknown)}`, expected: `one of ${options.join(', ')}` }
    : { ...p, message: `unknown option ${quoted(unknown)}; did you mean ${near}?` };
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.out(`parley ${version()}`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const near = didYouMean(name, commands.map((c) => c.name));
    report('', overview, [{ file: 'parley', code: 'usage', message: `unknown command ${quoted(name)}${near ? `; did you mean ${near}?` : ''}` }]);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (e) {
    if (e instanceof ProblemError) {
      report(name, command.usage, e.problems.map((p) => withSuggestion(p, command.usage)));
      return exitStatusFor(e.problems);
    }
    // A bug, not bad input: one line by default, the stack when asked for.
    io.err(`parley ${name}: unexpected error: ${(e as Error).message}${process.env.PARLEY_DEBUG ? `\n${(e as Error).stack}` : ' (PARLEY_DEBUG=1 shows the stack)'}`);
    return 1;
  }
}

// A reader that stops early (`parley timeline | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
