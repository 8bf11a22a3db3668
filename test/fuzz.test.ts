// The no-crash invariant, fuzzed: whatever the bytes, loading gives a result,
// or problems that each fit on one line, name the file and carry a known code.
// Never an exception. Inputs are real events, scenarios and catalogs, mutated.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Catalog,
  type EventLog,
  type Problem,
  type Result,
  bundledEventsDir,
  formatProblem,
  lastDate,
  loadLog,
  parseCatalog,
  parseLog,
  parseScenarioText,
  problemCodes,
  scenarioLogs,
  stateAt,
} from '../src/index.js';
import { repoRoot } from './helpers/cli.js';

const codes = new Set<string>(problemCodes);

/** The invariant: ok, or one-line problems naming `file`, each with a known code. */
function holds(result: Result<unknown>, file: string): void {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) checkProblem(p, file);
}

function checkProblem(p: Problem, file: string): void {
  const line = formatProblem(p);
  expect(line, line).not.toMatch(/[\n\r\u2028\u2029]/);
  expect(line.length, line).toBeLessThan(2000);
  expect(p.file, line).toContain(file);
  expect(codes.has(p.code), line).toBe(true);
}

const eventLines = readdirSync(bundledEventsDir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(bundledEventsDir, f), 'utf8').split('\n').filter((l) => l.trim() !== ''));
const scenarioTexts = readdirSync(join(repoRoot, 'scenarios')).map((f) => readFileSync(join(repoRoot, 'scenarios', f), 'utf8'));
const catalogTexts = Object.fromEntries(['terms', 'parties', 'sources'].map((k) => [k, readFileSync(join(bundledEventsDir, `${k}.json`), 'utf8')])) as Record<'terms' | 'parties' | 'sources', string>;

let log: EventLog;
let catalog: Catalog;
beforeAll(async () => {
  const loaded = await loadLog();
  if (!loaded.ok) throw new Error('bundled log did not load');
  log = loaded.value.log;
  catalog = log.catalog;
});

