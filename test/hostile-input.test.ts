// Every input is hostile until validated: what is not a regular file, what is
// too large or too deep, YAML aliases, prototype names as keys, a log without
// its catalog or without events. Each becomes a problem with a code, never an
// exception or a hang.
import { execFileSync } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, fork, formatProblem, loadLog, logFromEvents, parseLog, parseScenarioText, type Problem, stateAt } from '../src/index.js';
import { fileSystemProblem } from '../src/io/read-text.js';
import { sampleCatalog } from '../src/testing/index.js';
import { fixture, runCli } from './helpers/cli.js';
import { reported } from './helpers/events.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-hostile-'));
});
afterAll(async () => {
  await chmod(join(dir, 'locked'), 0o755).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

/** A copy of the sample fixture's catalog in a fresh folder, with these event files. */
async function logFolder(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder, { recursive: true });
  for (const f of ['terms.json', 'parties.json', 'sources.json']) await cp(join(fixture('sample'), f), join(folder, f));
  for (const [f, text] of Object.entries(files)) await writeFile(join(folder, f), text);
  return folder;
}

async function problemsLoading(paths: string[]): Promise<Problem[]> {
  const result = await loadLog(paths);
  return result.ok ? [] : result.problems;
}

const codes = (ps: readonly Problem[]) => ps.map((p) => p.code);
const good = reported('2024-08-20', { type: 'position.stated', party: 'north', term: 'corridor', accepts: ['control'] });

describe('files that are not what they seem', () => {
  it('refuses a FIFO without waiting on it', async () => {
    const folder = await logFolder('fifo', {});
    execFileSync('mkfifo', [join(folder, 'pipe.jsonl')]);
    const problems = await problemsLoading([join(folder, 'pipe.jsonl')]);
    expect(problems).toEqual([expect.objectContaining({ code: 'not-a-file', message: 'is a pipe (FIFO)' })]);
  });

  it('refuses a device and a folder where a file is expected', async () => {
    expect(codes(await problemsLoading(['/dev/zero']))).toEqual(['not-a-file']);
    const folder = await logFolder('dir-as-file', {});
    await mkdir(join(folder, 'x.jsonl'));
    expect((await problemsLoading([folder]))[0]).toMatchObject({ code: 'not-a-file', message: 'is a folder' });
  });

  it.skipIf(process.getuid?.() === 0)('names a folder it may not read', async () => {
    const folder = await logFolder('locked', { 'a.jsonl': JSON.stringify(good) });
    await chmod(folder, 0o000);
    expect(codes(await problemsLoading([folder]))).toEqual(['unreadable']);
  });

  it('maps file-system errors to codes (also where permissions cannot be tested, as root)', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(fileSystemProblem('f', err('EACCES'), 'folder')).toMatchObject({ code: 'unreadable', message: 'cannot read the folder: permission denied' });
    expect(fileSystemProblem('f', err('ENOENT')).code).toBe('not-found');
    expect(fileSystemProblem('f', err('EISDIR')).code).toBe('not-a-file');
  });

  it('names the line of bytes that are not UTF-8', async () => {
    const folder = await logFolder('latin1', { 'a.jsonl': Buffer.concat([Buffer.from(`${JSON.stringify(good)}\n{"summary":"caf`), Buffer.from([0xe9]), Buffer.from('"}\n')]) });
    expect((await problemsLoading([folder]))[0]).toMatchObject({ code: 'bad-encoding', line: 2 });
  });

  it('refuses an empty log instead of answering for 1970-01-01', async () => {
    const folder = await logFolder('empty', { 'a.jsonl': '\n\n' });
    expect(codes(await problemsLoading([folder]))).toEqual(['empty-log']);
  });
});

describe('a log without its own catalog', () => {
  it('is a problem when some catalog files are there and others missing', async () => {
    const folder = await logFolder('partial', { 'a.jsonl': JSON.stringify(good) });
    await rm(join(folder, 'sources.json'));
    const problems = await problemsLoading([folder]);
    expect(problems).toEqual([expect.objectContaining({ code: 'no-catalog', file: expect.stringMatching(/sources\.json$/) })]);
  });

  it('falls back to the bundled catalog only with a visible warning', async () => {
    const folder = join(dir, 'bare');
    await mkdir(folder);
    await cp(join(fixture('sample'), 'events.jsonl'), join(folder, 'events.jsonl'));
    const loaded = await loadLog([folder]);
    // The sample's ids are not in the bundled catalog, so this load fails; the warning comes first either way.
    const r = await runCli(['check', folder]);
    expect(r.stderr).toMatch(/^warning: \S*bare: no terms\.json, parties\.json, sources\.json here; using the bundled catalog .* \[no-catalog\]$/m);
    expect(loaded.ok).toBe(false);
    // A warning is said as one and is not counted among the problems.
    const problems = r.stderr.split('\n').filter((l) => / \[[a-z-]+\]$/.test(l) && !l.startsWith('warning: ')).length;
    expect(r.stderr).toContain(`parley check: ${problems} problem(s) in the input`);
  });
});

