import { type helpOptions, commands, findCommand } from '../command-table.js';
import type { Output } from '../command.js';
import { helpText, overviewText } from '../help-text.js';
import type { Parsed } from '../option-spec.js';

/** Runs `parley help [COMMAND]`: the command's help, or the overview (the parser has checked COMMAND against the table). */
export async function run({ positionals }: Parsed<typeof helpOptions>, io: Output): Promise<void> {
  const spec = positionals[0] === undefined ? undefined : findCommand(positionals[0]);
  io.out(spec === undefined ? overviewText(commands) : await helpText(spec));
}
