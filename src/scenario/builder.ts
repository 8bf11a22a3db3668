// A fluent, immutable builder for programmatic scenario authors. It produces
// exactly the structure a scenario file holds and validates it with the same
// schema, so files and code stay one feature. Bad steps throw a ProblemError
// (the one exception parley throws on bad input).
//
//   scenario('Israel accepts a phased withdrawal')
//     .from(log).branchAt('2024-08-23')
//     .concede('israel', 'philadelphi', 'phased-withdrawal')
//     .expectGap('philadelphi', 'bridged')
//     .run();
import type { Policy } from '../model/claims.js';
import type { EventLog } from '../domain/event-log.js';
import { ProblemError } from '../domain/problem.js';
import { issuesToProblems } from '../domain/schema-problems.js';
import type { Phase } from '../model/deal-machine.js';
import type { ReleaseKind } from '../event-types/release-made.js';
import type { GapStatus } from '../model/gaps.js';
import { type ScenarioReport, runScenario } from './run-scenario.js';
import { type ExpectationInput, type Scenario, type ScenarioInput, scenarioSchema } from './scenario-schema.js';

const BUILDER = 'scenario builder';
const misuse = (message: string): ProblemError => new ProblemError([{ file: BUILDER, code: 'usage', message }]);

interface When {
  /** Date of the event or check; default: the last date named (branchAt or an earlier step). */
  readonly on?: string;
}

type EventInput = NonNullable<ScenarioInput['events']>[number];

export class ScenarioBuilder {
  private constructor(
    private readonly input: ScenarioInput,
    private readonly log: EventLog | undefined,
    private readonly cursor: string | undefined,
  ) {}

  static create(title: string): ScenarioBuilder {
    return new ScenarioBuilder({ title, description: title, events: [], expect: [] }, undefined, undefined);
  }

  private with(patch: Partial<ScenarioInput>, cursor = this.cursor, log = this.log): ScenarioBuilder {
    return new ScenarioBuilder({ ...this.input, ...patch }, log, cursor);
  }

  private date(when: When | undefined, what: string): string {
    const d = when?.on ?? this.cursor;
    if (d === undefined) throw misuse(`${what}: give a date ({ on: 'YYYY-MM-DD' }) or call branchAt() first`);
    return d;
  }

  describe(description: string): ScenarioBuilder {
    return this.with({ description });
  }

  /** The reported log to branch from (for run()). */
  from(log: EventLog): ScenarioBuilder {
    return this.with({}, this.cursor, log);
  }

  /** A base log path, as in a file (resolved by the loader, not by run()). */
  base(path: string): ScenarioBuilder {
    return this.with({ base: path });
  }

  branchAt(date: string): ScenarioBuilder {
    return this.with({ branchAt: date }, date);
  }

  /** How positions are derived from claims (default first-hand). */
  policy(policy: Policy): ScenarioBuilder {
    return this.with({ policy });
  }

  /** Keeps reported events after the branch date: 'all', or these ids. */
  keep(ids: readonly string[] | 'all'): ScenarioBuilder {
    return this.with({ keep: ids === 'all' ? 'all' : [...ids] });
  }

  compareOn(...dates: string[]): ScenarioBuilder {
    return this.with({ dates });
  }

  /** Any hypothetical event, as a scenario file would list it. */
  event(event: EventInput): ScenarioBuilder {
    const occurred = (event as { occurred?: string }).occurred;
    return this.with({ events: [...(this.input.events ?? []), event] }, occurred ?? this.cursor);
  }

  private add(payload: Record<string, unknown>, when: When | undefined, what: string): ScenarioBuilder {
    const occurred = this.date(when, what);
    return this.with({ events: [...(this.input.events ?? []), { occurred, ...payload } as EventInput] }, occurred);
  }

  concede(party: string, term: string, options: string | readonly string[], when?: When): ScenarioBuilder {
    return this.add({ type: 'concession.offered', party, term, adds: typeof options === 'string' ? [options] : [...options] }, when, 'concede');
  }

