// parley audit, run as a user would: the built binary against the real
// source documents (when they are beside the repo) and against doctored ones.
import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledEventsDir, loadLog } from '../src/index.js';
import { repoRoot, runCli } from './helpers/cli.js';

const sharedSources = resolve(repoRoot, '..', 'shared', 'sources');
const NO_SOURCES = `no source documents at ${sharedSources}`;

async function bundledQuoteCount(): Promise<number> {
  const loaded = await loadLog();
  if (!loaded.ok) throw new Error('bundled log does not load');
  return loaded.value.log.entries.filter((e) => e.event.source !== undefined && e.event.quote !== undefined).length;
}

/** A one-source log in a temp folder, with the bundled terms and parties. */
async function tinyLog(quote: string): Promise<{ dir: string; docs: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-audit-'));
  for (const f of ['terms.json', 'parties.json']) await cp(join(bundledEventsDir, f), join(dir, f));
  await writeFile(
    join(dir, 'sources.json'),
    JSON.stringify([{ id: 'paper', outlet: 'The Paper', title: 't', published: '2024-08-23', publishedBasis: 'dated', document: 'paper.txt' }]),
  );
  const event = {
    id: 'audit-evt-1', type: 'statement.made', occurred: '2024-08-23', precision: 'day', dateBasis: 'dated',
    reported: '2024-08-23', source: 'paper', quote, attribution: { speaker: 'a spokesman', onRecord: true },
    summary: 'A spokesman speaks.', kind: 'other',
  };
  await writeFile(join(dir, 'events.jsonl'), `${JSON.stringify(event)}\n`);
  const docs = await mkdtemp(join(tmpdir(), 'parley-audit-docs-'));
  return { dir, docs };
}

describe('parley audit', () => {
  it('finds every quote of the bundled log verbatim in the real source documents', async (ctx) => {
    if (!existsSync(sharedSources)) ctx.skip(NO_SOURCES);
    const r = await runCli(['audit', '--sources', sharedSources]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^ok: ${await bundledQuoteCount()} quote\\(s\\) found verbatim in 5 document\\(s\\)`));
  });

  it('fails on a doctored copy of the real documents, naming the event whose quote no longer matches', async (ctx) => {
    if (!existsSync(sharedSources)) ctx.skip(NO_SOURCES);
    const dir = await mkdtemp(join(tmpdir(), 'parley-sources-'));
    await cp(sharedSources, dir, { recursive: true });
    const anadolu = (await readdir(dir)).find((f) => f.startsWith('003_'))!;
    const text = await readFile(join(dir, anadolu), 'utf8');
    // Netanyahu's office "said Thursday" (event 8nw9hdtdhfDd): make the article say Wednesday.
    await chmod(join(dir, anadolu), 0o644); // the originals may be read-only
    await writeFile(join(dir, anadolu), text.replace("Netanyahu's office said Thursday", "Netanyahu's office said Wednesday"));
    const r = await runCli(['audit', '--sources', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('event 8nw9hdtdhfDd (anadolu-2024-08-23): quote not found');
    expect(r.stdout).toMatch(/audit: 1 of \d+ quote\(s\) failed/);
  });

  it('fails a quote that matches only after straightening quotes, and shows the hint', async () => {
    const { dir, docs } = await tinyLog('he said "no" twice');
    await writeFile(join(docs, 'paper.txt'), 'Then he said “no” twice.');
    const r = await runCli(['audit', '--sources', docs, '--log', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('event audit-evt-1 (paper): quote is not verbatim in paper.txt');
    expect(r.stdout).toContain('hint: matches after normalising quotes, apostrophes and whitespace (" -> “, " -> ”); the document reads: he said “no” twice');
  });

  it('prints the audit as JSON with --json, failing with exit 1 all the same', async () => {
    const { dir, docs } = await tinyLog('he said "no" twice');
    await writeFile(join(docs, 'paper.txt'), 'Then he said “no” twice.');
    const r = await runCli(['audit', '--json', '--sources', docs, '--log', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^parley audit: 1 of 1 quote\(s\) failed \[check-failed\]$/m);
    expect(JSON.parse(r.stdout)).toMatchObject({ checked: 1, documents: 1, failures: [{ eventId: 'audit-evt-1', source: 'paper', kind: 'normalised-only', code: 'quote-not-found', document: 'paper.txt' }] });
    await writeFile(join(docs, 'paper.txt'), 'Then he said "no" twice.');
    const ok = await runCli(['audit', '--json', '--sources', docs, '--log', dir]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ checked: 1, failures: [] });
  });

  it('fails when the document is missing from the folder, and passes once it is there', async () => {
    const { dir, docs } = await tinyLog('said “no”');
    const missing = await runCli(['audit', '--sources', docs, '--log', dir]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('event audit-evt-1 (paper): document paper.txt of source paper is not in the sources folder');
    await writeFile(join(docs, 'paper.txt'), 'He said “no”.');
    const found = await runCli(['audit', '--sources', docs, '--log', dir]);
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(/^ok: 1 quote\(s\) found verbatim in 1 document\(s\)/);
  });

  it('is a usage error (exit 2) without --sources, and an input error (exit 1) when the folder does not exist', async () => {
    const usage = await runCli(['audit']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('audit needs --sources DIR');
    const absent = await runCli(['audit', '--sources', join(tmpdir(), 'parley-no-such-folder')]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain('cannot read the sources folder: no such folder');
  });

  it('documents itself in --help and in the command overview', async () => {
    const help = await runCli(['audit', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('parley audit --sources DIR [--log PATH ...]');
    expect((await runCli(['--help'])).stdout).toMatch(/^\s+audit\s+check that every quote appears verbatim/m);
  });
});
