// The JSON Schemas for editors say what parley says: every shipped file passes
// both Ajv (draft 2020-12) and parley, and on a corpus of invalid files made by
// mutating real ones the two give the same verdict wherever JSON Schema can
// state the rule. The rules it cannot state are listed here, and each must be
// said in the description of the field it is about.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type Catalog, ISO_DAY_PATTERN, ISO_MONTH_PATTERN, OCCURRED_PATTERN, isIsoDay, isIsoMonth, parseCatalog, parseDealFile, parseLog, parseScenarioText, scenarioLogs, type EventLog } from '../src/index.js';
import { type SchemaName, editorSchema, schemaNames } from '../src/domain/editor-schemas.js';
import { loadLog } from '../src/io/read-log.js';
import { repoRoot } from './helpers/cli.js';

type Json = Record<string, unknown>;
type Mutation = (value: Json) => Json | undefined;

const events = join(repoRoot, 'events');
const catalogFiles = ['terms', 'parties', 'sources'] as const;
let catalog: Catalog;
let log: EventLog;
let shipped: { lines: string[]; scenarios: { name: string; text: string }[]; catalogTexts: Record<(typeof catalogFiles)[number], string>; deal: string };
let validate: Record<SchemaName, (value: unknown) => boolean>;

beforeAll(async () => {
  const loaded = await loadLog([events]);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  log = loaded.value.log;
  catalog = log.catalog;
  const logFiles = (await readdir(events)).filter((f) => f.endsWith('.jsonl')).sort();
  const lines = (await Promise.all(logFiles.map((f) => readFile(join(events, f), 'utf8')))).flatMap((t) => t.split('\n').filter((l) => l.trim() !== ''));
  const scenarioNames = (await readdir(join(repoRoot, 'scenarios'))).filter((f) => f.endsWith('.yaml')).sort();
  const scenarios = await Promise.all(scenarioNames.map(async (name) => ({ name, text: await readFile(join(repoRoot, 'scenarios', name), 'utf8') })));
  const [terms, parties, sources, deal] = await Promise.all(['terms', 'parties', 'sources', 'deal'].map((f) => readFile(join(events, `${f}.json`), 'utf8')));
  shipped = { lines, scenarios, catalogTexts: { terms: terms!, parties: parties!, sources: sources! }, deal: deal! };
  // Strict, so the schemas hold no keyword Ajv does not know; tuples and required-in-subschemas are JSON Schema as written.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTuples: false });
  validate = Object.fromEntries(schemaNames.map((n) => [n, ajv.compile(editorSchema(n, catalog))])) as unknown as typeof validate;
});

/** parley's verdict on one file of a kind: true when it has no problem. */
function parleyAccepts(kind: SchemaName | 'log', text: string): boolean {
  if (kind === 'event' || kind === 'log') return parseLog(catalog, [{ name: 'x.jsonl', text }]).ok;
  if (kind === 'deal') return parseDealFile({ name: 'deal.json', text }, catalog).ok;
  if (kind === 'scenario') {
    const scenario = parseScenarioText('x.yaml', text);
    return scenario.ok && scenarioLogs(scenario.value, log).ok;
  }
  const files = Object.fromEntries(catalogFiles.map((f) => [f, { name: `${f}.json`, text: f === kind ? text : shipped.catalogTexts[f] }]));
  return parseCatalog(files as Parameters<typeof parseCatalog>[0]).ok;
}

/** Ajv's verdict: every line of a log, or the one document. */
function ajvAccepts(kind: SchemaName | 'log', text: string): boolean {
  if (kind === 'log') return text.split('\n').filter((l) => l.trim() !== '').every((l) => validate.event(JSON.parse(l)));
  return validate[kind](kind === 'scenario' ? parseYaml(text) : JSON.parse(text));
}

describe('every shipped file passes its JSON Schema and parley', () => {
  it('each line of events/*.jsonl', () => {
    expect(shipped.lines.length).toBeGreaterThan(0);
    for (const line of shipped.lines) expect({ line, ok: validate.event(JSON.parse(line)) }).toEqual({ line, ok: true });
  });

  it('the catalog files and deal.json', () => {
    for (const f of catalogFiles) expect({ f, ok: validate[f](JSON.parse(shipped.catalogTexts[f])) }).toEqual({ f, ok: true });
    expect(validate.deal(JSON.parse(shipped.deal))).toBe(true);
  });

  it('each scenario file, read as YAML 1.2', () => {
    for (const { name, text } of shipped.scenarios) {
      expect({ name, ajv: validate.scenario(parseYaml(text)), parley: parleyAccepts('scenario', text) }).toEqual({ name, ajv: true, parley: true });
    }
  });

  it('each scenario file read as YAML 1.1 too: its dates are quoted, so they stay strings', () => {
    for (const { name, text } of shipped.scenarios) expect({ name, ajv: validate.scenario(parseYaml(text, { version: '1.1' })) }).toEqual({ name, ajv: true });
  });
});

