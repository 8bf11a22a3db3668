// The one way parley changes a file a user keeps: under the file's lock, read
// what is there now, decide the new content from it, and replace the file
// atomically. Deciding under the lock is what makes concurrent writers safe:
// each sees the line the previous one added.
import { lstat, readFile } from 'node:fs/promises';
import { type CodedProblem, codedProblem } from '../domain/coded-problem.js';
import { LockTimeout, acquireLock } from './file-lock.js';
import { removeLeftoverTemps, writeFileAtomically } from './atomic-write.js';
import { displayPath } from './read-log.js';

/** Files parley will rewrite; a log this large should be split by source anyway. */
export const MAX_WRITABLE_BYTES = 256 * 1024 * 1024;

export type Decision<T> = { ok: true; text: string; value: T } | { ok: false; problems: CodedProblem[] };
export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: CodedProblem[] };

async function regularFile(path: string): Promise<{ ok: true; mode: number } | { ok: false; problems: CodedProblem[] }> {
  const file = displayPath(path);
  try {
    // lstat: renaming over a symbolic link would replace the link, not the file it points to.
    const s = await lstat(path);
    if (!s.isFile()) return { ok: false, problems: [codedProblem('not-a-file', { file }, `${s.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; parley writes only regular files`)] };
    if (s.size > MAX_WRITABLE_BYTES) return { ok: false, problems: [codedProblem('too-large', { file }, `larger than ${MAX_WRITABLE_BYTES} bytes; split it`)] };
    return { ok: true, mode: s.mode & 0o7777 };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, problems: [codedProblem(code === 'ENOENT' ? 'not-found' : 'unreadable', { file }, code === 'ENOENT' ? 'no such file' : `cannot read: ${(e as Error).message}`)] };
  }
}

/**
 * Reads `path` under its lock, asks `decide` for the new text, and writes it
 * atomically: afterwards the file holds either its old text or the decided
 * text, whatever happens to the process. Not pure.
 */
export async function updateFile<T>(path: string, decide: (current: string) => Promise<Decision<T>>, options: { lockTimeoutMs?: number } = {}): Promise<Outcome<T>> {
  const before = await regularFile(path);
  if (!before.ok) return before;
  let lock;
  try {
    lock = await acquireLock(path, { timeoutMs: options.lockTimeoutMs });
  } catch (e) {
    if (e instanceof LockTimeout) {
      return { ok: false, problems: [codedProblem('locked', { file: displayPath(path) }, `another parley is writing this file (${e.owner} holds ${displayPath(e.lockPath)}); try again, or delete the lock file if no parley is running`)] };
    }
    throw e;
  }
  try {
    await removeLeftoverTemps(path);
    // Checked again under the lock: the file may have been replaced while we waited.
    const now = await regularFile(path);
    if (!now.ok) return now;
    const decision = await decide(await readFile(path, 'utf8'));
    if (!decision.ok) return decision;
    if (!(await lock.stillHeld())) return { ok: false, problems: [codedProblem('lock-lost', { file: displayPath(path) }, 'the lock was broken while deciding; nothing was written; try again')] };
    await writeFileAtomically(path, decision.text, now.mode);
    return { ok: true, value: decision.value };
  } finally {
    await lock.release();
  }
}

/** `text` with `line` added as its last line (after a line break the text may lack). Pure. */
export function withLine(text: string, line: string): string {
  return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`;
}

/**
 * Appends the line `decide` returns for the file's current text, under the
 * file's lock and atomically (see updateFile). Not pure.
 */
export async function appendLine<T>(path: string, decide: (current: string) => Promise<{ ok: true; line: string; value: T } | { ok: false; problems: CodedProblem[] }>, options: { lockTimeoutMs?: number } = {}): Promise<Outcome<T>> {
  return updateFile(path, async (current) => {
    const d = await decide(current);
    return d.ok ? { ok: true, text: withLine(current, d.line), value: d.value } : d;
  }, options);
}
