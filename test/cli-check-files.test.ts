// parley check on every kind of file: logs, catalogs and scenarios, every
// problem of a file in one pass, each with its line, and "did you mean".
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/cli.js';

async function copyOfEvents(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'parley-check-'));
  await cp(join(repoRoot, 'events'), join(dir, 'events'), { recursive: true });
  return join(dir, 'events');
}

const problemLines = (stderr: string) => stderr.split('\n').filter((l) => l !== '' && !l.startsWith('parley check:'));

describe('parley check on scenario files', () => {
  it('passes the shipped scenarios and says what it checked', async () => {
    const r = await runCli(['check', 'scenarios/israel-phased-philadelphi.yaml', 'scenarios/collapse-in-phase1.yaml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ok: scenario scenarios/israel-phased-philadelphi.yaml (2 event(s), 8 expectation(s))');
  });

  it('reports every problem of a scenario in one pass: a near-miss id with a suggestion, a missing field at its object, a bad date, an unknown term', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-scenario-'));
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      [
        'title: A broken what-if', // 1
        'description: checks the checker', // 2
        'events:', // 3
        '  - type: concession.offered', // 4
        '    occurred: 2024-08-22', // 5
        '    party: Israel', // 6
        '    term: philadelfi', // 7
        '    adds: [phased-withdrawal]', // 8
        '  - type: concession.offered', // 9
        '    occurred: 2024-08-32', // 10
        '    party: hamas', // 11
        '    term: philadelphi', // 12
        'expect:', // 13
        '  - { at: 2024-08-23, phase: negotiating }', // 14
      ].join('\n'),
    );
    const r = await runCli(['check', file]);
    expect(r.code).toBe(1);
    const lines = problemLines(r.stderr);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad\.yaml:6: field "events\[0\]\.party": .*did you mean "?israel"?\?/),
        expect.stringMatching(/bad\.yaml:7: field "events\[0\]\.term": .*did you mean "?philadelphi"?\?/),
        expect.stringMatching(/bad\.yaml:10: field "events\[1\]\.occurred": /),
        // The missing field is reported at the line of the event that lacks it.
        expect.stringMatching(/bad\.yaml:9: field "events\[1\]\.adds": /),
      ]),
    );
    for (const line of lines) expect(line).toMatch(/^\S*bad\.yaml:\d+: /);
  });
});

describe('parley check on catalogs', () => {
  it('checks a catalog folder with no logs, and a catalog file as its folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-catalog-'));
    for (const f of ['terms.json', 'parties.json', 'sources.json']) await cp(join(repoRoot, 'events', f), join(dir, f));
    const r = await runCli(['check', dir]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ok: catalog .* \(10 terms, \d+ parties, 5 sources\)$/m);
    expect((await runCli(['check', join(dir, 'terms.json')])).code).toBe(0);
  });

  it('gives the line of a missing field in a catalog file: the line of the object that lacks it', async () => {
    const events = await copyOfEvents();
    const terms = JSON.parse(await readFile(join(events, 'terms.json'), 'utf8'));
    delete terms[1].label;
    await writeFile(join(events, 'terms.json'), JSON.stringify(terms, null, 2));
    const text = await readFile(join(events, 'terms.json'), 'utf8');
    // Top-level objects open on a line of their own at indent 2: the second one is term [1].
    const objectLine = text.split('\n').flatMap((l, i) => (l === '  {' ? [i + 1] : []))[1];
    const r = await runCli(['check', events]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`terms.json:${objectLine}: field "[1].label"`);
  });
});

describe('parley check --json', () => {
  it('says what was valid as JSON on stdout', async () => {
    const r = await runCli(['check', '--json', 'test/fixtures/sample', 'test/fixtures/scenarios/north-concedes.yaml']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true,
      log: { events: 8, files: 1, catalog: 'test/fixtures/sample' },
      catalogs: [],
      scenarios: [{ file: 'test/fixtures/scenarios/north-concedes.yaml', events: 1, expectations: 6 }],
      problems: 0,
    });
  });

  it('keeps the problems one line each on stderr, and the exit status', async () => {
    const events = await copyOfEvents();
    const file = join(events, 'anadolu-2024-08-23.jsonl');
    await writeFile(file, `${await readFile(file, 'utf8')}{"broken": \n`);
    const [plain, json] = await Promise.all([runCli(['check', events]), runCli(['check', '--json', events])]);
    expect(json.code).toBe(1);
    expect(json.stderr).toBe(plain.stderr);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, log: null, problems: problemLines(plain.stderr).length });
  });
});

describe('parley check on logs', () => {
  it('names the unknown ids of an event whose shape is also broken, with suggestions, in one pass', async () => {
    const events = await copyOfEvents();
    const file = join(events, 'anadolu-2024-08-23.jsonl');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const at = lines.findIndex((l) => l.includes('"type":"position.stated"'));
    const event = JSON.parse(lines[at]!);
    delete event.summary;
    event.party = 'Hamas';
    event.attribution.party = 'egyt';
    lines[at] = JSON.stringify(event);
    await writeFile(file, lines.join('\n'));
    const r = await runCli(['check', events]);
    expect(r.code).toBe(1);
    const where = `anadolu-2024-08-23.jsonl:${at + 1}: event ${event.id}`;
    expect(r.stderr).toContain(`${where}: field "summary": `);
    expect(r.stderr).toMatch(new RegExp(`${where}: field "party": .*did you mean "hamas"\\?`));
    expect(r.stderr).toMatch(new RegExp(`${where}: field "attribution\\.party": unknown party "egyt"; .*did you mean "egypt"\\?`));
  });
});