  position(party: string, term: string, accepts: readonly string[], when?: When): ScenarioBuilder {
    return this.add({ type: 'position.stated', party, term, accepts: [...accepts] }, when, 'position');
  }

  table(proposal: string, by: string, title: string, terms: Readonly<Record<string, string>> = {}, when?: When): ScenarioBuilder {
    return this.add({ type: 'proposal.tabled', proposal, by, title, terms: { ...terms } }, when, 'table');
  }

  accept(proposal: string, party: string, when?: When & { as?: 'text' | 'basis' }): ScenarioBuilder {
    return this.add({ type: 'proposal.accepted', proposal, party, as: when?.as ?? 'text' }, when, 'accept');
  }

  reject(proposal: string, party: string, when?: When): ScenarioBuilder {
    return this.add({ type: 'proposal.rejected', proposal, party }, when, 'reject');
  }

  agree(terms: Readonly<Record<string, string>> = {}, when?: When): ScenarioBuilder {
    return this.add({ type: 'agreement.reached', terms: { ...terms } }, when, 'agree');
  }

  /** Phase N of the log's deal spec (checked against it when the scenario runs). */
  startPhase(phase: number, when?: When): ScenarioBuilder {
    return this.add({ type: 'phase.started', phase }, when, 'startPhase');
  }

  completePhase(phase: number, when?: When): ScenarioBuilder {
    return this.add({ type: 'phase.completed', phase }, when, 'completePhase');
  }

  extendPhase(phase: number, days: number, when?: When): ScenarioBuilder {
    return this.add({ type: 'phase.extended', phase, days }, when, 'extendPhase');
  }

  release(kind: ReleaseKind, count: number, when?: When): ScenarioBuilder {
    return this.add({ type: 'release.made', kind, count }, when, 'release');
  }

  resumeHostilities(when?: When): ScenarioBuilder {
    return this.add({ type: 'hostilities.resumed' }, when, 'resumeHostilities');
  }

  private expect(check: Omit<ExpectationInput, 'at'>, when: When | undefined, what: string): ScenarioBuilder {
    const at = this.date(when, what);
    return this.with({ expect: [...(this.input.expect ?? []), { at, ...check } as ExpectationInput] });
  }

  expectGap(term: string, status: GapStatus, when?: When): ScenarioBuilder {
    return this.expect({ gap: { term, status } }, when, 'expectGap');
  }

  expectPhase(phase: Phase, when?: When): ScenarioBuilder {
    return this.expect({ phase }, when, 'expectPhase');
  }

  expectPosition(party: string, term: string, includes: readonly string[], when?: When): ScenarioBuilder {
    return this.expect({ position: { party, term, includes: [...includes] } }, when, 'expectPosition');
  }

  expectAnomalies(count: number, when?: When): ScenarioBuilder {
    return this.expect({ anomalies: count }, when, 'expectAnomalies');
  }

  /** The file structure this builder describes (what `toScenario` validates). */
  toInput(): ScenarioInput {
    return structuredClone(this.input);
  }

  /** The validated scenario; a ProblemError (the schema's problems) when the steps do not make one. */
  toScenario(): Scenario {
    const parsed = scenarioSchema.safeParse(this.input);
    if (!parsed.success) throw new ProblemError(issuesToProblems(parsed.error, this.input, { file: BUILDER }));
    return { ...parsed.data, origin: `scenario builder "${this.input.title}"` };
  }

  /** Runs the scenario on `log` (default: the one given to from()); a ProblemError when it is not valid. */
  run(log = this.log): ScenarioReport {
    if (!log) throw misuse('run() needs a base log: call from(log) first');
    const report = runScenario(this.toScenario(), log);
    if (!report.ok) throw new ProblemError(report.problems);
    return report.value;
  }
}

export function scenario(title: string): ScenarioBuilder {
  return ScenarioBuilder.create(title);
}
