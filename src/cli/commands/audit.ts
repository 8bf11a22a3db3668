import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { escapeEcho } from '../../domain/problem.js';
import { auditQuotes, quoteFailureCodes } from '../../domain/quote-audit.js';
import { displayPath, fileSystemProblem, readText } from '../../io/read-text.js';
import { checkFailed, inputError, usageError } from '../cli-errors.js';
import type { auditOptions } from '../command-table.js';
import { type Output, loadOrFail, unwrap } from '../command.js';
import type { Parsed } from '../option-spec.js';

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

/** Runs `parley audit` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof auditOptions>, io: Output): Promise<void> {
  if (values.sources === '') throw usageError('audit needs --sources DIR, the folder of source documents');
  const dir = resolve(values.sources);
  const { log } = await loadOrFail(values.log);
  const documents = await readDocuments(dir, log.catalog.sources.map((s) => s.document));
  const { checked, failures } = auditQuotes(log, documents);
  if (values.json) {
    const listed = failures.map((f) => ({ ...f, code: quoteFailureCodes[f.kind] }));
    io.out(JSON.stringify({ sources: displayPath(dir), checked, documents: documents.size, failures: listed }, null, 2));
    if (failures.length > 0) throw checkFailed(`${failures.length} of ${checked} quote(s) failed`);
    return;
  }
  for (const f of failures) {
    io.out(`event ${f.eventId} (${f.source}): ${f.message} [${quoteFailureCodes[f.kind]}]`);
    if (f.hint !== null) io.out(`  hint: ${escapeEcho(f.hint, 400)}`);
  }
  if (failures.length > 0) {
    io.out(`audit: ${failures.length} of ${checked} quote(s) failed against ${displayPath(dir)}`);
    throw checkFailed(`${failures.length} of ${checked} quote(s) failed`);
  }
  io.out(`ok: ${checked} quote(s) found verbatim in ${documents.size} document(s) in ${displayPath(dir)}`);
}
