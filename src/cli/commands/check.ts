import { parseArgs } from 'node:util';
import { type Command, LOG_HELP, helpOption, loadOrFail, parsing } from '../command.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'validate event logs (and their catalog) without replaying them',
  usage: `parley check [PATH ...]

Validates every event against its schema and the catalog (terms, parties,
sources): one line per problem, naming file, line, event id and field.
Exit 0 when all is valid, 1 otherwise.

  PATH            as --log elsewhere:
${LOG_HELP.split('\n').slice(1).join('\n')}`,
  async run(argv, io) {
    const { positionals } = parsing(() => parseArgs({ args: [...argv], options: { ...helpOption }, allowPositionals: true }));
    const { log, files, catalogDir } = await loadOrFail(positionals);
    io.out(`ok: ${log.entries.length} events in ${files.length} file(s); catalog ${catalogDir}`);
  },
};
