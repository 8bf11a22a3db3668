import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendLine, withLine } from '../src/io/append-line.js';
import { LockTimeout, acquireLock } from '../src/io/file-lock.js';

async function tempFile(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'parley-append-')), 'log.jsonl');
  await writeFile(path, text);
  return path;
}

/** The id of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('appending a line', () => {
  it('adds a line break the text lacks, and only then', () => {
    expect(withLine('', 'a')).toBe('a\n');
    expect(withLine('a\n', 'b')).toBe('a\nb\n');
    expect(withLine('a', 'b')).toBe('a\nb\n');
  });

  it('lets concurrent appends in one process take turns: every line arrives, each decided on the text before it', async () => {
    const path = await tempFile('');
    await Promise.all(Array.from({ length: 10 }, (_, i) => appendLine(path, async (current) => ({ ok: true, line: `${i}:${current.split('\n').length - 1}`, value: i }))));
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(10);
    // Each writer saw exactly the lines written before it.
    expect(lines.map((l) => Number(l.split(':')[1]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await readdir(join(path, '..'))).toEqual(['log.jsonl']);
  });

  it('writes nothing when the decision is a refusal', async () => {
    const path = await tempFile('a\n');
    const r = await appendLine(path, async () => ({ ok: false, problems: [{ file: 'log.jsonl', code: 'duplicate-id' as const, message: 'no' }] }));
    expect(r.ok).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('a\n');
  });

  it('refuses what is not a regular file', async () => {
    const path = await tempFile('');
    const r = await appendLine(join(path, '..'), async () => ({ ok: true, line: 'x', value: 0 }));
    expect(r).toMatchObject({ ok: false, problems: [{ code: 'not-a-file' }] });
  });
});

describe('the file lock', () => {
  it('breaks the lock of a dead process at once', async () => {
    const path = await tempFile('');
    await writeFile(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), token: 'stale' }));
    const lock = await acquireLock(path, { timeoutMs: 1000 });
    expect(await lock.stillHeld()).toBe(true);
    await lock.release();
    expect(await readdir(join(path, '..'))).toEqual(['log.jsonl']);
  });

  it('waits for a live holder and gives up with the holder named', async () => {
    const path = await tempFile('');
    const held = await acquireLock(path);
    await expect(acquireLock(path, { timeoutMs: 50 })).rejects.toBeInstanceOf(LockTimeout);
    await held.release();
    await (await acquireLock(path, { timeoutMs: 50 })).release();
  });
});
