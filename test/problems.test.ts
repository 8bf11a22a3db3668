// Every error parley reports is a Problem with a stable code, one line long;
// the domain throws nothing on bad data but a ProblemError for a bad query.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKeyIn, keyColons, keyCount } from '../src/domain/duplicate-keys.js';
import { exitStatusFor } from '../src/cli/exit-status.js';
import {
  type Problem,
  ProblemError,
  addDays,
  createCatalog,
  escapeEcho,
  formatProblem,
  parseCatalog,
  parseLog,
  problemCodes,
  requireDayNumber,
  stateAt,
  toEntry,
} from '../src/index.js';
import { sampleCatalog } from '../src/testing/index.js';
import { httpStatusFor } from '../src/web/api.js';
import { reported, sampleLog } from './helpers/events.js';

const good = reported('2024-08-20', { type: 'position.stated', party: 'north', term: 'corridor', accepts: ['control'] });
const line = (o: unknown) => JSON.stringify(o);

function problemsOf(text: string): Problem[] {
  const result = parseLog(sampleCatalog, [{ name: 'log.jsonl', text }]);
  return result.ok ? [] : result.problems;
}

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('a problem', () => {
  it('prints as one line: file, line, event, field, message, what was expected, and its code', () => {
    const p: Problem = { file: 'events/x.jsonl', line: 3, eventId: 'abc123', field: 'term', code: 'unknown-term', message: 'unknown term "air"', expected: 'one of a, b' };
    expect(formatProblem(p)).toBe('events/x.jsonl:3: event abc123: field "term": unknown term "air"; expected one of a, b [unknown-term]');
  });

  it('escapes line breaks and truncates what it echoes', () => {
    const p: Problem = { file: 'a\nb.jsonl', eventId: 'x\r\ny', code: 'bad-field', message: `got "${'k'.repeat(1_000_000)}"` };
    const text = formatProblem(p);
    expect(text).not.toMatch(/[\n\r]/);
    expect(text.length).toBeLessThan(1000);
    expect(text).toContain('a\\nb.jsonl');
    expect(escapeEcho('tab\there\u2028')).toBe('tab\\there\\u2028');
  });

  it('names a missing field by name, with what was expected', () => {
    const { summary: _, ...noSummary } = good;
    const [p] = problemsOf(line(noSummary));
    expect(p).toMatchObject({ code: 'missing-field', field: 'summary', message: 'missing' });
    expect(formatProblem(p!)).toMatch(/field "summary": missing; expected a string \[missing-field\]$/);
    const { type: __, ...noType } = good;
    expect(problemsOf(line(noType))[0]).toMatchObject({ code: 'missing-field', field: 'type' });
  });

  it('gives each kind of bad line its code', () => {
    const codes = (text: string) => problemsOf(text).map((p) => p.code);
    expect(codes('{not json')).toEqual(['bad-json']);
    expect(codes('[1]')).toEqual(['bad-json']);
    expect(codes(line({ ...good, colour: 'blue' }))).toEqual(['unknown-field']);
    expect(codes(line({ ...good, type: 'position.guessed' }))).toEqual(['unknown-type']);
    expect(codes(line({ ...good, accepts: 'control' }))).toEqual(['bad-field']);
    expect(codes(line({ ...good, term: 'airspace' }))).toEqual(['unknown-term']);
    expect(codes(line({ ...good, party: 'east' }))).toEqual(['unknown-party']);
    expect(codes(line({ ...good, accepts: ['teleport'] }))).toEqual(['unknown-option']);
    expect(codes(line({ ...good, source: 'gazette' }))).toEqual(['unknown-source']);
    expect(codes(line({ ...good, reported: '2024-08-01' }))).toEqual(['bad-date']);
    expect(codes(line({ ...good, hypothetical: true }))).toEqual(['hypothetical-in-log']);
    expect(codes(`${line(good)}\n${line(good)}`)).toEqual(['duplicate-id']);
    expect(codes(`{"a":${'['.repeat(40_000)}${']'.repeat(40_000)}}`)).toEqual(['missing-field']);
    expect(codes(line({ ...good, summary: 'x'.repeat(200_000) }))).toEqual(['too-large']);
  });

  it('suggests the id meant for a near miss (two edits or fewer), and only then', () => {
    expect(problemsOf(line({ ...good, party: 'nort' }))[0]!.message).toBe('unknown party "nort"; did you mean "north"?');
    expect(problemsOf(line({ ...good, term: 'coridor' }))[0]!.message).toBe('unknown term "coridor"; did you mean "corridor"?');
    expect(problemsOf(line({ ...good, accepts: ['contrl'] }))[0]!.message).toBe('"contrl" is not an option of term corridor; did you mean "control"?');
    expect(problemsOf(line({ ...good, term: 'airspace' }))[0]!.message).toBe('unknown term "airspace"');
  });

  it('refuses a key given twice in one event, at any depth', () => {
    const text = line(good);
    const twice = text.replace('"party":"north"', '"party":"north","party":"south"');
    expect(problemsOf(twice)).toEqual([expect.objectContaining({ code: 'duplicate-key', field: 'party', line: 1 })]);
    const nested = text.replace('"onRecord":true', '"onRecord":true,"onRecord" : false');
    expect(problemsOf(nested)[0]).toMatchObject({ code: 'duplicate-key', field: 'attribution.onRecord' });
    // A quote holding `":` is not a key; an escaped backslash before a real key's quote does not hide it.
    expect(problemsOf(line({ ...good, quote: 'he said "no": twice' }))).toEqual([]);
    const backslash = line({ ...good, summary: 'ends in \\' }).replace('"party":"north"', '"party":"north","party" :"south"');
    expect(problemsOf(backslash)[0]).toMatchObject({ code: 'duplicate-key', field: 'party' });
  });

  it('the quick duplicate-key test never misses a duplicate (it may send a clean text to the exact scan)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 6 }), fc.constantFrom('', ' ', '\t '), (v, extra, key, space) => {
        const text = JSON.stringify({ [key]: extra, v });
        const parsed = JSON.parse(text) as unknown;
        const keys = keyCount(parsed);
        if (keys >= 0) expect(keyColons(text)).toBeGreaterThanOrEqual(keys);
        expect(duplicateKeyIn(text)).toBeUndefined();
        // The same key again, written with optional space before its colon.
        const twice = `{${JSON.stringify(key)}${space}:0,${text.slice(1)}`;
        const k2 = keyCount(JSON.parse(twice));
        expect(k2 < 0 || keyColons(twice) > k2).toBe(true);
        expect(duplicateKeyIn(twice)).toEqual({ key, path: key });
      }),
    );
  });

  it('reports a value nested too deep to check as a problem, not a RangeError', () => {
    const deep = `${'['.repeat(45_000)}${']'.repeat(45_000)}`;
    const text = line(good).replace('"accepts":["control"]', `"accepts":${deep}`);
    const problems = problemsOf(text);
    expect(problems.length).toBe(1);
    expect(['too-deep', 'bad-field']).toContain(problems[0]!.code);
  });

  it('names duplicate catalog ids', () => {
    const text = (v: unknown) => ({ name: 'x.json', text: JSON.stringify(v) });
    const result = parseCatalog({ terms: text(sampleCatalog.terms), parties: text([...sampleCatalog.parties, sampleCatalog.parties.find((p) => p.role !== 'principal')]), sources: text(sampleCatalog.sources) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toEqual(['duplicate-id']);
  });
});

