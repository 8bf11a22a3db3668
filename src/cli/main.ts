#!/usr/bin/env node
// The entry point: picks the command, turns failures into exit codes
// (0 ok, 1 bad input or failed check, 2 usage, 128 + N on signal N), and is the only place that exits.
import { constants } from 'node:os';
import { CheckFailed, EnvironmentError, InputError, Interrupted, UsageError } from './cli-errors.js';
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

const commands: readonly Command[] = [stateCommand, timelineCommand, diffCommand, sourcesCommand, checkCommand, scenarioCommand, whatIfCommand, exploreCommand, schemaCommand, stepCommand, viewCommand, reportCommand, auditCommand, addCommand, addSourceCommand];

const overview = `parley: replay reported statements about the Gaza ceasefire talks through a
model of the three-phase deal, and see the reported state on any date.

Usage: parley <command> [options]; parley <command> --help for details.

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}`;

const io: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTTY: process.stdout.isTTY === true,
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview);
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`parley: unknown command "${name}"\n\n${overview}`);
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
    if (e instanceof UsageError) {
      io.err(`parley ${name}: ${e.message}\n\n${command.usage}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(e.message);
      io.err(`parley ${name}: ${e.problems.length} problem(s) in the input`);
      return 1;
    }
    if (e instanceof CheckFailed) return 1;
    if (e instanceof Interrupted) {
      io.err(`parley ${name}: ${e.message}`);
      return 128 + constants.signals[e.signal];
    }
    if (e instanceof EnvironmentError) {
      io.err(`parley ${name}: ${e.message}`);
      return 1;
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
