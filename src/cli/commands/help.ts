import { didYouMean } from '../../domain/did-you-mean.js';
import { quoted } from '../../domain/problem.js';
import { usageError } from '../cli-errors.js';
import { type helpOptions, commandNames, commands, findCommand } from '../command-table.js';
import type { Output } from '../command.js';
import { helpText, overviewText } from '../help-text.js';
import type { Parsed } from '../option-spec.js';

/** Runs `parley help [COMMAND]`: the command's help, or the overview. */
export async function run({ positionals }: Parsed<typeof helpOptions>, io: Output): Promise<void> {
  const [name, ...extra] = positionals;
  if (extra.length > 0) throw usageError(`help takes one command, got ${positionals.length}`);
  if (name === undefined) return io.out(overviewText(commands));
  const spec = findCommand(name);
  if (spec === undefined) {
    const near = didYouMean(name, commandNames());
    throw near === undefined ? usageError(`unknown command ${quoted(name)}`, `one of ${commandNames().join(', ')}`) : usageError(`unknown command ${quoted(name)}; did you mean ${near}?`);
  }
  io.out(await helpText(spec));
}
