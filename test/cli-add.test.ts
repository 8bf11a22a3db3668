// parley add and add-source, run as the built binary against temporary copies
// of the bundled events/ folder (the folder itself is never written).
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { binary, repoRoot, runCli } from './helpers/cli.js';

const SOURCE = 'anadolu-2024-08-23';
const QUOTE = 'The White House said Friday';
let dir: string;
let events: string;
let documents: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-add-'));
  events = join(dir, 'events');
  await cp(join(repoRoot, 'events'), events, { recursive: true });
  // A stand-in document, so the quote audit runs the same with or without ../shared/sources.
  documents = join(dir, 'sources');
  await mkdir(documents);
  await writeFile(join(documents, '003_4bec93251204305d.txt'), `Gaza cease-fire talks\n\n${QUOTE} that the talks were moving forward.\n`);
  file = join(events, `${SOURCE}.jsonl`);
});

/** Flags for a valid position.stated event of the Anadolu article. */
function eventFlags(overrides: Record<string, string> = {}): string[] {
  const fields: Record<string, string> = {
    occurred: '2024-08-23',
    dateBasis: 'test: the publication day',
    quote: QUOTE,
    'attribution.speaker': 'the White House',
    'attribution.party': 'us',
    'attribution.onRecord': 'true',
    summary: 'A test event.',
    party: 'israel',
    term: 'philadelphi',
    accepts: 'israeli-control',
    ...overrides,
  };
  return ['--type', 'position.stated', '--source', SOURCE, ...Object.entries(fields).flatMap(([k, v]) => ['--set', `${k}=${v}`])];
}

const add = (...args: string[]) => runCli(['add', '--log', events, '--sources', documents, ...args]);
const lines = async (path = file) => (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '');

