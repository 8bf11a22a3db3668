// Replacing a file so that a crash at any moment leaves either the old content
// or the new, never a mix: write a temporary file in the same folder, fsync it,
// rename it over the original (atomic on POSIX), then fsync the folder so the
// rename itself survives a power cut.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isAlive } from './file-lock.js';

const tempPrefix = (path: string) => `.${basename(path)}.`;
const TEMP_SUFFIX = '.tmp';

/** Temporary files are named `.<file>.<pid>.<random>.tmp`: hidden, and never `*.jsonl`, so no loader reads them. */
function tempPathFor(path: string): string {
  return join(dirname(path), `${tempPrefix(path)}${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

async function fsyncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot open or sync a folder; the rename is still atomic there.
  } finally {
    await handle?.close();
  }
}

/**
 * A hook for the crash test only: with PARLEY_TEST_HOOK=pause-after-temp the
 * process stops after the temporary file is durable and before the rename,
 * says so on stderr, and waits to be killed.
 */
async function testPause(tempPath: string): Promise<void> {
  if (process.env.PARLEY_TEST_HOOK !== 'pause-after-temp') return;
  process.stderr.write(`parley: test hook: paused after writing ${basename(tempPath)}\n`);
  await new Promise(() => setInterval(() => undefined, 60_000));
}

/**
 * Replaces `path` with `text` atomically and durably, keeping the file's
 * permission bits (`mode`). Not pure. The caller holds the file's lock.
 */
export async function writeFileAtomically(path: string, text: string, mode: number): Promise<void> {
  const temp = tempPathFor(path);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.chmod(mode);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  await testPause(temp);
  try {
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await fsyncDirectory(dirname(path));
}

/**
 * Removes temporary files a killed writer of `path` left behind (those whose
 * process is gone). Not pure. Call it while holding the file's lock.
 */
export async function removeLeftoverTemps(path: string): Promise<void> {
  const prefix = tempPrefix(path);
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}