// ---- the corpus of invalid files: mutations of real ones --------------------

const clone = (v: Json): Json => structuredClone(v);
const set = (path: string, value: unknown): Mutation => (v) => {
  const out = clone(v);
  const keys = path.split('.');
  let node: Json = out;
  for (const k of keys.slice(0, -1)) {
    if (typeof node[k] !== 'object' || node[k] === null) return undefined;
    node = node[k] as Json;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) {
    if (!(last in node)) return undefined;
    delete node[last];
  } else node[last] = value;
  return out;
};
const onlyIf = (test: (v: Json) => boolean, m: Mutation): Mutation => (v) => (test(v) ? m(v) : undefined);
const has = (key: string) => (v: Json) => key in v;
const isType = (...types: string[]) => (v: Json) => types.includes(v.type as string);
/** A real option of some other term that is not an option of `term`. */
const otherTermsOption = (term: string) => catalog.terms.flatMap((t) => t.ladder.map((o) => o.id)).find((o) => !catalog.optionIndex.get(term)!.has(o))!;
const optionOf = (term: string, i = 0) => catalog.terms.find((t) => t.id === term)!.ladder[i]!.id;

/** An agreement made from a tabled proposal: the same dates, source and text, valid as it stands. */
const asAgreement = (v: Json): Json => {
  const { proposal: _p, by: _b, title: _t, ...rest } = v;
  return { ...rest, type: 'agreement.reached', phases: [1] };
};

/** Mutations of one event; the name is the rule it breaks. */
const eventMutations: Record<string, Mutation> = {
  'missing quote': set('quote', undefined),
  'missing source': set('source', undefined),
  'missing attribution': set('attribution', undefined),
  'missing reported': set('reported', undefined),
  'missing summary': set('summary', undefined),
  'hypothetical in a log': set('hypothetical', true),
  'not a calendar date (30 Feb)': set('occurred', '2024-02-30'),
  'not a calendar date (month 13)': set('reported', '2024-13-01'),
  'a date without leading zeros': set('occurred', '2024-8-1'),
  'a year Date.UTC reads as 19xx': set('reported', '0050-01-01'),
  'not a leap year': set('occurred', '2023-02-29'),
  'a leap day': onlyIf((v) => v.precision === 'day', set('occurred', '2024-02-29')),
  'month written with day precision': onlyIf((v) => v.precision === 'day', set('occurred', '2024-05')),
  'month precision on a day': onlyIf((v) => v.precision === 'day', set('precision', 'month')),
  'sortDate on a day-precision event': onlyIf((v) => v.precision === 'day', (v) => ({ ...clone(v), sortDate: v.occurred })),
  'sortDate outside its period': onlyIf((v) => v.precision === 'week', (v) => ({ ...clone(v), sortDate: '2020-01-01' })),
  'reported before it occurred': onlyIf((v) => v.precision === 'day', set('reported', '2020-01-01')),
  'unknown source': set('source', 'the-daily-nowhere-2024-01-01'),
  'unknown attribution party': onlyIf((v) => typeof (v.attribution as Json | undefined)?.party === 'string', set('attribution.party', 'egyt')),
  'unknown party': onlyIf(has('party'), set('party', 'israell')),
  'unknown proposer': onlyIf(has('by'), set('by', 'nobody')),
  'unknown mediator': onlyIf(has('mediators'), (v) => ({ ...clone(v), mediators: ['atlantis'] })),
  'unknown party a statement is about': onlyIf(isType('statement.made'), (v) => ({ ...clone(v), about: ['atlantis'] })),
  'unknown term': onlyIf(has('term'), set('term', 'airspace')),
  'unknown option': onlyIf(isType('position.stated'), (v) => ({ ...clone(v), accepts: ['no-such-option'], rejects: [] })),
  "another term's option": onlyIf(isType('position.stated'), (v) => ({ ...clone(v), accepts: [otherTermsOption(v.term as string)], rejects: [] })),
  "another term's option in a condition": onlyIf(isType('position.stated'), (v) => ({ ...clone(v), conditions: [{ term: 'rafah-crossing', accepts: [otherTermsOption('rafah-crossing')] }] })),
  'unknown term in a text': onlyIf(has('terms'), (v) => ({ ...clone(v), terms: { ...(v.terms as Json), airspace: 'open-skies' } })),
  "another term's option in a text": onlyIf(has('terms'), (v) => ({ ...clone(v), terms: { philadelphi: otherTermsOption('philadelphi') } })),
  'an option both accepted and rejected': onlyIf(isType('position.stated'), (v) => ({ ...clone(v), accepts: [optionOf(v.term as string)], rejects: [optionOf(v.term as string)] })),
  'a preferred option not accepted': onlyIf(isType('position.stated'), (v) => ({ ...clone(v), accepts: [optionOf(v.term as string, 0)], rejects: [], prefers: optionOf(v.term as string, 1) })),
  'a position with neither accepts nor rejects': onlyIf(isType('position.stated'), (v) => ({ ...clone(v), accepts: [], rejects: [] })),
  'a phase beyond the deal': onlyIf(isType('proposal.tabled'), (v) => ({ ...asAgreement(v), phases: [catalog.deal.phases.length + 1] })),
  'wrong type: summary a number': set('summary', 42),
  'wrong type: onRecord a string': onlyIf(has('attribution'), set('attribution.onRecord', 'yes')),
  'wrong type: value a string': onlyIf(isType('figure.reported'), set('value', 'many')),
  'extra field': (v) => ({ ...clone(v), colour: 'red' }),
  'extra field in attribution': onlyIf(has('attribution'), set('attribution.colour', 'red')),
  'unknown event type': set('type', 'position.changed'),
  'an id too short': set('id', 'abc'),
};

