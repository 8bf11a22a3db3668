// Streams an event file line by line into a sink, so a log of any size is read
// in a chunk and one line of memory. The same refusals as reading a file whole:
// anything that is not a regular file, bytes that are not UTF-8, and a line
// longer than a cap; every failure is a Problem.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { type LineSink, lineSplitter } from '../domain/line-splitter.js';
import { MAX_LINE_LENGTH } from '../domain/parse-log.js';
import type { Problem } from '../domain/problem.js';
import { MAX_FILE_BYTES, STDIN, STDIN_NAME, displayPath, fileSystemProblem, kindOf, readStdin } from './read-text.js';

/**
 * The most bytes of one line held while reading: a line of MAX_LINE_LENGTH
 * UTF-16 units is at most 3 bytes a unit, so a longer one is over the cap
 * whatever its characters.
 */
const MAX_LINE_BYTES = 3 * MAX_LINE_LENGTH;

/** Bytes read at a time: large enough that a million lines take few reads, small beside the log itself. */
const CHUNK_BYTES = 1 << 20;

/** The name problems give a path: as the user sees it, or "<stdin>" for "-". */
export function nameOf(path: string): string {
  return path === STDIN ? STDIN_NAME : displayPath(path);
}

/**
 * Reads `path` ("-" for standard input, which is read whole up to
 * MAX_FILE_BYTES) and gives each of its lines to `sink`, in order. A file is
 * opened non-blocking and checked on the open handle, so a FIFO is refused
 * rather than waited on; a regular file has no size limit. Resolves to the
 * problems of the file itself (missing, not a regular file, unreadable);
 * problems of lines go to the sink. Not pure: reads the file system.
 */
export async function readLines(path: string, sink: LineSink, maxLineBytes = MAX_LINE_BYTES): Promise<Problem[]> {
  const splitter = lineSplitter(sink, maxLineBytes);
  if (path === STDIN) {
    const bytes = await readStdin(MAX_FILE_BYTES);
    if (!bytes.ok) return [...bytes.problems];
    splitter.push(bytes.value);
    splitter.end();
    return [];
  }
  const name = displayPath(path);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return [fileSystemProblem(name, e)];
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return [{ file: name, code: 'not-a-file', message: `is ${kindOf(stats)}`, expected: 'a regular file' }];
    // One buffer for the whole file: the splitter copies only the unfinished line it holds.
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0 || !splitter.push(buffer.subarray(0, bytesRead))) break;
    }
    splitter.end();
    return [];
  } catch (e) {
    return [fileSystemProblem(name, e)];
  } finally {
    await handle.close();
  }
}
