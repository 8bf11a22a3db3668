// Invariants of the replay, checked on generated logs (see src/testing).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type EventLog,
  createLog,
  fork,
  parseLog,
  referenceStateAt,
  stateAt,
  toEntry,
  type ParleyEvent,
  phasesOf,
  requireDayNumber,
  indexFor,
} from '../src/index.js';
import { applyEntry } from '../src/model/apply-event.js';
import { memoisedTransition, phaseOf } from '../src/model/lifecycle.js';
import { initialReplayState } from '../src/model/replay-state.js';
import { eventArbitrary, eventsArbitrary, isoDateArbitrary, logArbitrary, sampleCatalog } from '../src/testing/index.js';

const catalog = sampleCatalog;
const log = (events: readonly ParleyEvent[]) => createLog(catalog, events.map((e, i) => toEntry(e, i)));
const date = isoDateArbitrary();
// Long enough to cross several checkpoints (the interval is at least 64 events).
const longLog = logArbitrary(catalog, { minLength: 0, maxLength: 300, hypotheticalWeight: 0.2 });

/** The first object reachable from `value` (getters read) that is not frozen, as a path; null when all are. */
function unfrozenPath(value: unknown, path = 'state', seen = new Set<object>()): string | null {
  if (value === null || typeof value !== 'object' || seen.has(value)) return null;
  seen.add(value);
  if (!Object.isFrozen(value)) return path;
  for (const [k, v] of Object.entries(value)) {
    const found = unfrozenPath(v, `${path}.${k}`, seen);
    if (found !== null) return found;
  }
  return null;
}

