import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadScenario, parseScenarioText } from '../src/io/read-scenario.js';
import { loadScenarioWithBase } from '../src/io/load-scenario-run.js';
import { scenario } from '../src/scenario/builder.js';
import { runScenario } from '../src/scenario/run-scenario.js';
import { scenarioLogs } from '../src/scenario/scenario-logs.js';
import { formatProblem } from '../src/index.js';
import { fixture } from './helpers/cli.js';

const scenarioFile = (name: string) => `${fixture('scenarios')}/${name}`;

async function loaded(name: string) {
  const r = await loadScenarioWithBase(scenarioFile(name));
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.value;
}

describe('scenario files', () => {
  it('reads YAML with comments, resolving the base log against the file', async () => {
    const { scenario: s, base } = await loaded('north-concedes.yaml');
    expect(s.title).toBe('North accepts a reduced presence on the corridor');
    expect(s.base).toBe(fixture('sample'));
    expect(base.entries).toHaveLength(8);
  });

  it('names file, line and field for every shape problem', async () => {
    const r = await loadScenario(scenarioFile('bad-shape.yaml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/bad-shape\.yaml:3: unknown field\(s\) "colour"/));
    expect(lines).toContainEqual(expect.stringMatching(/bad-shape\.yaml:6: field "events\[0\]\.occurred": YYYY-MM-DD/));
    expect(lines).toContainEqual(expect.stringMatching(/bad-shape\.yaml:7: field "events\[0\]\.hypothetical": scenario events are hypothetical.*\[not-hypothetical\]$/));
    expect(lines).toContainEqual(expect.stringMatching(/bad-shape\.yaml:12: field "expect\[0\]": give exactly one check/));
  });

  it('names the line of unknown parties, options and terms, checked against the base catalog', async () => {
    const { scenario: s, base } = await loaded('broken.yaml');
    const r = scenarioLogs(s, base);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/broken\.yaml:7: event h-broken-on-purpose-1: field "events\[0\]\.party": unknown party "west"/));
    expect(lines).toContainEqual(expect.stringMatching(/broken\.yaml:14: event h-broken-on-purpose-2: field "events\[1\]\.adds\[0\]": "teleport" is not an option of term corridor/));
    expect(lines).toContainEqual(expect.stringMatching(/broken\.yaml:17: field "expect\[0\]\.gap\.term": unknown term "airspace"/));
  });

  it('gives events of a very short title valid ids', async () => {
    const { base } = await loaded('north-concedes.yaml');
    const s = parseScenarioText('x.yaml', 'title: X\ndescription: d\nevents:\n  - { type: concession.offered, occurred: 2024-08-17, party: north, term: corridor, adds: [reduced] }\n');
    if (!s.ok) throw new Error('unexpected problems');
    const logs = scenarioLogs(s.value, base);
    expect(logs.ok && logs.value.events.map((e) => e.id)).toEqual(['h-scenario-x-1']);
  });

  it('reports YAML syntax errors with a line', () => {
    const r = parseScenarioText('x.yaml', 'title: a\ndescription: [unclosed\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ file: 'x.yaml', line: expect.any(Number) });
  });
});

describe('running a scenario', () => {
  it('puts the baseline and the what-if side by side, and checks each expectation', async () => {
    const { scenario: s, base } = await loaded('north-concedes.yaml');
    const r = runScenario(s, base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const report = r.value;
    expect(report.comparisons.map((c) => c.date)).toEqual(['2024-08-17', '2024-08-20']);
    const first = report.comparisons[0]!;
    expect(first.baseline.gaps.corridor!.status).toBe('open');
    expect(first.whatIf.gaps.corridor).toMatchObject({ status: 'bridged', options: ['phased'], hypothetical: true });
    expect(first.changes.map((c) => c.path)).toEqual(['positions.corridor.north', 'gaps.corridor']);
    // After the branch the reported rejection is dropped from the what-if, kept in the baseline.
    expect(report.comparisons[1]!.changes.map((c) => c.path)).toContain('proposals.bridge.responses.south');
    expect(report.expectations.map((x) => x.passed)).toEqual([true, true, true, true, true, true]);
    expect(report.passed).toBe(true);
  });

  it('fails an expectation that does not hold, with the actual value', async () => {
    const { scenario: s, base } = await loaded('wrong-expectation.json');
    const r = runScenario(s, base);
    if (!r.ok) throw new Error('unexpected problems');
    expect(r.value.passed).toBe(false);
    expect(r.value.expectations[0]).toMatchObject({ passed: false, expected: 'agreed', actual: 'open', description: '2024-08-17 what-if: gap on corridor is agreed' });
  });

  it('a builder produces the same structure, and the same report, as the file', async () => {
    const { scenario: fromFile, base } = await loaded('north-concedes.yaml');
    const built = scenario('North accepts a reduced presence on the corridor')
      .describe(fromFile.description)
      .from(base)
      .branchAt('2024-08-17')
      .compareOn('2024-08-17', '2024-08-20')
      .concede('north', 'corridor', ['reduced', 'phased'])
      .expectGap('corridor', 'bridged');
    const { base: _base, ...yaml } = parseYaml(await readFile(scenarioFile('north-concedes.yaml'), 'utf8'));
    expect(built.toInput()).toEqual({ ...yaml, expect: [yaml.expect[0]] });
    const fileReport = runScenario({ ...fromFile, expect: fromFile.expect.slice(0, 1) }, base);
    if (!fileReport.ok) throw new Error('unexpected problems');
    const { origin: _a, ...fromBuilder } = built.run();
    const { origin: _b, ...fromYaml } = fileReport.value;
    expect(fromBuilder).toEqual(fromYaml);
  });

  it('the builder writes a lifecycle (phases, extensions, releases by kind) checked against the log\'s deal spec', async () => {
    const { base } = await loaded('north-concedes.yaml');
    const report = scenario('A deal, its first phase extended')
      .from(base)
      .agree({ corridor: 'phased' }, { on: '2025-01-15' })
      .startPhase(1, { on: '2025-01-19' })
      .release('living', 3, { on: '2025-01-19' })
      .extendPhase(1, 10, { on: '2025-02-20' })
      .expectPhase('phase1', { on: '2025-03-05' })
      .expectAnomalies(0, { on: '2025-03-05' })
      .run();
    expect(report.passed).toBe(true);
    const last = report.comparisons.at(-1)!;
    expect(last.whatIf.clock).toMatchObject({ plannedDays: 52, pastPlannedEnd: false });
    expect(last.whatIf.releases[0]).toMatchObject({ phase: 1, living: { count: 3 } });
    // Phase 4 does not exist in the three-phase spec: refused before the run, not an anomaly.
    expect(() => scenario('x').from(base).startPhase(4, { on: '2025-01-19' }).run()).toThrow(/the deal has phases 1 to 3; got 4/);
    expect(() => scenario('x').from(base).expectPhase('phase4', { on: '2025-01-19' }).run()).toThrow(/"phase4" is not a state of the what-if deal; expected one of negotiating, agreed, phase1, phase2, phase3, concluded, collapsed/);
  });

    it('the builder refuses to run without a base log, naming what is missing', () => {
    expect(() => scenario('x').branchAt('2024-08-17').concede('north', 'corridor', 'reduced').run()).toThrow(/call from\(log\) first/);
    expect(() => scenario('x').concede('north', 'corridor', 'reduced')).toThrow(/give a date/);
  });
});