describe('YAML scenario files', () => {
  const scenario = (body: string) => `title: t\ndescription: d\n${body}`;
  const problems = (text: string) => {
    const r = parseScenarioText('s.yaml', text);
    return r.ok ? [] : r.problems;
  };

  it('reports an alias with no anchor and an alias bomb as problems', () => {
    expect(codes(problems(scenario('dates: *nowhere\n')))).toEqual(['bad-yaml']);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n');
    expect(codes(problems(scenario(`${bomb}\n`)))).toEqual(['too-deep']);
  });

  it('reports nesting too deep for the parser, block or flow, as a problem', () => {
    expect(codes(problems(scenario(`events: ${'- '.repeat(5000)}x\n`)))).toEqual(['too-deep']);
    expect(problems(scenario(`events: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`)).length).toBeGreaterThan(0);
  });

  it('refuses a duplicate key and a __proto__ key', () => {
    expect(codes(problems(scenario('title: again\n')))).toEqual(['duplicate-key']);
    const proto = problems(scenario('events:\n  - type: proposal.tabled\n    occurred: 2024-08-17\n    proposal: p\n    by: north\n    title: x\n    terms: { __proto__: control }\n'));
    expect(proto).toEqual([expect.objectContaining({ code: 'bad-field', field: 'events[0].terms.__proto__', line: 9 })]);
  });
});

describe('prototype names as ids', () => {
  it('refuses __proto__ as a key in a proposal\'s terms, in a log line and in a fork', () => {
    const tabled = { ...reported('2024-08-20', { type: 'proposal.tabled', proposal: 'p', by: 'north', title: 't' }), terms: undefined };
    const text = JSON.stringify(tabled).replace('"title":"t"', '"title":"t","terms":{"__proto__":"control"}');
    const r = parseLog(sampleCatalog, [{ name: 'l.jsonl', text }]);
    expect(r.ok ? [] : r.problems).toEqual([expect.objectContaining({ code: 'bad-field', field: 'terms.__proto__' })]);
    const f = fork(logFromEvents(sampleCatalog, [good]), { add: [JSON.parse('{"type":"agreement.reached","occurred":"2024-08-21","terms":{"__proto__":"control"}}')] });
    expect(f.ok ? [] : codes(f.problems)).toEqual(['bad-field']);
    expect(Object.prototype).not.toHaveProperty('control');
  });

  it('finds no inherited value for a term named "constructor" in a text that does not settle it', () => {
    const terms = sampleCatalog.terms.map((t, i) => (i === 0 ? { ...t, id: 'constructor' } : t));
    const catalog = createCatalog(terms, sampleCatalog.parties, sampleCatalog.sources);
    const [a, b] = catalog.principals;
    const ev = (payload: Record<string, unknown>) => reported('2024-08-20', payload as never);
    const log = logFromEvents(catalog, [
      ev({ type: 'proposal.tabled', proposal: 'p', by: 'broker', title: 't', terms: { [terms[1]!.id]: terms[1]!.ladder[0]!.id } }),
      ev({ type: 'proposal.accepted', proposal: 'p', party: a, as: 'text' }),
      ev({ type: 'proposal.accepted', proposal: 'p', party: b, as: 'text' }),
    ]);
    expect(stateAt(log, '2024-08-20').gaps['constructor' as string]!.status).toBe('unknown');
  });
});

describe('what problems echo', () => {
  it('fits on one line however the input is written', async () => {
    const id = `bad\nid-${'x'.repeat(5000)}`;
    const folder = await logFolder('echo', { 'a.jsonl': JSON.stringify({ ...good, id, term: `${'y'.repeat(1_000_000)}\n` }) });
    for (const p of await problemsLoading([folder])) {
      const line = formatProblem(p);
      expect(line).not.toMatch(/\n/);
      expect(line.length).toBeLessThan(2000);
    }
  });
});
