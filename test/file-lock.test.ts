// The advisory lock: one holder at a time, a dead holder's lock broken, and a
// fresh lock never broken by a waiter (the race across processes is the 20
// concurrent adds in cli-add.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../src/io/file-lock.js';

/** The id of a process that has exited, so a lock naming it is stale. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('acquireLock', () => {
  it('breaks the lock of a dead process on this host', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'parley-lock-')), 'log.jsonl');
    await writeFile(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), token: 'old' }));
    const lock = await acquireLock(path, { timeoutMs: 5_000 });
    expect(await lock.stillHeld()).toBe(true);
    expect(JSON.parse(await readFile(lock.path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('many waiters behind a stale lock take turns: one holder at a time, none losing its lock', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'parley-lock-')), 'log.jsonl');
    await writeFile(`${path}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), token: 'old' }));
    let holding = 0;
    let most = 0;
    const lost: number[] = [];
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const lock = await acquireLock(path, { timeoutMs: 20_000 });
        holding++;
        most = Math.max(most, holding);
        // Hold it across a few turns of the event loop, as a writer does, so waiters look at it meanwhile.
        for (let k = 0; k < 5; k++) await new Promise((r) => setTimeout(r, 1));
        if (!(await lock.stillHeld())) lost.push(i);
        holding--;
        await lock.release();
      }),
    );
    expect(lost).toEqual([]);
    expect(most).toBe(1);
  }, 30_000);
});