/** Mutations of a whole log file (two lines), for the rules across events. */
const logMutations: Record<string, (line: string) => string> = {
  'the same id twice in a log': (line) => `${line}\n${line}`,
};

const yaml = (v: unknown) => JSON.stringify(v);

const scenarioEvent = (v: Json): Json => (v.events as Json[] | undefined)?.[0] ?? {};
const withEvent = (change: (e: Json) => Json): Mutation => (v) => {
  const list = v.events as Json[] | undefined;
  if (!list || list.length === 0) return undefined;
  return { ...clone(v), events: [change(clone(list[0]!)), ...list.slice(1)] };
};
const withExpectation = (make: (v: Json) => Json): Mutation => (v) => ({ ...clone(v), expect: [make(v)] });
const someDate = (v: Json) => ((v.expect as Json[] | undefined)?.[0]?.at as string | undefined) ?? '2024-08-22';

const scenarioMutations: Record<string, Mutation> = {
  'missing title': set('title', undefined),
  'extra field': (v) => ({ ...clone(v), colour: 'red' }),
  'not a calendar date (branchAt)': (v) => ({ ...clone(v), branchAt: '2024-02-30' }),
  'not a calendar date (dates)': (v) => ({ ...clone(v), dates: ['2024-08-32'] }),
  'wrong type: dates a string': (v) => ({ ...clone(v), dates: '2024-08-22' }),
  'wrong type: keep a number': (v) => ({ ...clone(v), keep: 3 }),
  'keep an event not in the log': (v) => ({ ...clone(v), keep: ['NoSuchEvent1'] }),
  'an event not hypothetical': withEvent((e) => ({ ...e, hypothetical: false })),
  'an unknown event type': withEvent((e) => ({ ...e, type: 'position.changed' })),
  'an event with a bad date': withEvent((e) => ({ ...e, occurred: '2024-02-30' })),
  'an event with an unknown term': onlyIf((v) => 'term' in scenarioEvent(v), withEvent((e) => ({ ...e, term: 'airspace' }))),
  'an event with an unknown party': onlyIf((v) => 'party' in scenarioEvent(v), withEvent((e) => ({ ...e, party: 'israell' }))),
  "an event with another term's option": onlyIf((v) => scenarioEvent(v).type === 'concession.offered', withEvent((e) => ({ ...e, adds: [otherTermsOption(e.term as string)] }))),
  'an event with an extra field': withEvent((e) => ({ ...e, colour: 'red' })),
  'a phase beyond the deal': (v) => {
    const i = ((v.events as Json[] | undefined) ?? []).findIndex((e) => e.type === 'phase.started');
    return i < 0 ? undefined : { ...clone(v), events: (v.events as Json[]).map((e, j) => (j === i ? { ...e, phase: catalog.deal.phases.length + 1 } : e)) };
  },
  'a negative release count': (v) => {
    const i = ((v.events as Json[] | undefined) ?? []).findIndex((e) => e.type === 'release.made');
    return i < 0 ? undefined : { ...clone(v), events: (v.events as Json[]).map((e, j) => (j === i ? { ...e, count: -3 } : e)) };
  },
  'an expectation with an extra field': withExpectation(() => ({ at: '2024-08-22', anomalies: 0, colour: 'red' })),
  'an event with a source (hypothetical events have none)': withEvent((e) => ({ ...e, source: 'anadolu-2024-08-23' })),
  'an event in a month with no precision': withEvent((e) => {
    const { precision: _, ...rest } = e;
    return { ...rest, occurred: '2024-08' };
  }),
  'an expectation with two checks': withExpectation((v) => ({ at: someDate(v), anomalies: 0, phase: 'negotiating' })),
  'an expectation with no check': withExpectation((v) => ({ at: someDate(v) })),
  'an expectation with a bad date': withExpectation(() => ({ at: '2024-02-30', anomalies: 0 })),
  'a distance on a gap that is not open': withExpectation(() => ({ at: '2024-08-22', gap: { term: 'philadelphi', status: 'bridged', distance: 1 } })),
  'a gap on an unknown term': withExpectation(() => ({ at: '2024-08-22', gap: { term: 'airspace', status: 'open' } })),
  'a position with both accepts and includes': withExpectation((v) => ({ at: someDate(v), position: { party: 'israel', term: 'philadelphi', accepts: [optionOf('philadelphi')], includes: [optionOf('philadelphi')] } })),
  "a position with another term's option": withExpectation(() => ({ at: '2024-08-22', position: { party: 'israel', term: 'philadelphi', includes: [otherTermsOption('philadelphi')] } })),
  'a position of an unknown party': withExpectation(() => ({ at: '2024-08-22', position: { party: 'atlantis', term: 'philadelphi', includes: [optionOf('philadelphi')] } })),
  'a figure of an unknown source': withExpectation(() => ({ at: '2024-08-22', figure: { figure: 'hostages-remaining', source: 'nowhere', value: 1 } })),
  'a phase the deal does not have': withExpectation(() => ({ at: '2024-08-22', phase: 'phase7' })),
  'wrong type: anomalies a string': withExpectation(() => ({ at: '2024-08-22', anomalies: 'none' })),
};