/** Hostile values: prototype names, line breaks, megabyte strings, deep nesting, any JSON. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'a\nb', '2024-02-30', '2024-13', '9999-12-31', null, true, -1, 1e308),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1, max: 2000 }).map((n) => ({ deep: JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as unknown })),
  fc.constant('x'.repeat(200_000)),
);

/** A mutation of a JSON object: a field removed, replaced, renamed, or a key given twice. */
const objectMutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('add' as const), key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'terms', 'extra'), fc.string({ maxLength: 8 })), value: hostileValue }),
  fc.record({ kind: fc.constant('nested' as const), at: fc.nat(), key: fc.constantFrom('__proto__', 'constructor', 'speaker', 'x'), value: hostileValue }),
);
type ObjectMutation = typeof objectMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateObject(source: Record<string, unknown>, m: ObjectMutation): Record<string, unknown> {
  const o: Record<string, unknown> = JSON.parse(JSON.stringify(source));
  const keys = Object.keys(o);
  const key = (at: number) => keys[at % keys.length]!;
  if (m.kind === 'drop') delete o[key(m.at)];
  else if (m.kind === 'set') o[key(m.at)] = m.value;
  else if (m.kind === 'add') Object.defineProperty(o, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  else {
    const k = key(m.at);
    const inner = typeof o[k] === 'object' && o[k] !== null ? (o[k] as Record<string, unknown>) : {};
    Object.defineProperty(inner, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    o[k] = inner;
  }
  return o;
}

/** A mutation of text: a slice cut out, or something spliced in. */
const textMutation = fc.record({
  at: fc.nat(),
  cut: fc.nat({ max: 40 }),
  insert: fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('\n', ': ', '- ', '*a', '&a ', '{', '[', '"', '\\', '__proto__: x', 'constructor', '\u0000', '\uFFFE', '#'),
    fc.integer({ min: 1, max: 3000 }).map((n) => '['.repeat(n)),
  ),
});

function mutateText(text: string, m: { at: number; cut: number; insert: string }): string {
  const at = m.at % (text.length + 1);
  return text.slice(0, at) + m.insert + text.slice(at + m.cut);
}

/** Parses a log text, and if it is valid replays it: neither may throw. */
function loadAndReplay(text: string): void {
  const result = parseLog(catalog, [{ name: 'fuzz.jsonl', text }]);
  holds(result, 'fuzz.jsonl');
  if (result.ok && result.value.entries.length > 0) stateAt(result.value, lastDate(result.value)!);
}

const RUNS = { numRuns: 150 };

describe('fuzzing the loaders', () => {
  it('mutated real events: a result or one-line problems with codes, never an exception', () => {
    fc.assert(
      fc.property(fc.constantFrom(...eventLines), fc.array(objectMutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (line, mutations, twice) => {
        const mutated = mutations.reduce(mutateObject, JSON.parse(line) as Record<string, unknown>);
        let text = JSON.stringify(mutated);
        // A key given twice, which JSON.stringify cannot write.
        if (twice) text = text.replace(/^\{"([^"]+)":/, (all, k: string) => `{"${k}":1,${all.slice(1)}`);
        loadAndReplay(`${eventLines[0]}\n${text}\n`);
      }),
      RUNS,
    );
  });

  it('mutated event text (cut, spliced bytes): the same invariant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...eventLines), fc.array(textMutation, { minLength: 1, maxLength: 3 }), (line, mutations) => {
        loadAndReplay(mutations.reduce(mutateText, line));
      }),
      RUNS,
    );
  });

  it('mutated scenarios, parsed and forked from the bundled log: the same invariant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...scenarioTexts), fc.array(textMutation, { minLength: 1, maxLength: 3 }), (text, mutations) => {
        const parsed = parseScenarioText('fuzz.yaml', mutations.reduce(mutateText, text));
        holds(parsed, 'fuzz.yaml');
        if (!parsed.ok) return;
        const logs = scenarioLogs({ ...parsed.value, base: undefined }, log);
        holds(logs, 'fuzz.yaml');
        if (logs.ok) for (const d of logs.value.dates) stateAt(logs.value.whatIf, d);
      }),
      RUNS,
    );
  });

  it('mutated catalogs: the same invariant', () => {
    fc.assert(
      fc.property(fc.constantFrom('terms', 'parties', 'sources' as const), fc.nat(), objectMutation, fc.array(textMutation, { maxLength: 2 }), (which, item, m, textual) => {
        const list = JSON.parse(catalogTexts[which]) as Record<string, unknown>[];
        list[item % list.length] = mutateObject(list[item % list.length]!, m);
        const text = textual.reduce(mutateText, JSON.stringify(list));
        const files = { terms: { name: 'terms.json', text: catalogTexts.terms }, parties: { name: 'parties.json', text: catalogTexts.parties }, sources: { name: 'sources.json', text: catalogTexts.sources } };
        files[which] = { name: `${which}.json`, text };
        holds(parseCatalog(files), '.json');
      }),
      RUNS,
    );
  });
});

describe('file-system cases through loadLog', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-fuzz-'));
    for (const f of ['terms.json', 'parties.json', 'sources.json']) await cp(join(bundledEventsDir, f), join(dir, f));
    execFileSync('mkfifo', [join(dir, 'fifo.jsonl')]);
    await mkdir(join(dir, 'folder.jsonl'));
    await writeFile(join(dir, 'huge-line.jsonl'), `${eventLines[0]!.slice(0, -1)},"summary":"${'x'.repeat(150_000)}"}\n`);
    await writeFile(join(dir, 'deep.jsonl'), `${'['.repeat(45_000)}${']'.repeat(45_000)}\n{"a":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_001)}\n`);
    await writeFile(join(dir, 'dup.jsonl'), `${eventLines[0]!.replace(/^\{/, '{"type":"x",')}\n`);
    await writeFile(join(dir, 'nul.jsonl'), Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x7d, 0x0a]));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(['fifo.jsonl', 'folder.jsonl', 'huge-line.jsonl', 'deep.jsonl', 'dup.jsonl', 'nul.jsonl', 'missing.jsonl'])('%s', async (name) => {
    const result = await loadLog([join(dir, name)]);
    expect(result.ok).toBe(false);
    holds(result, name);
  });

  it('/dev/zero', async () => {
    holds(await loadLog(['/dev/zero']), '/dev/zero');
  });
});
