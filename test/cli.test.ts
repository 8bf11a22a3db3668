import { mkdtemp, readFile, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers/cli.js';

/** Text with its line breaks and indents as single spaces: what `state` says, however its lines were wrapped to 80 columns. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

const sample = fixture('sample');
const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('parley state', () => {
  it('prints the JSON state with the documented keys', async () => {
    const r = await runCli(['state', '--log', sample, '--at', '2024-08-20', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    for (const key of ['date', 'phase', 'positions', 'gaps', 'proposals', 'anomalies']) expect(s).toHaveProperty(key);
    expect(s).toMatchObject({ date: '2024-08-20', phase: 'negotiating', stage: 'betweenRounds' });
    // North accepted the bridging text (according to the broker), which settles the corridor at "reduced": one step from South.
    expect(s.gaps.corridor).toMatchObject({ status: 'open', distance: 1 });
    expect(s.positions.corridor.north).toMatchObject({ accepts: ['reduced'], basis: { impliedBy: 'bridge' }, contested: true });
    expect(s.proposals.bridge.responses).toMatchObject({ north: { response: 'accepted' }, south: { response: 'rejected' } });
  });

  it('prints a human summary: phase, round, proposals, the terms table, assessments', async () => {
    const r = await runCli(['state', '--log', sample, '--at', '2024-08-15']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Phase: negotiating (round in session)');
    expect(r.stdout).toContain('Round: r1 in Doha');
    expect(r.stdout).toMatch(/corridor\s+control\s+phased\|withdrawal\s+open, 2 steps apart/);
    expect(r.stdout).toContain('Anomalies: none');
  });

  it('filters by source and by what was public', async () => {
    const wire = JSON.parse((await runCli(['state', '--log', sample, '--source', 'wire', '--json'])).stdout);
    expect(Object.keys(wire.positions.corridor)).toEqual(['south']);
    const early = JSON.parse((await runCli(['state', '--log', sample, '--at', '2024-08-20', '--known-at', '2024-08-16', '--json'])).stdout);
    expect(early.proposals.bridge.responses).toEqual({});
  });

  it('runs on the bundled log by default', async () => {
    const r = await runCli(['state', '--json']);
    expect(r.code).toBe(0);
    // The bundled log ends on 13 Sep 2024, with talks still under way and no anomaly.
    expect(JSON.parse(r.stdout)).toMatchObject({ date: '2024-09-13', phase: 'negotiating', anomalies: [] });
  });

  it('--strict turns anomalies into a failure that names the event', async () => {
    const lenient = await runCli(['state', '--log', fixture('anomalous')]);
    expect(lenient.code).toBe(0);
    expect(flat(lenient.stdout)).toContain('fx-phase-two (phase.started): phase 2 cannot start while the deal is negotiating');
    const strict = await runCli(['state', '--log', fixture('anomalous'), '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('event fx-phase-two');
  });
});

describe('bad input', () => {
  it('lists every problem in a file on its own line, exits 1, shows no stack trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-bad-'));
    await cp(sample, dir, { recursive: true });
    const lines = (await readFile(join(dir, 'events.jsonl'), 'utf8')).trim().split('\n');
    lines[1] = lines[1]!.replace('"corridor"', '"airspace"');
    lines[3] = lines[3]!.replace('"2024-08-16"', '"2024-08-32"');
    lines.push('{"broken": ');
    await writeFile(join(dir, 'events.jsonl'), lines.join('\n'));
    const r = await runCli(['state', '--log', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`events.jsonl:2: event fx-north-corr: field "term": unknown term "airspace"`);
    expect(r.stderr).toMatch(/events\.jsonl:4: event fx-proposal: field "occurred": .*YYYY-MM-DD/);
    expect(r.stderr).toMatch(/events\.jsonl:9: not valid JSON/);
    expect(r.stderr).toContain('3 problem(s) in the input');
    noStackTrace(r.stderr);
  });

  it('reads a file that starts with a byte-order mark', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-bom-'));
    await cp(sample, dir, { recursive: true });
    await writeFile(join(dir, 'events.jsonl'), `\uFEFF${await readFile(join(sample, 'events.jsonl'), 'utf8')}`);
    const r = await runCli(['check', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('names a missing file', async () => {
    const r = await runCli(['check', 'no/such/file.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no/such/file.jsonl: no such file or folder [not-found]');
    noStackTrace(r.stderr);
  });

  it('names a bad catalog file and the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-cat-'));
    await cp(sample, dir, { recursive: true });
    await writeFile(join(dir, 'parties.json'), JSON.stringify([{ id: 'north', name: 'North', role: 'boss' }]));
    const r = await runCli(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/parties\.json:1: field "\[0\]\.role": .*principal/);
  });
});

describe('environment', () => {
  it('view says what to do when its port is taken, and exits 1', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const { port } = blocker.address() as { port: number };
    try {
      const r = await runCli(['view', '--port', String(port)]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`127.0.0.1:${port}: cannot listen (in use); choose another --port, or --port 0 for a free one [unavailable]\n`);
    } finally {
      blocker.close();
    }
  });
});

describe('pipes', () => {
  it('stops quietly when the reader closes early (parley timeline | true)', async () => {
    const { execFile } = await import('node:child_process');
    const { binary } = await import('./helpers/cli.js');
    const result = await new Promise<{ code: number; stderr: string }>((done) =>
      execFile('sh', ['-c', `"${process.execPath}" "${binary}" timeline | true`], (error, _out, stderr) => done({ code: error ? 1 : 0, stderr })),
    );
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('EPIPE');
  });
});

describe('usage', () => {
  it.each(['state', 'timeline', 'diff', 'sources', 'check'])('%s --help explains the command and exits 0', async (name) => {
    const r = await runCli([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`parley ${name}`);
  });

  it('exits 2 on usage errors, with the usage', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const badFlag = await runCli(['state', '--colour']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('parley state: unknown option "--colour"; expected one of --at, --known-at');
    const badDate = await runCli(['state', '--at', '23/08/2024']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--at expects a date YYYY-MM-DD, got "23/08/2024"');
    expect((await runCli(['diff', '--from', '2024-08-01'])).code).toBe(2);
    expect((await runCli(['state', '--source', 'nobody', '--log', sample])).code).toBe(2);
  });

  it('prints the same help for parley help COMMAND as for COMMAND --help, for every command', async () => {
    const overview = (await runCli(['--help'])).stdout;
    const names = [...overview.matchAll(/^  ([a-z-]+) +/gm)].map((m) => m[1]!);
    expect(names).toEqual(expect.arrayContaining(['state', 'report', 'help', 'completion']));
    for (const name of names) {
      const [viaHelp, viaFlag] = await Promise.all([runCli(['help', name]), runCli([name, '--help'])]);
      expect(viaHelp).toMatchObject({ code: 0, stdout: viaFlag.stdout });
      expect(viaHelp.stdout).toMatch(new RegExp(`^parley ${name}`));
    }
    expect((await runCli(['help'])).stdout).toBe(overview);
  });

  it('suggests the command meant by help, and the value meant for a listed option', async () => {
    const help = await runCli(['help', 'reprot']);
    expect(help.code).toBe(2);
    expect(help.stderr).toMatch(/^parley help: unknown command "reprot"; did you mean report\? \[usage\]$/m);
    const by = await runCli(['step', '--by', 'days']);
    expect(by.code).toBe(2);
    expect(by.stderr).toMatch(/^parley step: --by expects one of event, day, round, got "days"; did you mean day\? \[usage\]$/m);
  });

  it('lists the commands with --help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Commands:[\s\S]*state[\s\S]*timeline[\s\S]*diff[\s\S]*check/);
  });
});

describe('parley sources', () => {
  it('shows where outlets differ on the bundled log, with each outlet on its own', async () => {
    const r = await runCli(['sources', '--at', '2024-08-23']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/israel on philadelphi:\n {4}according to Al Mayadeen: accepts military-sites \[[^\]]+\]\n {4}according to Al Hadath: rejects monitored-withdrawal\|full-withdrawal \[[^\]]+\]\n {4}according to Anadolu \(AA\): accepts israeli-control \[/);
    expect(r.stdout).toMatch(/Anadolu \(AA\) \(anadolu-2024-08-23\): 28 events; phase negotiating \(roundInSession\)\n {4}assessments of the talks: John Kirby[^\n]*optimistic \(CAMEO 013\)/);
    const json = JSON.parse((await runCli(['sources', '--at', '2024-08-23', '--json'])).stdout);
    expect(json.divergences.map((d: { term: string; party: string }) => `${d.party}/${d.term}`)).toContain('israel/philadelphi');
  });
});

describe('timeline, diff, check', () => {
  it('timeline lists events in replay order with attribution', async () => {
    const r = await runCli(['timeline', '--log', sample, '--to', '2024-08-16']);
    expect(r.code).toBe(0);
    const ids = [...r.stdout.matchAll(/; (fx-[a-z-]+)/g)].map((m) => m[1]);
    expect(ids).toEqual(['fx-round-open', 'fx-north-corr', 'fx-south-corr', 'fx-proposal', 'fx-round-close']);
    expect(r.stdout).toContain('Spokesperson (broker); daily');
    expect(r.stdout).toContain('5 event(s)');
  });

  it('diff names each change and the events behind it', async () => {
    const r = await runCli(['diff', '--log', sample, '--from', '2024-08-16', '--to', '2024-08-20', '--json']);
    expect(r.code).toBe(0);
    const changes = JSON.parse(r.stdout);
    expect(changes.find((c: { path: string }) => c.path === 'proposals.bridge.responses.south')).toMatchObject({ before: null, after: { response: 'rejected' }, eventIds: ['fx-south-no'] });
  });

  it('check validates without replaying', async () => {
    const r = await runCli(['check', sample]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: 8 events in 1 file\(s\)/);
  });
});