describe('replay properties', () => {
  it('returns states frozen all the way down, from checkpoints and from a full replay, with or without hypothetical events', () => {
    fc.assert(
      fc.property(longLog, date, (l, d) => {
        expect(unfrozenPath(stateAt(l, d))).toBeNull();
        expect(unfrozenPath(referenceStateAt(l, d))).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same events give the same state, whatever object they come in', () => {
    fc.assert(
      fc.property(eventsArbitrary(catalog), date, (events, d) => {
        expect(stateAt(log(events), d)).toEqual(stateAt(log(structuredClone(events)), d));
      }),
    );
  });

  it('stateAt(d) equals replaying only the events up to d', () => {
    fc.assert(
      fc.property(longLog, date, (full, d) => {
        const prefix = createLog(catalog, full.entries.filter((e) => e.day <= requireDayNumber(d)));
        expect(stateAt(full, d)).toEqual(stateAt(prefix, d));
      }),
      { numRuns: 60 },
    );
  });

  it('checkpointed replay agrees with the reference replay (immer + pure transition) on random dates', () => {
    fc.assert(
      fc.property(longLog, fc.array(date, { minLength: 1, maxLength: 4 }), fc.option(fc.constantFrom('daily', 'wire'), { nil: undefined }), (l, dates, source) => {
        const filter = source === undefined ? {} : { sources: [source] };
        for (const d of dates) expect(stateAt(l, d, filter)).toEqual(referenceStateAt(l, d, filter));
      }),
      { numRuns: 40 },
    );
  });

  it('the order of lines in a file matters only where the documented order leaves a tie', () => {
    fc.assert(
      fc.property(
        eventsArbitrary(catalog, { maxLength: 40, story: false }).map((events) => {
          // Give every event its own (occurred, reported) key so no tie is left to file position.
          return events.map(({ sortDate: _, ...e }, i) => ({ ...e, occurred: `2024-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')}`, precision: 'day', reported: e.hypothetical ? undefined : '2024-12-31' }) as ParleyEvent);
        }),
        fc.integer(),
        (events, seed) => {
          const shuffled = fc.sample(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), { numRuns: 1, seed })[0]!;
          const text = (es: readonly ParleyEvent[]) => es.map((e) => JSON.stringify(e)).join('\n');
          const a = parseLog(catalog, [{ name: 'a.jsonl', text: text(events) }]);
          const b = parseLog(catalog, [{ name: 'a.jsonl', text: text(shuffled) }]);
          expect(a.ok && b.ok).toBe(true);
          if (a.ok && b.ok) expect(stateAt(b.value, '2024-12-31')).toEqual(stateAt(a.value, '2024-12-31'));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('merging several files does not depend on the order the files are given in', () => {
    fc.assert(
      fc.property(eventsArbitrary(catalog, { maxLength: 30, story: false }), fc.nat(30), (events, cut) => {
        const text = (es: readonly ParleyEvent[]) => es.map((e) => JSON.stringify(e)).join('\n');
        const x = { name: 'x.jsonl', text: text(events.slice(0, cut)) };
        const y = { name: 'y.jsonl', text: text(events.slice(cut)) };
        const ab = parseLog(catalog, [x, y]);
        const ba = parseLog(catalog, [y, x]);
        expect(ab.ok && ba.ok).toBe(true);
        if (ab.ok && ba.ok) expect(ba.value.entries.map((e) => e.event.id)).toEqual(ab.value.entries.map((e) => e.event.id));
      }),
    );
  });

  it('never violates the phase order: no phase 2 without phase 1, no phase 3 without phase 2', () => {
    const allowedFrom: Record<string, readonly string[]> = {
      negotiating: ['negotiating', 'collapsed'],
      agreed: ['negotiating', 'collapsed', 'agreed'],
      phase1: ['agreed', 'phase1'],
      phase2: ['phase1', 'phase2'],
      phase3: ['phase2', 'phase3'],
      concluded: ['phase3', 'concluded'],
      collapsed: ['agreed', 'phase1', 'phase2', 'phase3', 'collapsed'],
    };
    fc.assert(
      fc.property(logArbitrary(catalog, { maxLength: 200, idPool: 2 }), (l: EventLog) => {
        const s = initialReplayState();
        const ctx = { catalog, step: memoisedTransition(catalog.deal), policy: 'first-hand' as const };
        for (const entry of l.entries) {
          const before = phaseOf(s.lifecycle);
          applyEntry(s, entry, ctx);
          const after = phaseOf(s.lifecycle);
          expect(phasesOf(catalog.deal)).toContain(after);
          expect(allowedFrom[after], `${before} -> ${after}`).toContain(before);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a fork never changes the base log or its states', () => {
    fc.assert(
      fc.property(longLog, eventsArbitrary(catalog, { hypotheticalWeight: 1, maxLength: 10 }), date, date, (base, extra, branchAt, d) => {
        const before = stateAt(base, d);
        const entriesBefore = [...base.entries];
        const hyps = extra.filter((e) => e.hypothetical && !base.byId.has(e.id));
        const forked = fork(base, { branchAt, add: hyps });
        expect(forked.ok).toBe(true);
        if (forked.ok) stateAt(forked.value, d);
        expect(base.entries).toEqual(entriesBefore);
        expect(stateAt(base, d)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it("a fork's states, from checkpoints it shares with its base, equal the reference replay of the fork", () => {
    fc.assert(
      fc.property(longLog, eventsArbitrary(catalog, { hypotheticalWeight: 1, maxLength: 6, story: false }), date, fc.array(date, { minLength: 1, maxLength: 3 }), (base, extra, branchAt, dates) => {
        stateAt(base, branchAt); // the base's checkpoints exist before the fork reuses them
        const forked = fork(base, { branchAt, add: extra.filter((e) => e.hypothetical && !base.byId.has(e.id)) });
        expect(forked.ok).toBe(true);
        if (!forked.ok) return;
        const shared = forked.value.forkOf!.sharedPrefix;
        expect(forked.value.entries.slice(0, shared)).toEqual(base.entries.slice(0, shared));
        for (const d of dates) expect(stateAt(forked.value, d)).toEqual(referenceStateAt(forked.value, d));
        // The checkpoints inside the shared prefix are the base's own objects, not rebuilt copies.
        const mine = indexFor(forked.value);
        const theirs = indexFor(base);
        const reusable = Math.floor(shared / mine.interval);
        for (let k = 0; k <= reusable; k++) expect(mine.checkpoints[k]).toBe(theirs.checkpoints[k]);
      }),
      { numRuns: 40 },
    );
  });

  it('any byte string given as a log yields a state or structured problems, never a crash', () => {
    const anyLine = fc.oneof(
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      // A valid event with one field replaced by an arbitrary JSON value.
      fc.tuple(eventArbitrary(catalog), fc.string(), fc.jsonValue()).map(([e, k, v]) => JSON.stringify({ ...e, [k]: v })),
      fc.tuple(eventArbitrary(catalog), fc.constantFrom('type', 'occurred', 'term', 'party', 'accepts', 'attribution', 'id', 'source'), fc.jsonValue()).map(([e, k, v]) => JSON.stringify({ ...e, [k]: v })),
    );
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 20 }), date, (lines, d) => {
        const result = parseLog(catalog, [{ name: 'fuzz.jsonl', text: lines.join('\n') }]);
        if (result.ok) {
          expect(stateAt(result.value, d).date).toBe(d);
        } else {
          for (const p of result.problems) {
            expect(p.file).toBe('fuzz.jsonl');
            expect(typeof p.message).toBe('string');
            expect(p.line).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
