// Ids are user data: renaming any id of a log and its catalog (a term, party,
// source, option, figure, round, proposal, act, event id or speaker) to the
// name of an Object.prototype member changes nothing in the replayed state but
// the name, never throws, and leaves Object.prototype as it was. A name the
// id's grammar refuses (a slug is lower-case) gives problems, not an exception.
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Catalog, type ParleyEvent, type Result, type EventLog, parseCatalog, parseDealFile, parseLog, stateAt, lastDate, withDeal } from '../src/index.js';
import { policies } from '../src/model/claims.js';
import { eventsArbitrary, sampleCatalog } from '../src/testing/index.js';
import { repoRoot } from './helpers/cli.js';
import { type Json, PROTOTYPE_NAMES, type RawLog, SLUG, canonical, readRaw, rename, renameableIds } from './helpers/rename-ids.js';

/** The log as parley reads it from files (catalog, deal spec, JSONL), never throwing on a bad one. */
function load(raw: RawLog): Result<EventLog> {
  const text = (v: unknown) => JSON.stringify(v);
  const catalog = parseCatalog({ terms: { name: 'terms.json', text: text(raw.terms) }, parties: { name: 'parties.json', text: text(raw.parties) }, sources: { name: 'sources.json', text: text(raw.sources) } });
  if (!catalog.ok) return catalog;
  const deal = parseDealFile({ name: 'deal.json', text: text(raw.deal) }, catalog.value);
  if (!deal.ok) return deal;
  return parseLog(withDeal(catalog.value, deal.value), raw.files.map((f) => ({ name: f.name, text: f.events.map((e) => JSON.stringify(e)).join('\n') })));
}

/** The paths of the objects in a state that have `key` as a key and yet a prototype: an id-keyed table that is a plain object. */
function tablesWithAPrototype(value: unknown, key: string, path = 'state', out: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return out;
  if (!Array.isArray(value) && Object.hasOwn(value, key) && Object.getPrototypeOf(value) !== null) out.push(path);
  for (const [k, v] of Object.entries(value)) tablesWithAPrototype(v, key, `${path}.${k}`, out);
  return out;
}

const prototypeSnapshot = () => ({ names: Object.getOwnPropertyNames(Object.prototype).sort(), proto: Object.getPrototypeOf(Object.prototype) as unknown });
const pristine = prototypeSnapshot();

// The unrenamed log and its states, read once per raw log: only the renamed side changes from run to run.
const originals = new WeakMap<RawLog, { log: EventLog; states: Map<string, unknown> }>();
function original(raw: RawLog): { log: EventLog; states: Map<string, unknown> } {
  if (!originals.has(raw)) {
    const log = load(raw);
    if (!log.ok) throw new Error(`the original log does not load: ${log.problems[0]!.message}`);
    originals.set(raw, { log: log.value, states: new Map() });
  }
  return originals.get(raw)!;
}
const stateJson = (log: EventLog, date: string, policy: (typeof policies)[number]): unknown => JSON.parse(JSON.stringify(stateAt(log, date, { policy })));

/**
 * The metamorphic check for one renaming: parley reads the renamed files
 * without throwing; when the name fits the id's grammar, the state (as JSON,
 * the name mapped back) equals the original's, under the given policy.
 */
function checkRenaming(raw: RawLog, from: string, to: string, policy: (typeof policies)[number]): void {
  const before = original(raw);
  const renamedRaw = rename(raw, from, to) as RawLog;
  const renamed = load(renamedRaw);
  expect(prototypeSnapshot()).toEqual(pristine);
  expect(({} as Json).constructor).toBe(Object);
  if (!renamed.ok) {
    // Only a name the grammar refuses (a slug is lower-case letters, digits and dashes) may be refused.
    expect({ from, to, refusable: to !== 'constructor' && SLUG.test(from), codes: [...new Set(renamed.problems.map((p) => p.code))] }).toEqual({ from, to, refusable: true, codes: ['bad-field'] });
    return;
  }
  const order = (log: EventLog) => log.entries.map((e) => e.event.id);
  // An event id breaks ties in the replay order; a renaming that reorders tied events may change the state for that reason alone.
  if (JSON.stringify(order(before.log)) !== JSON.stringify(order(renamed.value).map((id) => (id === to ? from : id)))) return;
  const date = lastDate(before.log)!;
  if (!before.states.has(policy)) before.states.set(policy, canonical(stateJson(before.log, date, policy), '', ''));
  const after = stateJson(renamed.value, date, policy);
  expect(prototypeSnapshot()).toEqual(pristine);
  expect(canonical(after, to, from)).toEqual(before.states.get(policy));
  expect(tablesWithAPrototype(stateAt(renamed.value, date, { policy }), to)).toEqual([]);
}

/**
 * A generated log over a catalog, as files: the events in one JSONL file, the
 * catalog as its three files and deal.json. A log file holds reported events
 * only, so the storyline's hypothetical events are given a source, quote,
 * report date (after every generated date) and speaker.
 */
function rawOf(catalog: Catalog, events: readonly ParleyEvent[]): RawLog {
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
  const reported = (e: ParleyEvent) =>
    e.hypothetical ? { ...e, hypothetical: false, source: catalog.sources[0]!.id, quote: 'as generated', reported: '2026-12-31', attribution: { speaker: 'a generated speaker', onRecord: true } } : e;
  return { files: [{ name: 'generated.jsonl', events: events.map((e) => plain(reported(e)) as Json) }], terms: plain(catalog.terms), parties: plain(catalog.parties), sources: plain(catalog.sources), deal: plain(catalog.deal) };
}

let bundled: RawLog;
let phased: RawLog;
beforeAll(async () => {
  bundled = await readRaw(join(repoRoot, 'events'));
  phased = await readRaw(join(repoRoot, 'test', 'fixtures', 'phased-deal'));
});

const policy = fc.constantFrom(...policies);
// "constructor" is the one name a slug id (term, party, source, option, ...) may take, so it comes up most.
const name = fc.oneof({ weight: 3, arbitrary: fc.constant(PROTOTYPE_NAMES[0]) }, { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES.slice(1)) });

describe('prototype names as ids', () => {
  it('renaming an id of the bundled log to a prototype name changes only the name in the state', () => {
    const ids = renameableIds(bundled);
    // Every kind of id is among them.
    for (const kind of ['philadelphi', 'hamas', 'anadolu-2024-08-23', 'may-31-framework', bundled.files[0]!.events[0]!.id as string]) expect(ids).toContain(kind);
    fc.assert(
      fc.property(fc.constantFrom(...ids), name, policy, (from, to, p) => checkRenaming(bundled, from, to, p)),
      { numRuns: 100 },
    );
  });

  it('and of the phased history (agreements deferring terms, phases, releases, extensions)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...renameableIds(phased)), name, policy, (from, to, p) => checkRenaming(phased, from, to, p)),
      { numRuns: 100 },
    );
  });

  it('so does renaming an id of a generated log and its catalog', () => {
    const generated = eventsArbitrary(sampleCatalog, { maxLength: 40, hypotheticalWeight: 0 })
      .filter((events) => events.length > 0)
      .map((events) => rawOf(sampleCatalog, events))
      .chain((raw) => fc.tuple(fc.constant(raw), fc.constantFrom(...renameableIds(raw))));
    fc.assert(
      fc.property(generated, name, policy, ([raw, from], to, p) => checkRenaming(raw, from, to, p)),
      { numRuns: 150 },
    );
  });
});
