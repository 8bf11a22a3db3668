// Releases under the deal as a query shows them: per phase, by kind, beside the
// figures the deal spec sets for that phase.
import type { DealSpec, PhaseSpec } from '../domain/deal-spec.js';
import { type PhaseReleases, type Tally, present } from './replay-state.js';

export interface PhaseReleaseTally {
  readonly phase: number;
  readonly living: Tally | null;
  readonly remains: Tally | null;
  readonly prisoners: Tally | null;
  /** The phase's figures from the deal spec (hostages counts living and remains together). */
  readonly expected: PhaseSpec['figures'];
}

/** The tallies of every phase with a release, in phase order. Pure. */
export function presentReleases(spec: DealSpec, releases: Readonly<Record<string, PhaseReleases>>): PhaseReleaseTally[] {
  return Object.keys(releases)
    .map(Number)
    .sort((a, b) => a - b)
    .map((phase) => {
      const r = releases[String(phase)]!;
      return {
        phase,
        living: r.living && present(r.living),
        remains: r.remains && present(r.remains),
        prisoners: r.prisoners && present(r.prisoners),
        expected: spec.phases[phase - 1]?.figures ?? {},
      };
    });
}

/** "10 of 33 hostages released; 10 living; 90 prisoners": a phase's tally against its figures. Pure. */
export function describeReleases(t: PhaseReleaseTally): string {
  const living = t.living?.count ?? 0;
  const remains = t.remains?.count ?? 0;
  const prisoners = t.prisoners?.count ?? 0;
  const of = (n: number | undefined) => (n === undefined ? '' : ` of ${n}`);
  const parts = [`${living + remains}${of(t.expected.hostages)} hostages released`, `${living}${of(t.expected.living)} living`];
  if (remains > 0 || t.expected.remains !== undefined) parts.push(`${remains}${of(t.expected.remains)} remains`);
  if (prisoners > 0 || t.expected.prisoners !== undefined) parts.push(`${prisoners}${of(t.expected.prisoners)} prisoners released`);
  return `phase ${t.phase}: ${parts.join('; ')}`;
}
