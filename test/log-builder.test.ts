// A log built line by line is the log parseLog gives for the same text, its
// id index is the one loading built (not rebuilt), and a duplicate id names
// the file and line where the id was first used.
import { describe, expect, it } from 'vitest';
import { logBuilder } from '../src/domain/log-builder.js';
import { parseLog } from '../src/index.js';
import { sampleCatalog } from '../src/testing/index.js';
import { reported } from './helpers/events.js';

const ev = (d: string) => reported(d, { type: 'position.stated', party: 'north', term: 'corridor', accepts: ['control'] });

describe('building a log line by line', () => {
  it('orders the events by the total order and indexes every id to its entry', () => {
    const [a, b, c] = [ev('2024-08-22'), ev('2024-08-20'), ev('2024-08-21')];
    const builder = logBuilder(sampleCatalog);
    const first = builder.file('a.jsonl');
    first.line(JSON.stringify(a), 1);
    first.line('   ', 2);
    first.line(JSON.stringify(b), 3);
    builder.file('b.jsonl').line(JSON.stringify(c), 1);
    const log = builder.finish();
    if (!log.ok) throw new Error(JSON.stringify(log.problems));
    expect(log.value.entries.map((e) => e.event.id)).toEqual([b.id, c.id, a.id]);
    expect([...log.value.byId.keys()].sort()).toEqual([a.id, b.id, c.id].sort());
    for (const e of log.value.entries) expect(log.value.byId.get(e.event.id)).toBe(e);
  });

  it('names where a duplicate id was first used, across several files', () => {
    const [a, b] = [ev('2024-08-20'), ev('2024-08-21')];
    const text = (...events: unknown[]) => events.map((e) => JSON.stringify(e)).join('\n');
    const result = parseLog(sampleCatalog, [
      { name: 'one.jsonl', text: text(a) },
      { name: 'two.jsonl', text: text(b, a) },
      { name: 'three.jsonl', text: `\n\n${text(b)}` },
    ]);
    expect(result.ok ? [] : result.problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'two.jsonl:2 duplicate id; first used at one.jsonl:1',
      'three.jsonl:3 duplicate id; first used at two.jsonl:1',
    ]);
  });

  it('reports lines the reader found too long or not UTF-8 where they are', () => {
    const builder = logBuilder(sampleCatalog);
    const lines = builder.file('x.jsonl');
    lines.line(JSON.stringify(ev('2024-08-20')), 1);
    lines.tooLong(2, 300_000);
    lines.badEncoding(3);
    const result = builder.finish();
    expect(result.ok ? [] : result.problems.map((p) => [p.line, p.code])).toEqual([[2, 'too-large'], [3, 'bad-encoding']]);
  });
});