const dealMutations: Record<string, Mutation> = {
  'missing label': set('label', undefined),
  'extra field': (v) => ({ ...clone(v), colour: 'red' }),
  'a first phase that needs its own agreement': (v) => ({ ...clone(v), phases: (v.phases as Json[]).map((p, i) => (i === 0 ? { ...p, requires: 'phase-agreement' } : p)) }),
  'an unknown term to settle': (v) => ({ ...clone(v), agreement: { ...(v.agreement as Json), mustSettle: ['airspace'] } }),
  'an unknown term to defer': (v) => ({ ...clone(v), agreement: { ...(v.agreement as Json), mayDefer: [{ term: 'airspace', to: 2 }] } }),
  'wrong type: days a string': (v) => ({ ...clone(v), phases: (v.phases as Json[]).map((p, i) => (i === 0 ? { ...p, days: 'six weeks' } : p)) }),
  'deferred to a phase the deal does not have': (v) => ({ ...clone(v), agreement: { mustSettle: 'all-but-deferrable', mayDefer: [{ term: 'end-of-war', to: (v.phases as Json[]).length + 1 }] } }),
  'next-phase talks due in the last phase': (v) => ({ ...clone(v), phases: (v.phases as Json[]).map((p, i, all) => (i === all.length - 1 ? { ...p, nextPhaseTalksDueDay: 1 } : p)) }),
  'next-phase talks due after the phase ends': (v) => ({ ...clone(v), phases: (v.phases as Json[]).map((p, i) => (i === 0 ? { ...p, nextPhaseTalksDueDay: (p.days as number) + 1 } : p)) }),
  'a term both deferrable and to settle': (v) => ({ ...clone(v), agreement: { mustSettle: ['end-of-war'], mayDefer: [{ term: 'end-of-war', to: 2 }] } }),
};

