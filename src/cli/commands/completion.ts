import { type completionOptions, commands } from '../command-table.js';
import type { Output } from '../command.js';
import { bashCompletion, zshCompletion } from '../completion-script.js';
import type { Parsed } from '../option-spec.js';

/** Runs `parley completion bash|zsh`: the script, generated from the command table (the parser has checked SHELL). */
export async function run({ positionals }: Parsed<typeof completionOptions>, io: Output): Promise<void> {
  io.out(positionals[0] === 'zsh' ? await zshCompletion(commands) : await bashCompletion(commands));
}
