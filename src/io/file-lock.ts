// An advisory lock beside a file (`<file>.lock`), so that two parley processes
// writing the same file take turns. Written here rather than taken from
// proper-lockfile: that one judges staleness by mtime (a killed writer blocks
// others for its whole stale period), while a lock that records its owner's pid
// can be broken the moment the owner is known to be dead.
import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FileLock {
  readonly path: string;
  /** True while the lock file still holds this lock's token (nobody broke it). */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

export class LockTimeout extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: string,
  ) {
    super(`${lockPath} is held by ${owner}`);
  }
}

interface Owner {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
}

function parseOwner(text: string): Owner | undefined {
  try {
    const o = JSON.parse(text) as Partial<Owner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.token === 'string' ? (o as Owner) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this id runs on this host. Not pure. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock is stale when its owner ran on this host and is dead. A lock from
 * another host, or one whose content is unreadable, is never broken here: the
 * owner may be writing it (a half-written lock file is a second or so old at
 * most) or alive elsewhere.
 */
function isStale(owner: Owner | undefined): boolean {
  return owner !== undefined && owner.host === hostname() && !isAlive(owner.pid);
}

/** A breaker that died holding the guard leaves it behind; breaking takes milliseconds, so one this old is left over. */
const GUARD_STALE_MS = 10_000;

/**
 * Breaks a stale lock without stealing a fresh one; false when another
 * process is breaking it. Breakers take turns under
 * a guard file (`<lock>.break`, O_EXCL), and the lock is removed only if it
 * still holds the dead owner's token: the dead owner cannot release it, other
 * breakers wait on the guard, and nobody can take a lock that still exists, so
 * the file cannot change between that check and the unlink. (Moving the lock
 * aside and back, as this did before, lost a fresh lock whenever a third
 * process took the name in between.)
 */
async function breakStale(lockPath: string, stale: Owner): Promise<boolean> {
  const guard = `${lockPath}.break`;
  try {
    await (await open(guard, 'wx')).close();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const age = await stat(guard).then((st) => Date.now() - st.mtimeMs, () => 0);
    if (age > GUARD_STALE_MS) await unlink(guard).catch(() => undefined);
    return false; // another process is breaking it; look again after the back-off
  }
  try {
    const current = parseOwner(await readFile(lockPath, 'utf8').catch(() => ''));
    if (current?.token === stale.token) await unlink(lockPath).catch(() => undefined);
    return true;
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

/**
 * Takes the lock of `path`, waiting up to `timeoutMs` for its holder; breaks
 * the lock of a dead process on this host. Not pure: creates `<path>.lock`
 * with O_EXCL.
 */
export async function acquireLock(path: string, options: { timeoutMs?: number } = {}): Promise<FileLock> {
  const lockPath = `${path}.lock`;
  const me: Owner = { pid: process.pid, host: hostname(), token: randomBytes(12).toString('hex') };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(JSON.stringify(me));
      } finally {
        await handle.close();
      }
      return {
        path: lockPath,
        stillHeld: async () => parseOwner(await readFile(lockPath, 'utf8').catch(() => ''))?.token === me.token,
        release: async () => {
          const current = parseOwner(await readFile(lockPath, 'utf8').catch(() => ''));
          if (current?.token === me.token) await unlink(lockPath).catch(() => undefined);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = parseOwner(await readFile(lockPath, 'utf8').catch(() => ''));
    if (owner !== undefined && isStale(owner)) {
      if (await breakStale(lockPath, owner)) continue;
    }
    if (Date.now() > deadline) throw new LockTimeout(lockPath, owner === undefined ? 'an unknown process' : `process ${owner.pid} on ${owner.host}`);
    // Jittered back-off so that many waiters do not retry in lock-step.
    await sleep(Math.min(200, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
  }
}
