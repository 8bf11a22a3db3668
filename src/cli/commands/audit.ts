import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { escapeEcho } from '../../domain/problem.js';
import { auditQuotes, quoteFailureCodes } from '../../domain/quote-audit.js';
import { displayPath, fileSystemProblem, readText } from '../../io/read-text.js';
import { checkFailed, inputError, usageError } from '../cli-errors.js';
import { type Command, LOG_HELP, helpOption, loadOrFail, logOptions, parsing, unwrap } from '../command.js';

/** The documents of the sources folder that the registry names, by file name. */
async function readDocuments(dir: string, names: readonly string[]): Promise<Map<string, string>> {
  let present: Set<string>;
  try {
    present = new Set(await readdir(dir));
  } catch (e) {
    const p = fileSystemProblem(displayPath(dir), e, 'folder');
    throw inputError([{ ...p, message: `cannot read the sources folder: ${p.message}` }]);
  }
  const documents = new Map<string, string>();
  for (const name of new Set(names)) {
    if (!present.has(name)) continue;
    documents.set(name, unwrap(await readText(join(dir, name))).text);
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
    if (values.sources === undefined || values.sources === '') throw usageError('audit needs --sources DIR, the folder of source documents');
    const dir = resolve(values.sources);
    const { log } = await loadOrFail(values.log);
    const documents = await readDocuments(dir, log.catalog.sources.map((s) => s.document));
    const { checked, failures } = auditQuotes(log, documents);
    for (const f of failures) {
      io.out(`event ${f.eventId} (${f.source}): ${f.message} [${quoteFailureCodes[f.kind]}]`);
      if (f.hint !== null) io.out(`  hint: ${escapeEcho(f.hint, 400)}`);
    }
    if (failures.length > 0) {
      io.out(`audit: ${failures.length} of ${checked} quote(s) failed against ${displayPath(dir)}`);
      throw checkFailed(`${failures.length} of ${checked} quote(s) failed`);
    }
    io.out(`ok: ${checked} quote(s) found verbatim in ${documents.size} document(s) in ${displayPath(dir)}`);
  },
};
