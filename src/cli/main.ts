#!/usr/bin/env node
// The entry point: picks the command from the declaration table, parses its
// options, loads its implementation (only now, so start-up pays for no other
// command), prints the problems it stops with, and turns them into exit codes
// (exit-status.ts); the only place that exits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Problem, type ProblemCode, ProblemError, formatProblem, quoted } from '../domain/problem.js';
import { didYouMean } from '../domain/did-you-mean.js';
import { packageRoot } from '../io/package-root.js';
import { COMMAND_LINE } from './cli-errors.js';
import { commandNames, commands, findCommand } from './command-table.js';
import type { Output } from './command.js';
import { exitStatusFor } from './exit-status.js';
import { RerunWithHeap, rerunWithHeap } from './heap-size.js';
import { helpText, overviewText } from './help-text.js';
import { parseCommandLine } from './option-spec.js';

const io: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTTY: process.stdout.isTTY === true,
};

/** Codes about the command run rather than the files it read. */
const COMMAND_CODES: ReadonlySet<ProblemCode> = new Set(['usage', 'check-failed', 'unavailable', 'interrupted']);

/** Prints the problems a command stopped with: one line each, then the usage or a count. */
function report(name: string, usage: () => Promise<string>, problems: readonly Problem[]): Promise<void> | void {
  let inInput = 0;
  for (const p of problems) {
    io.err(`${p.warning ? 'warning: ' : ''}${formatProblem(p.file === COMMAND_LINE && name !== '' ? { ...p, file: `parley ${name}` } : p)}`);
    if (!COMMAND_CODES.has(p.code) && !p.warning) inInput++;
  }
  if (problems.some((p) => p.code === 'usage')) return usage().then((text) => void io.err(`\n${text}`));
  if (inInput > 0) io.err(`parley ${name}: ${inInput} problem(s) in the input`);
}

/** The package's version, from its package.json. */
function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const overview = async () => overviewText(commands);
  if (name === undefined || name === '--help' || name === '-h') {
    io.out(await overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.out(`parley ${version()}`);
    return 0;
  }
  const spec = findCommand(name);
  if (!spec) {
    const near = didYouMean(name, commandNames());
    await report('', overview, [{ file: 'parley', code: 'usage', message: `unknown command ${quoted(name)}${near ? `; did you mean ${near}?` : ''}` }]);
    return 2;
  }
  const usage = () => helpText(spec);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(await usage());
    return 0;
  }
  try {
    const parsed = await parseCommandLine(spec, rest);
    await (await spec.load()).run(parsed, io);
    return 0;
  } catch (e) {
    if (e instanceof RerunWithHeap) {
      io.err(`parley ${name}: ${e.notice}`);
      return rerunWithHeap(e.megabytes);
    }
    if (e instanceof ProblemError) {
      await report(name, usage, e.problems);
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

// Not a top-level await: the CLI is bundled as one CommonJS script (scripts/bundle-cli.mjs).
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
