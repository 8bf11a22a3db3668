// Reads one user-named file as text, refusing what would hang or exhaust
// memory: anything that is not a regular file (a folder, a FIFO, /dev/zero),
// a file over a size cap, bytes that are not UTF-8. Every failure is a Problem.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { relative } from 'node:path';
import type { TextFile } from '../domain/parse-log.js';
import type { Problem, Result } from '../domain/problem.js';

/** The largest file parley reads whole (catalogs, scenarios, documents, standard input); event files are streamed (read-lines.ts). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** A path as the user should see it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') ? rel : path;
}

/** A Problem for a failed file-system call, by its error code. Pure. */
export function fileSystemProblem(file: string, e: unknown, what = 'file'): Problem {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { file, code: 'not-found', message: `no such ${what}` };
  if (code === 'EACCES' || code === 'EPERM') return { file, code: 'unreadable', message: `cannot read the ${what}: permission denied` };
  if (code === 'EISDIR') return { file, code: 'not-a-file', message: 'is a folder', expected: 'a regular file' };
  if (code === 'ENOTDIR') return { file, code: 'not-a-file', message: 'a path through something that is not a folder' };
  return { file, code: 'unreadable', message: `cannot read the ${what}: ${code ?? (e as Error).message}` };
}

/** What a path that is not a regular file is, for a problem. Pure. */
export function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text, or a problem naming the line of the first invalid UTF-8 sequence. Pure. */
export function decodeUtf8(name: string, bytes: Uint8Array): Result<string> {
  try {
    return { ok: true, value: utf8.decode(bytes) };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    const line = loose.slice(0, at).split('\n').length;
    return { ok: false, problems: [{ file: name, line, code: 'bad-encoding', message: 'bytes that are not valid UTF-8', expected: 'a UTF-8 text file' }] };
  }
}

/** The path that means standard input, as in most command-line tools. */
export const STDIN = '-';
/** Standard input's name in problems. */
export const STDIN_NAME = '<stdin>';

let stdinBytes: Promise<Result<Uint8Array>> | undefined;

/** Whether standard input has been asked for: once it has, a run of the same command line in a child would find it used up. Reads no input. */
export function stdinRead(): boolean {
  return stdinBytes !== undefined;
}

/** Standard input, read once (a second "-" gets the same text), at most `limit` bytes. */
export function readStdin(limit: number): Promise<Result<Uint8Array>> {
  stdinBytes ??= new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = (): Result<Uint8Array> => ({ ok: false, problems: [{ file: STDIN_NAME, code: 'too-large', message: `more than ${limit} bytes`, expected: `at most ${limit} bytes` }] });
    process.stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        process.stdin.destroy();
        resolve(tooLarge());
      } else chunks.push(chunk);
    });
    process.stdin.on('end', () => resolve({ ok: true, value: Buffer.concat(chunks) }));
    process.stdin.on('error', (e) => resolve({ ok: false, problems: [fileSystemProblem(STDIN_NAME, e)] }));
  });
  return stdinBytes;
}

function textOf(name: string, bytes: Uint8Array): Result<TextFile> {
  const text = decodeUtf8(name, bytes);
  if (!text.ok) return text;
  // Some editors start UTF-8 files with a byte-order mark; it is not part of the data.
  return { ok: true, value: { name, text: text.value.charCodeAt(0) === 0xfeff ? text.value.slice(1) : text.value } };
}

/**
 * Reads a regular file of at most `limit` bytes as UTF-8 text (a leading
 * byte-order mark dropped); "-" reads standard input. A file is opened
 * non-blocking and checked on the open handle, so a FIFO is refused rather
 * than waited on.
 */
export async function readText(path: string, limit = MAX_FILE_BYTES): Promise<Result<TextFile>> {
  if (path === STDIN) {
    const bytes = await readStdin(limit);
    return bytes.ok ? textOf(STDIN_NAME, bytes.value) : bytes;
  }
  const name = displayPath(path);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, problems: [fileSystemProblem(name, e)] };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, problems: [{ file: name, code: 'not-a-file', message: `is ${kindOf(stats)}`, expected: 'a regular file' }] };
    if (stats.size > limit) return { ok: false, problems: [{ file: name, code: 'too-large', message: `${stats.size} bytes`, expected: `at most ${limit} bytes` }] };
    const bytes = await handle.readFile();
    if (bytes.length > limit) return { ok: false, problems: [{ file: name, code: 'too-large', message: `more than ${limit} bytes`, expected: `at most ${limit} bytes` }] };
    return textOf(name, bytes);
  } catch (e) {
    return { ok: false, problems: [fileSystemProblem(name, e)] };
  } finally {
    await handle.close();
  }
}