const first = (v: unknown) => (v as Json[])[0]!;
const catalogMutations: Record<'terms' | 'parties' | 'sources', Record<string, (v: Json[]) => Json[]>> = {
  terms: {
    'a ladder of one option': (v) => [{ ...first(v), ladder: [(first(v).ladder as Json[])[0]] }, ...v.slice(1)],
    'extra field': (v) => [{ ...first(v), colour: 'red' }, ...v.slice(1)],
    'the same term twice': (v) => [...v, first(v)],
    'the same option twice in a ladder': (v) => [{ ...first(v), ladder: [...(first(v).ladder as Json[]), (first(v).ladder as Json[])[0]] }, ...v.slice(1)],
  },
  parties: {
    'three principals': (v) => [...v, { id: 'third-side', name: 'A third side', role: 'principal' }],
    'one principal': (v) => v.map((p) => (p.role === 'principal' && p === v.find((q) => q.role === 'principal') ? { ...p, role: 'other' } : p)),
    'an unknown role': (v) => [{ ...first(v), role: 'observer' }, ...v.slice(1)],
    'the same party twice': (v) => [...v, { ...first(v), role: 'other' }],
  },
  sources: {
    'not a calendar date': (v) => [{ ...first(v), published: '2024-02-30' }, ...v.slice(1)],
    'missing document': (v) => [(({ document: _, ...rest }) => rest)(first(v)), ...v.slice(1)],
    'the same source twice': (v) => [...v, first(v)],
  },
};

/**
 * The rules JSON Schema cannot state, each with the field whose description
 * must say so. The corpus must show each of them as a disagreement, and no other.
 */
const unexpressed: Record<string, { schema: SchemaName; field: string }> = {
  'sortDate outside its period': { schema: 'event', field: 'sortDate' },
  'reported before it occurred': { schema: 'event', field: 'reported' },
  'the same id twice in a log': { schema: 'event', field: 'id' },
  'keep an event not in the log': { schema: 'scenario', field: 'keep' },
  'a phase the deal does not have': { schema: 'scenario', field: 'phase' },
  'deferred to a phase the deal does not have': { schema: 'deal', field: 'to' },
  'next-phase talks due in the last phase': { schema: 'deal', field: 'nextPhaseTalksDueDay' },
  'next-phase talks due after the phase ends': { schema: 'deal', field: 'nextPhaseTalksDueDay' },
  'a term both deferrable and to settle': { schema: 'deal', field: 'term' },
  'the same term twice': { schema: 'terms', field: 'id' },
  'the same option twice in a ladder': { schema: 'terms', field: 'id' },
  'the same party twice': { schema: 'parties', field: 'id' },
  'the same source twice': { schema: 'sources', field: 'id' },
};

interface Case {
  readonly kind: SchemaName | 'log';
  readonly rule: string;
  readonly from: string;
  readonly text: string;
}

function corpus(): Case[] {
  const cases: Case[] = [];
  // One real event of each type, and an agreement made from a tabled proposal.
  const byType = new Map<string, Json>();
  for (const line of shipped.lines) {
    const e = JSON.parse(line) as Json;
    if (!byType.has(e.type as string)) byType.set(e.type as string, e);
    if (e.precision === 'week' && !byType.has('week')) byType.set('week', e);
  }
  byType.set('agreement.reached', asAgreement(byType.get('proposal.tabled')!));
  for (const [from, event] of byType) {
    cases.push({ kind: 'event', rule: 'as it is', from, text: JSON.stringify(event) });
    for (const [rule, mutate] of Object.entries(eventMutations)) {
      const out = mutate(event);
      if (out !== undefined) cases.push({ kind: 'event', rule, from, text: JSON.stringify(out) });
    }
    for (const [rule, mutate] of Object.entries(logMutations)) cases.push({ kind: 'log', rule, from, text: mutate(JSON.stringify(event)) });
  }
  for (const { name, text } of shipped.scenarios) {
    const value = parseYaml(text) as Json;
    for (const [rule, mutate] of Object.entries(scenarioMutations)) {
      const out = mutate(value);
      if (out !== undefined) cases.push({ kind: 'scenario', rule, from: name, text: yaml(out) });
    }
  }
  for (const [rule, mutate] of Object.entries(dealMutations)) cases.push({ kind: 'deal', rule, from: 'deal.json', text: JSON.stringify(mutate(JSON.parse(shipped.deal) as Json)) });
  for (const kind of catalogFiles) {
    for (const [rule, mutate] of Object.entries(catalogMutations[kind])) cases.push({ kind, rule, from: `${kind}.json`, text: JSON.stringify(mutate(JSON.parse(shipped.catalogTexts[kind]) as Json[])) });
  }
  return cases;
}

