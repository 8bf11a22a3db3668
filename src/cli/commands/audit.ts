import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { auditQuotes } from '../../domain/quote-audit.js';
import { displayPath } from '../../io/read-log.js';
import { CheckFailed, InputError, UsageError } from '../cli-errors.js';
import { type Command, LOG_HELP, helpOption, loadOrFail, logOptions, parsing } from '../command.js';

/** The documents of the sources folder that the registry names, by file name. */
async function readDocuments(dir: string, names: readonly string[]): Promise<Map<string, string>> {
  let present: Set<string>;
  try {
    present = new Set(await readdir(dir));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : (e as Error).message;
    throw new InputError([{ file: displayPath(dir), message: `cannot read the sources folder: ${why}` }]);
  }
  const documents = new Map<string, string>();
  for (const name of new Set(names)) {
    if (!present.has(name)) continue;
    try {
      documents.set(name, await readFile(join(dir, name), 'utf8'));
    } catch (e) {
      throw new InputError([{ file: displayPath(join(dir, name)), message: `cannot read: ${(e as Error).message}` }]);
    }
  }
  return documents;
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'check that every quote appears verbatim in its source document',
  usage: `parley audit --sources DIR [--log PATH ...]

For every event with a source and a quote, finds the source in the registry
(sources.json), reads its document from DIR and checks that the quote occurs
there character for character. One line per failure, naming the event id:
an unknown source, a document missing from DIR, or a quote not in the
document. A quote that matches only after normalising typographic quotes,
apostrophes and whitespace fails too, with a hint showing how the document
writes it. Exit 0 when every quote is found, 1 otherwise.

  --sources DIR   the folder holding the source documents (required)
${LOG_HELP}`,
  async run(argv, io) {
    const { values } = parsing(() =>
      parseArgs({ args: [...argv], options: { ...helpOption, ...logOptions, sources: { type: 'string' } } }),
    );
    if (values.sources === undefined || values.sources === '') throw new UsageError('audit needs --sources DIR, the folder of source documents');
    const dir = resolve(values.sources);
    const { log } = await loadOrFail(values.log);
    const documents = await readDocuments(dir, log.catalog.sources.map((s) => s.document));
    const { checked, failures } = auditQuotes(log, documents);
    for (const f of failures) {
      io.out(`event ${f.eventId} (${f.source}): ${f.message}`);
      if (f.hint !== null) io.out(`  hint: ${f.hint}`);
    }
    if (failures.length > 0) {
      io.out(`audit: ${failures.length} of ${checked} quote(s) failed against ${displayPath(dir)}`);
      throw new CheckFailed();
    }
    io.out(`ok: ${checked} quote(s) found verbatim in ${documents.size} document(s) in ${displayPath(dir)}`);
  },
};