function spawnAdd(args: string[], env: Record<string, string> = {}, stdin?: string): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [binary, 'add', '--log', events, '--sources', documents, ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  if (stdin !== undefined) child.stdin.end(stdin);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

describe('parley add', () => {
  it('appends one valid line with a fresh nanoid, the source date filled in, and the log still checks', async () => {
    const before = await readFile(file, 'utf8');
    const r = await add(...eventFlags());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const after = await readFile(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const added = after.slice(before.length).trim().split('\n');
    expect(added).toHaveLength(1);
    const event = JSON.parse(added[0]!);
    expect(event.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(r.stdout).toContain(`added ${event.id} (position.stated)`);
    expect(Object.keys(event).slice(0, 8)).toEqual(['id', 'type', 'occurred', 'precision', 'dateBasis', 'reported', 'source', 'quote']);
    expect(event).toMatchObject({ reported: '2024-08-23', precision: 'day', accepts: ['israeli-control'], attribution: { onRecord: true, party: 'us' } });
    expect((await runCli(['check', events])).code).toBe(0);
  });

  it('reads the event as JSON from stdin', async () => {
    const json = { type: 'talks.assessed', source: SOURCE, occurred: '2024-08-23', dateBasis: 'test', quote: QUOTE, attribution: { speaker: 'the White House', party: 'us', onRecord: true }, summary: 'The White House is optimistic.', tone: 'optimistic' };
    const { done } = spawnAdd(['--from', '-'], {}, JSON.stringify(json));
    const r = await done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse((await lines()).at(-1)!)).toMatchObject({ type: 'talks.assessed', tone: 'optimistic', reported: '2024-08-23' });
  });

  it('--dry-run prints the line and writes nothing', async () => {
    const before = await readFile(file, 'utf8');
    const r = await add(...eventFlags(), '--dry-run');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ type: 'position.stated', party: 'israel' });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it.each([
    ['a duplicate id', { id: 'ZCoGM3ejJ-pZ' }, /field "id": id already used at .*anadolu-2024-08-23\.jsonl:\d+/],
    ['a reported date other than the publication date', { reported: '2024-08-24' }, /field "reported": 2024-08-24 differs from the publication date of source anadolu-2024-08-23, 2024-08-23/],
    ['a date before the last event of the file', { occurred: '2024-08-20' }, /field "occurred": sorts before event ZCoGM3ejJ-pZ/],
    ['an occurrence after the report', { occurred: '2024-08-25' }, /reported 2024-08-23 is before it occurred \(2024-08-25\)/],
    ['a quote the document does not hold', { quote: 'The White House said Thursday' }, /field "quote": quote not found in 003_4bec93251204305d\.txt/],
    ['a near-miss party id', { party: 'Israel' }, /field "party": .*did you mean "israel"\?/],
    ['an unknown term option', { accepts: 'israeli-controll' }, /"israeli-controll" is not an option of term philadelphi.*did you mean "?israeli-control"?\?/],
  ])('refuses %s, leaving the file unchanged', async (_, overrides, message) => {
    const before = await readFile(file, 'utf8');
    const r = await add(...eventFlags(overrides));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('--expect-last appends only when the file ends with the expected event', async () => {
    const last = JSON.parse((await lines()).at(-1)!).id as string;
    const stale = await add(...eventFlags(), '--expect-last', 'aaaaaaaaaaaa');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`--expect-last aaaaaaaaaaaa, but its last event is ${last}`);
    const fresh = await add(...eventFlags(), '--expect-last', last);
    expect(fresh.code).toBe(0);
    const next = JSON.parse((await lines()).at(-1)!).id as string;
    // The first writer's expectation no longer holds for a second one.
    expect((await add(...eventFlags(), '--expect-last', last)).stderr).toContain(`but its last event is ${next}`);
  });

  it('without an event and not on a terminal, says how to give one (exit 2)', async () => {
    const r = await add();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give the event with --from FILE|- or --type and --set');
  });

  it('answers hostile input with problems, never a crash: deep nesting, a JSON array, broken JSON', async () => {
    const before = await readFile(file, 'utf8');
    const deep = join(dir, 'deep.json');
    await writeFile(deep, `{"type":"statement.made","source":"${SOURCE}","about":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const nested = await add('--from', deep, '--set', 'attribution.speaker=x');
    expect(nested.code).toBe(1);
    expect(nested.stderr).toMatch(/nested too deep to check \[too-deep\]/);
    const { done } = spawnAdd(['--from', '-'], {}, '[1, 2]');
    expect((await done).stderr).toContain('(stdin): expected one JSON object (an event)');
    const broken = spawnAdd(['--from', '-'], {}, '{"type": ');
    expect((await broken.done).stderr).toMatch(/^\(stdin\): not valid JSON/m);
    expect(nested.stderr).not.toMatch(/unexpected error|^\s+at /m);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('names a mistyped --set field and suggests the right one (exit 2)', async () => {
    const r = await add(...eventFlags(), '--set', 'partyy=israel');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown field "partyy"; did you mean "party"?');
  });

  it('leaves the log intact when killed after writing its temporary file, and the next add recovers', async () => {
    const before = await readFile(file, 'utf8');
    const { child, done } = spawnAdd(eventFlags(), { PARLEY_TEST_HOOK: 'pause-after-temp' });
    // Wait until the temporary file is durable and the rename is next, then kill.
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      child.stderr!.on('data', (d) => {
        seen += d;
        if (seen.includes('paused after writing')) resolve();
      });
      child.on('close', () => reject(new Error(`add exited before the hook: ${seen}`)));
    });
    const names = await readdir(events);
    expect(names.some((n) => n.startsWith(`.${SOURCE}.jsonl.`) && n.endsWith('.tmp'))).toBe(true);
    expect(names).toContain(`${SOURCE}.jsonl.lock`);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await runCli(['check', events])).code).toBe(0);
    // The dead writer's lock and temporary file do not block or litter the next run.
    const next = await add(...eventFlags());
    expect(next.code).toBe(0);
    expect(await lines()).toHaveLength(before.trim().split('\n').length + 1);
    expect((await readdir(events)).filter((n) => n.startsWith('.') || n.endsWith('.lock'))).toEqual([]);
  });

  it('20 concurrent adds to one file give 20 new valid lines', { timeout: 120_000 }, async () => {
    const before = (await lines()).length;
    const runs = Array.from({ length: 20 }, (_, i) => spawnAdd(eventFlags({ summary: `Concurrent event ${i}.` })).done);
    const results = await Promise.all(runs);
    for (const r of results) expect(r, r.stderr).toMatchObject({ code: 0 });
    const after = await lines();
    expect(after).toHaveLength(before + 20);
    const summaries = after.slice(before).map((l) => JSON.parse(l).summary as string);
    expect(new Set(summaries)).toEqual(new Set(Array.from({ length: 20 }, (_, i) => `Concurrent event ${i}.`)));
    expect((await runCli(['check', events])).code).toBe(0);
  });
});

describe('parley add-source', () => {
  const sourceFlags = ['--outlet', 'The Test Times', '--title', 'Talks resume', '--published', '2024-09-20', '--published-basis', 'dated on the page: Fri 20 Sep 2024', '--document', '005_test.txt'];

  it('registers the article, keeps the registry lines as they were, and creates its empty log', async () => {
    const registry = join(events, 'sources.json');
    const before = await readFile(registry, 'utf8');
    const r = await runCli(['add-source', '--log', events, ...sourceFlags]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('added source the-test-times-2024-09-20');
    const after = await readFile(registry, 'utf8');
    const kept = before.slice(0, before.lastIndexOf('}') + 1);
    expect(after.startsWith(kept)).toBe(true);
    expect(JSON.parse(after).at(-1)).toEqual({ id: 'the-test-times-2024-09-20', outlet: 'The Test Times', title: 'Talks resume', published: '2024-09-20', publishedBasis: 'dated on the page: Fri 20 Sep 2024', document: '005_test.txt' });
    expect(await readFile(join(events, 'the-test-times-2024-09-20.jsonl'), 'utf8')).toBe('');
    expect((await runCli(['check', events])).code).toBe(0);
    // The new source takes events at once; "none" expects its empty file.
    const added = await runCli(['add', '--log', events, '--sources', documents, '--expect-last', 'none', ...eventFlags({ occurred: '2024-09-20' }).map((a) => (a === SOURCE ? 'the-test-times-2024-09-20' : a))]);
    expect(added.stderr).toContain('quote not audited: 005_test.txt');
    expect(added.code).toBe(0);
    expect(await lines(join(events, 'the-test-times-2024-09-20.jsonl'))).toHaveLength(1);
  });

  it('refuses a source id already registered, changing nothing', async () => {
    const registry = join(events, 'sources.json');
    const before = await readFile(registry, 'utf8');
    const r = await runCli(['add-source', '--log', events, ...sourceFlags, '--id', SOURCE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`source "${SOURCE}" is already registered`);
    expect(await readFile(registry, 'utf8')).toBe(before);
  });

  it('refuses a bad publication date with the field named', async () => {
    const r = await runCli(['add-source', '--log', events, ...sourceFlags.map((a) => (a === '2024-09-20' ? '2024-09-31' : a)), '--id', 'test-times']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('field "published": a real calendar date YYYY-MM-DD');
    expect((await readdir(events)).includes('test-times.jsonl')).toBe(false);
  });
});
