import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, repoRoot, runCli } from './helpers/cli.js';

const scenarios = (name: string) => join(fixture('scenarios'), name);
/** Output with its line breaks and indents as single spaces: what it says, whichever layout fitted 80 columns. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** A baseline and a what-if value of one path, side by side or stacked under their labels. */
const compared = (path: string, before: string, after: string) => new RegExp(`${path} (baseline )?${before} (what-if )?${after}`);

describe('parley scenario run', () => {
  it('runs every shipped scenario with all expectations passing', async () => {
    const r = await runCli(['scenario', 'run', 'scenarios/israel-phased-philadelphi.yaml', 'scenarios/israel-drops-prisoner-vetoes.yaml', 'scenarios/hamas-accepts-bridging-basis.yaml', 'scenarios/sign-and-phase1-stalls.yaml', 'scenarios/collapse-in-phase1.yaml'], { cwd: repoRoot });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('FAIL');
    expect(r.stdout.match(/^ {2}\d+ passed, 0 failed$/gm)).toHaveLength(5);
    // An 80-column terminal or a handout: comparisons too wide to sit side by side are stacked.
    expect(r.stdout.split('\n').filter((l) => l.length > 80)).toEqual([]);
    expect(r.stdout).toMatch(/^ {4}gaps\.philadelphi\n {6}baseline {2}undetermined: /m);
  });

  it('shows baseline and what-if side by side with hypothetical values marked', async () => {
    const r = await runCli(['scenario', 'run', scenarios('north-concedes.yaml')]);
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toMatch(compared('gaps\\.corridor', 'open, 2 steps apart', 'bridged: both accept phased \\[hypothetical\\]'));
    expect(flat(r.stdout)).toContain('2024-08-17 concession.offered: north widens its position on corridor to include reduced, phased [hypothetical]');
  });

  it('exits 1 when an expectation fails, naming expected and actual', async () => {
    const r = await runCli(['scenario', 'run', scenarios('wrong-expectation.json')]);
    expect(r.code).toBe(1);
    expect(flat(r.stdout)).toContain('FAIL 2024-08-17 what-if: gap on corridor is agreed (expected "agreed", got "open")');
    expect(r.stderr).toContain('1 of 1 scenario(s) have failing expectations');
  });

  it('gives a bad scenario file the same quality of error as a bad log', async () => {
    const r = await runCli(['scenario', 'run', scenarios('broken.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:7: event h-broken-on-purpose-1: field "events\[0\]\.party": unknown party "west"/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('reports a bad scenario file exactly as parley check does: every problem in one pass, with lines', async () => {
    for (const file of ['bad-shape.yaml', 'broken.yaml']) {
      const [run, check] = await Promise.all([runCli(['scenario', 'run', scenarios(file)]), runCli(['check', scenarios(file)])]);
      expect(run.code).toBe(1);
      const problemLines = (stderr: string) => stderr.split('\n').filter((l) => l.includes(file));
      expect(problemLines(run.stderr).length).toBeGreaterThan(2);
      expect(problemLines(run.stderr)).toEqual(problemLines(check.stderr));
    }
  });

  it('prints JSON for machines', async () => {
    const r = await runCli(['scenario', 'run', scenarios('north-concedes.yaml'), '--json']);
    const [report] = JSON.parse(r.stdout);
    expect(report).toMatchObject({ title: 'North accepts a reduced presence on the corridor', passed: true });
    expect(report.comparisons[0].whatIf.gaps.corridor).toMatchObject({ status: 'bridged', hypothetical: true });
  });
});

describe('parley what-if', () => {
  it('answers a one-line question side by side', async () => {
    const r = await runCli(['what-if', '--log', fixture('sample'), '--at', '2024-08-16', '--concede', 'north:corridor=reduced,phased']);
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toMatch(compared('positions\\.corridor\\.north', 'accepts control; rejects reduced\\|phased\\|withdrawal', 'accepts control\\|reduced\\|phased; rejects withdrawal \\[hypothetical\\]'));
    expect(flat(r.stdout)).toMatch(compared('gaps\\.corridor', 'open, 2 steps apart', 'bridged: both accept phased \\[hypothetical\\]'));
  });

  it('drops later reports unless kept, and says which kept report overrides the what-if', async () => {
    const args = ['what-if', '--at', '2024-08-25', '--concede', 'hamas:withdrawal=populated-areas', '--until', '2024-09-13'];
    const dropped = await runCli(args);
    expect(dropped.stdout).toContain('Branch: reported events after 2024-08-25 dropped');
    expect(dropped.stdout).not.toContain('overridden');
    // First-hand: the 13 Sep report is the outlet's narration, which ranks below the what-if (Hamas's own words).
    expect((await runCli([...args, '--keep', 'all'])).stdout).not.toContain('overridden');
    const latest = await runCli([...args, '--keep', 'all', '--policy', 'latest']);
    expect(flat(latest.stdout)).toMatch(/! positions\.withdrawal\.hamas: the what-if \(h-what-if-on-2024-08-25-1\) is overridden on 2024-09-13 by nq4fo0uMqq_T, the unnamed outlet, in its own narration according to turkish-sources-2024-09-13/);
    const json = JSON.parse((await runCli([...args, '--keep', 'all', '--policy', 'latest', '--json'])).stdout);
    expect(json.comparisons.at(-1).whatIf.overrides).toEqual([
      expect.objectContaining({ path: 'positions.withdrawal.hamas', hypotheticalEventIds: ['h-what-if-on-2024-08-25-1'], by: expect.objectContaining({ eventIds: ['nq4fo0uMqq_T'], date: '2024-09-13', source: 'turkish-sources-2024-09-13' }) }),
    ]);
  });

  it('rejects a malformed --concede as a usage error and an unknown party as bad input', async () => {
    expect((await runCli(['what-if', '--at', '2024-08-16', '--concede', 'north-corridor'])).code).toBe(2);
    const r = await runCli(['what-if', '--log', fixture('sample'), '--at', '2024-08-16', '--concede', 'west:corridor=reduced']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--concede west:corridor=reduced: field "party": unknown party "west"; expected one of north, south, broker');
  });
});

describe('parley explore', () => {
  it('lists the cheapest minimal sets that bridge every term', async () => {
    // 18 Aug: before North's acceptance of the bridging text moves it to "reduced".
    const r = await runCli(['explore', '--log', fixture('sample'), '--at', '2024-08-18']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('open: corridor');
    expect(r.stdout).toContain('3 minimal set(s); the cheapest takes 2 step(s)');
    expect(r.stdout).toMatch(/north on corridor: control -> control\|reduced \(1 step\)/);
  });

  it('explains when the step budget is too small, and prints JSON', async () => {
    const small = await runCli(['explore', '--log', fixture('sample'), '--at', '2024-08-18', '--max-steps', '1']);
    expect(small.stdout).toContain('No set of at most 1 steps bridges every term (at least 2 needed)');
    const json = JSON.parse((await runCli(['explore', '--log', fixture('sample'), '--at', '2024-08-18', '--json'])).stdout);
    expect(json).toMatchObject({ solutionCount: 3, cheapest: 2, openTerms: ['corridor'] });
    expect((await runCli(['explore', '--max-steps', 'lots'])).code).toBe(2);
  });

  it('stops at the work budget and says why; what it listed is the start of the full listing', async () => {
    const args = ['explore', '--log', fixture('sample'), '--at', '2024-08-18'];
    const none = await runCli([...args, '--budget', '1']);
    expect(none.code).toBe(0);
    const needed = Number(/takes (\d+) units of work, more than the budget of 1; raise --budget or lower --max-steps/.exec(none.stdout)?.[1]);
    expect(needed).toBeGreaterThan(1);
    expect(none.stdout).not.toContain('minimal set(s)');
    // Enough to count every set, not to list the three: the ones listed are the first of the full listing.
    const some = await runCli([...args, '--budget', String(needed + 2)]);
    expect(some.stdout).toContain('3 minimal set(s); the cheapest takes 2 step(s). By steps: 2: 3.');
    const listed = /Listed (\d+) of the 3 best before the work budget of (\d+) units ran out; raise --budget to list more\./.exec(some.stdout);
    expect(listed?.[2]).toBe(String(needed + 2));
    const full = await runCli(args);
    const sets = (out: string) => out.split('\n').filter((l) => /^ {2}[ \d]\d\. | {8}/.test(l));
    expect(sets(full.stdout).slice(0, sets(some.stdout).length)).toEqual(sets(some.stdout));
    expect(Number(listed?.[1])).toBeLessThan(3);
    expect((await runCli([...args, '--budget', '0'])).code).toBe(2);
  });

  it('says so when no term is open', async () => {
    const r = await runCli(['explore', '--log', fixture('sample'), '--at', '2024-08-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No term is open between the principals: there is nothing for concessions to bridge.');
    expect(r.stdout).not.toContain('minimal set');
  });

  it('finishes on the bundled log', async () => {
    const r = await runCli(['explore', '--at', '2024-08-23', '--json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.solutionCount).toBeGreaterThan(0);
    expect(result.openTerms).toContain('philadelphi');
  });
});

describe('parley schema', () => {
  it('prints JSON Schemas that describe scenario files and events', async () => {
    const scenario = JSON.parse((await runCli(['schema', 'scenario'])).stdout);
    expect(scenario.properties).toHaveProperty('events');
    expect(scenario.required).toEqual(expect.arrayContaining(['title', 'description']));
    const event = JSON.parse((await runCli(['schema', 'event'])).stdout);
    expect(JSON.stringify(event)).toContain('position.stated');
    expect((await runCli(['schema', 'nonsense'])).code).toBe(2);
  });

  it('runs a minimal hand-written JSON scenario', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-schema-'));
    await writeFile(join(dir, 's.json'), JSON.stringify({ title: 't', description: 'd', base: fixture('sample'), events: [], expect: [{ at: '2024-08-16', phase: 'negotiating' }] }));
    expect((await runCli(['scenario', 'run', join(dir, 's.json')])).code).toBe(0);
  });
});