/** Every description of a property named `field`, anywhere in a schema. */
function descriptionsOf(schema: unknown, field: string, out: string[] = []): string[] {
  if (Array.isArray(schema)) for (const s of schema) descriptionsOf(s, field, out);
  else if (typeof schema === 'object' && schema !== null) {
    const properties = (schema as Json).properties as Json | undefined;
    const d = (properties?.[field] as Json | undefined)?.description;
    if (typeof d === 'string') out.push(d);
    for (const v of Object.values(schema)) descriptionsOf(v, field, out);
  }
  return out;
}

describe('on mutations of real files, Ajv and parley agree wherever JSON Schema can state the rule', () => {
  it('gives the same verdict, except on the rules listed as unexpressed, where only parley refuses', () => {
    const cases = corpus();
    const verdicts = cases.map((c) => ({ ...c, ajv: ajvAccepts(c.kind, c.text), parley: parleyAccepts(c.kind, c.text) }));
    const disagreements = verdicts.filter((v) => v.ajv !== v.parley);
    // Only rules listed as unexpressed disagree, and always the same way: the schema lets through what parley refuses.
    expect(disagreements.filter((d) => !(d.rule in unexpressed)).map((d) => `${d.rule} (${d.from}): ajv ${d.ajv}, parley ${d.parley}`)).toEqual([]);
    expect(disagreements.filter((d) => d.parley).map((d) => d.rule)).toEqual([]);
    // Each listed rule is shown by the corpus: it is not a rule the schema states after all.
    expect(Object.keys(unexpressed).filter((rule) => !disagreements.some((d) => d.rule === rule))).toEqual([]);
    // parley refuses every mutation but the leap day (a real date), so the corpus tests something; the events it starts from pass.
    const valid = new Set(['as it is', 'a leap day']);
    expect(verdicts.filter((v) => v.parley !== valid.has(v.rule)).map((v) => `${v.rule} (${v.from})`)).toEqual([]);
    expect(new Set(verdicts.map((v) => v.rule)).size).toBeGreaterThan(60);
  });

  it('says in the field\'s description each rule it cannot state', () => {
    for (const [rule, { schema, field }] of Object.entries(unexpressed)) {
      const notes = descriptionsOf(editorSchema(schema, catalog), field).filter((d) => d.includes('Not expressed in this schema'));
      expect({ rule, noted: notes.length > 0 }).toEqual({ rule, noted: true });
    }
  });
});

describe('the date patterns', () => {
  const calendarish = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

  it('match exactly the days isIsoDay accepts and the months isIsoMonth accepts', () => {
    const day = new RegExp(ISO_DAY_PATTERN, 'u');
    const month = new RegExp(ISO_MONTH_PATTERN, 'u');
    const occurred = new RegExp(OCCURRED_PATTERN, 'u');
    fc.assert(
      fc.property(fc.oneof(calendarish, calendarish.map((s) => s.slice(0, 7)), fc.string({ maxLength: 12 })), (s) => {
        expect(day.test(s)).toBe(isIsoDay(s));
        expect(month.test(s)).toBe(isIsoMonth(s));
        expect(occurred.test(s)).toBe(isIsoDay(s) || isIsoMonth(s));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('what editors can read', () => {
  // yaml-language-server validates with draft-07 keywords; the scenario and event schemas use no later one, so it applies every rule.
  it('the scenario and event schemas use only keywords draft-07 validators know', () => {
    const later = ['prefixItems', 'minContains', 'maxContains', '$defs', 'unevaluatedProperties', 'unevaluatedItems', 'dependentRequired', 'dependentSchemas', '$dynamicRef'];
    for (const name of ['scenario', 'event'] as const) {
      const keys = new Set<string>();
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) (keys.add(k), walk(x));
      };
      walk(editorSchema(name, catalog));
      expect({ name, later: later.filter((k) => keys.has(k)) }).toEqual({ name, later: [] });
    }
  });
});

describe('without a catalog', () => {
  it('names where the ids come from instead of enumerating them', () => {
    const schema = JSON.stringify(editorSchema('event'));
    expect(schema).not.toContain('"enum":["philadelphi"');
    expect(descriptionsOf(editorSchema('event'), 'term').some((d) => d.includes('terms.json'))).toBe(true);
  });
});