describe('the domain on a bad date from a library caller', () => {
  it('throws one documented error, ProblemError with code bad-date, never a bare RangeError', () => {
    const log = sampleLog([good]);
    for (const f of [() => stateAt(log, '2024-02-30'), () => requireDayNumber('soon'), () => addDays('x', 1), () => toEntry({ ...good, occurred: '2024-13-01' }, 0)]) {
      const e = thrown(f);
      expect(e).toBeInstanceOf(ProblemError);
      expect((e as ProblemError).problems[0]!.code).toBe('bad-date');
    }
  });

  it('refuses a catalog without exactly two principals with a ProblemError', () => {
    const e = thrown(() => createCatalog(sampleCatalog.terms, sampleCatalog.parties.slice(1), sampleCatalog.sources));
    expect(e).toBeInstanceOf(ProblemError);
    expect((e as ProblemError).problems[0]!.code).toBe('bad-field');
  });
});

describe('the shells map codes in one place each', () => {
  const p = (code: Problem['code']): Problem => ({ file: 'f', code, message: 'm' });
  it('CLI: 1 for bad input or a failed check, 2 for usage, 130 when interrupted', () => {
    expect(exitStatusFor([p('unknown-term')])).toBe(1);
    expect(exitStatusFor([p('check-failed')])).toBe(1);
    expect(exitStatusFor([p('unknown-term'), p('usage')])).toBe(2);
    expect(exitStatusFor([p('usage'), p('interrupted')])).toBe(130);
  });
  it('server: 404 for what is not there, 400 for any other bad request', () => {
    expect(httpStatusFor([p('not-found')])).toBe(404);
    expect(httpStatusFor([p('unknown-event')])).toBe(404);
    expect(httpStatusFor([p('bad-date')])).toBe(400);
  });
});

describe('the README', () => {
  it('lists every problem code in its table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const listed = new Set([...readme.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]));
    for (const code of problemCodes) expect(listed, `README lacks a row for ${code}`).toContain(code);
  });
});
