import { z } from 'zod';
import { phaseNumber, termText } from '../domain/catalog-references.js';
import type { Catalog } from '../domain/catalog-schema.js';
import { type DealSpec, phasesCoveredByTheAgreement } from '../domain/deal-spec.js';
import { commonFields } from '../domain/event-fields.js';
import { nullPrototype } from '../domain/prototype-keys.js';
import { checkTermMap } from '../domain/reference-checks.js';
import { corroboratesLifecycle, describeLifecycle, extend, mark, move } from '../model/fold.js';
import { openTermsUnder } from '../model/gaps.js';
import { closeOpenRound, currentPhaseNumber } from '../model/lifecycle-effects.js';
import { phaseOf } from '../model/lifecycle.js';
import type { ReplayState } from '../model/replay-state.js';
import { defineEventType } from './define.js';

export const agreementReachedSchema = z.strictObject({
  ...commonFields,
  type: z.literal('agreement.reached'),
  /** The signed text on each term it settles. */
  terms: termText(),
  /**
   * The phases it covers. Default: the deal's first agreement covers the phases
   * that need only it; a later one covers the phase after the current one.
   */
  phases: z.array(phaseNumber).min(1).optional(),
});

type AgreementEvent = z.output<typeof agreementReachedSchema>;

/**
 * Which open terms block an agreement and which it defers, per the deal spec:
 * an open term the text does not settle blocks it when the spec says it must
 * be settled; otherwise the agreement leaves it to the talks the spec names. Pure.
 */
function agreementTerms(s: ReplayState, catalog: Catalog, settled: Readonly<Record<string, string>>): { blocking: string[]; defers: Record<string, number | null> } {
  const spec = catalog.deal;
  const deferrable = new Map(spec.agreement.mayDefer.map((d) => [d.term, d.to]));
  const must = spec.agreement.mustSettle;
  const blocking: string[] = [];
  const defers: Record<string, number | null> = Object.create(null) as Record<string, number | null>;
  for (const term of openTermsUnder(s, catalog, settled)) {
    const isMust = must === 'all-but-deferrable' ? !deferrable.has(term) : must.includes(term);
    if (isMust) blocking.push(term);
    else defers[term] = deferrable.get(term) ?? null;
  }
  return { blocking, defers };
}

/**
 * The phases an agreement covers: those it names; else, for the deal's first
 * agreement, the phases that need only it; else the phase after the current
 * one (an agreement reached during phase 1 is on phase 2). Pure.
 */
function coveredPhases(s: ReplayState, spec: DealSpec, e: AgreementEvent, first: boolean): number[] {
  if (e.phases !== undefined) return e.phases;
  if (first) return phasesCoveredByTheAgreement(spec);
  const next = (currentPhaseNumber(s) ?? 0) + 1;
  return next <= spec.phases.length ? [next] : [];
}

export const agreementReached = defineEventType<AgreementEvent>({
  type: 'agreement.reached',
  schema: agreementReachedSchema,
  description: 'the parties reach an agreement: its text settles the terms it names, may leave others to later-phase talks, and covers phases (statechart)',
  machineEvent: () => ({ type: 'AGREEMENT_REACHED', blocked: false }),
  check(e, catalog, problems) {
    checkTermMap(problems, catalog, 'terms', e.terms);
    const n = catalog.deal.phases.length;
    e.phases?.forEach((p, i) => {
      if (p > n) problems.push({ code: 'bad-field', field: `phases[${i}]`, message: `the deal has phases 1 to ${n}; got ${p}` });
    });
  },
  apply(s, e, ctx) {
    if (corroboratesLifecycle(s, e)) {
      if (s.agreement) s.agreement = { ...s.agreement, ...extend(s.agreement, e) };
      return;
    }
    const phase = phaseOf(s.lifecycle);
    const first = phase === 'negotiating' || phase === 'collapsed';
    // Term ids are user data: the merged text, like each event's, is a table without a prototype.
    const settled = first || s.agreement === null ? e.terms : nullPrototype({ ...s.agreement.terms, ...e.terms });
    const { blocking, defers } = agreementTerms(s, ctx.catalog, settled);
    const placed = move(s, e, { type: 'AGREEMENT_REACHED', blocked: blocking.length > 0 }, ctx, () =>
      blocking.length > 0
        ? `agreement reported while terms it must settle are open and its text does not settle them: ${blocking.join(', ')}`
        : `an agreement cannot be reached while the deal is ${describeLifecycle(s.lifecycle)}`,
    );
    if (!placed) return;
    const covers: Record<string, string> = first || s.agreement === null ? {} : { ...s.agreement.covers };
    for (const p of coveredPhases(s, ctx.catalog.deal, e, first)) covers[String(p)] ??= e.occurred;
    closeOpenRound(s, e, 'agreement');
    s.agreement =
      first || s.agreement === null
        ? { date: e.occurred, terms: e.terms, defers, covers, ...mark(e) }
        : { ...s.agreement, terms: settled, defers, covers, ...extend(s.agreement, e) };
  },
  summarise: () => 'the parties reach an agreement',
});
