// The streaming reader on real files: lines cut by its reads (here over
// several of its 1 MiB chunks, with multi-byte characters at every offset),
// a line over the cap, and the refusals of anything that is not a regular file.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LineSink } from '../src/domain/line-splitter.js';
import { readLines } from '../src/io/read-lines.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-read-lines-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Every call the reader makes, and the problems it resolves to. */
async function read(path: string, cap?: number) {
  const lines: [number, string][] = [];
  const others: string[] = [];
  const sink: LineSink = { line: (t, n) => lines.push([n, t]), tooLong: (n) => others.push(`too long ${n}`), badEncoding: (n) => others.push(`bad ${n}`) };
  const problems = await readLines(path, sink, cap);
  return { lines, others, problems };
}

describe('reading a file line by line', () => {
  it('gives every line of a file larger than one read, whatever characters fall on the read boundaries', async () => {
    // Line lengths in bytes are not multiples of anything, so the 1 MiB boundaries fall inside "€" and "😀" somewhere.
    const written = Array.from({ length: 60_000 }, (_, i) => `{"n":${i},"s":"${'€😀é'.repeat(i % 7)}"}`);
    const path = join(dir, 'big.jsonl');
    await writeFile(path, `${written.join('\r\n')}\r\n`);
    const { lines, others, problems } = await read(path);
    expect(problems).toEqual([]);
    expect(others).toEqual([]);
    expect(lines.length).toBe(written.length);
    expect(lines.every(([n, t]) => t === written[n - 1])).toBe(true);
  });

  it('reports a line over the cap by number and reads on', async () => {
    const path = join(dir, 'long.jsonl');
    await writeFile(path, `a\n${'x'.repeat(3 << 20)}\nb`);
    const { lines, others } = await read(path, 1000);
    expect(others).toEqual(['too long 2']);
    expect(lines).toEqual([[1, 'a'], [3, 'b']]);
  });

  it('gives nothing for an empty file', async () => {
    const path = join(dir, 'empty.jsonl');
    await writeFile(path, '');
    expect(await read(path)).toEqual({ lines: [], others: [], problems: [] });
  });

  it('refuses a FIFO, a folder and a missing file, reading no line', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    for (const [path, code] of [[join(dir, 'fifo'), 'not-a-file'], [dir, 'not-a-file'], [join(dir, 'none'), 'not-found']] as const) {
      const { lines, problems } = await read(path);
      expect(lines).toEqual([]);
      expect(problems.map((p) => p.code)).toEqual([code]);
    }
  });
});
