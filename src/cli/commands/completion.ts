import { quoted } from '../../domain/problem.js';
import { usageError } from '../cli-errors.js';
import { type completionOptions, commands, shells } from '../command-table.js';
import type { Output } from '../command.js';
import { bashCompletion, zshCompletion } from '../completion-script.js';
import type { Parsed } from '../option-spec.js';

/** Runs `parley completion bash|zsh`: the script, generated from the command table. */
export async function run({ positionals }: Parsed<typeof completionOptions>, io: Output): Promise<void> {
  const [shell] = positionals;
  if (shell === 'bash') return io.out(await bashCompletion(commands));
  if (shell === 'zsh') return io.out(await zshCompletion(commands));
  throw usageError(`expected a shell, ${shells.join(' or ')}; got ${quoted(shell)}`);
}
