// The deal spec at the edge: `parley schema deal`, a deal.json beside a catalog
// (validated, one line per problem), a scenario that names its own spec, and
// the clock as `parley state` prints it.
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers/cli.js';

/** Text with its line breaks and indents as single spaces: what `state` says, however its lines were wrapped to 80 columns. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the deal spec on the command line', () => {
  it('parley schema deal prints the JSON Schema of deal.json', async () => {
    const r = await runCli(['schema', 'deal']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties).toHaveProperty('phases');
    expect(schema.properties).toHaveProperty('roundStaleAfterDays');
    expect(JSON.stringify(schema)).toContain('continues-while-talks-continue');
  });

  it('refuses a bad deal.json with one line per problem, naming the file and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-deal-'));
    await cp(fixture('sample'), dir, { recursive: true });
    await writeFile(
      join(dir, 'deal.json'),
      JSON.stringify({
        id: 'bad',
        label: 'bad',
        phases: [{ label: 'One', days: 10, nextPhaseTalksDueDay: 12, requires: 'phase-agreement' }, { label: 'Two', days: null, requires: 'agreement' }],
        agreement: { mayDefer: [{ term: 'airspace', to: 2 }] },
      }),
    );
    const r = await runCli(['state', '--log', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('deal.json: field "phases[0].requires": the first phase starts upon the agreement');
    expect(r.stderr).toContain(`deal.json: field "phases[0].nextPhaseTalksDueDay": expected a day within the phase's 10 days`);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses a deal.json that names a term the catalog does not have', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-deal-'));
    await cp(fixture('sample'), dir, { recursive: true });
    await writeFile(join(dir, 'deal.json'), JSON.stringify({ id: 'bad', label: 'bad', phases: [{ label: 'One', days: null, requires: 'agreement' }], agreement: { mustSettle: ['airspace'] } }));
    const r = await runCli(['state', '--log', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('field "agreement.mustSettle[0]": unknown term "airspace"; expected one of corridor, crossing, ceasefire');
  });

  it('prints the clock in plain sentences and the releases against the phase figures', async () => {
    const r = await runCli(['state', '--log', fixture('phased-deal'), '--at', '2025-03-02', '--strict']);
    expect(r.code).toBe(0);
    expect(flat(r.stdout)).toContain(
      "Clock: phase 1, day 43; phase 1's planned 42 days ended on 2025-03-01 with no phase-2 agreement: the deal says the ceasefire continues while talks continue (phase-2 talks under way since 2025-02-10)",
    );
    expect(flat(r.stdout)).toContain('phase 1: 11 of 33 hostages released; 7 living; 4 remains; 90 prisoners released');
    expect(flat(r.stdout)).toContain('Agreement: reached 2025-01-15; settles corridor, crossing; defers ceasefire (to phase-2 talks)');
  });

  it('says when a round is only last reported in session, and when an agreement or collapse closed it', async () => {
    const stale = await runCli(['state', '--log', fixture('phased-deal'), '--at', '2025-03-16']);
    expect(flat(stale.stdout)).toContain('doha-phase2 in Doha (next-phase), opened 2025-02-10, last reported in session on 2025-02-27');
    const collapsed = await runCli(['state', '--log', fixture('phased-deal'), '--at', '2025-03-18']);
    expect(flat(collapsed.stdout)).toContain('Phase: collapsed since 2025-03-18');
    expect(flat(collapsed.stdout)).toContain('closed 2025-03-18 by the collapse (no source reported it closing)');
  });

  it('runs a scenario under its own deal spec: what if phase 1 were 60 days?', async () => {
    const r = await runCli(['scenario', 'run', fixture('scenarios/sixty-day-phase1.yaml'), '--json']);
    expect(r.code).toBe(0);
    const [report] = JSON.parse(r.stdout);
    expect(report.expectations.every((e: { passed: boolean }) => e.passed)).toBe(true);
    const on = (date: string) => report.comparisons.find((c: { date: string }) => c.date === date);
    // The baseline keeps the reported spec; the what-if runs under the scenario's.
    expect(on('2025-03-05').whatIf.clock).toMatchObject({ day: 46, plannedDays: 60, pastPlannedEnd: false });
  });

  it('names a scenario deal file that cannot be read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-deal-'));
    await writeFile(join(dir, 's.yaml'), 'title: t\ndescription: d\ndeal: ./missing.json\n');
    const r = await runCli(['scenario', 'run', join(dir, 's.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.json: no such file \[not-found\]/);
  });
});
