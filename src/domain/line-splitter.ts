// Bytes in chunks to lines of text, for a file read piece by piece: a line may
// be split anywhere, also inside a multi-byte UTF-8 character, and is decoded
// only once whole. No chunk size or file size is too large; a line is held
// only up to a cap, so a file without newlines cannot exhaust memory.
import { Buffer, isUtf8 } from 'node:buffer';
import { eachLine } from './text-lines.js';

/** Where the lines of one file go. */
export interface LineSink {
  /** A whole line of valid UTF-8 (no "\n", no "\r" before it, no byte-order mark), numbered from 1. */
  line(text: string, n: number): void;
  /** Line `n` is longer than the cap: its bytes were dropped. */
  tooLong(n: number, maxBytes: number): void;
  /** Line `n` holds bytes that are not UTF-8; nothing after it is read. */
  badEncoding(n: number): void;
}

export interface LineSplitter {
  /** Feeds the next bytes; the splitter copies what it keeps, so the caller may reuse `chunk`. False: it wants no more (bytes that are not UTF-8). */
  push(chunk: Uint8Array): boolean;
  /** The input ended: the last line, if it had no "\n", is emitted. */
  end(): void;
}

const NL = 0x0a;

/**
 * A splitter that emits each line of the bytes pushed into it to `sink`,
 * holding at most `maxLineBytes` of an unfinished line. Deterministic: the
 * same bytes give the same calls however they are cut into chunks. No I/O.
 */
export function lineSplitter(sink: LineSink, maxLineBytes: number): LineSplitter {
  let carry: Buffer[] = [];
  let carryBytes = 0;
  /** The current line went over the cap: its bytes are skipped up to its "\n". */
  let skipping = false;
  let next = 1;
  let stopped = false;

  const emit = (text: string, n: number) => sink.line(n === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, n);

  /** Complete lines, "\n"-separated, with no "\n" after the last one. */
  function lines(bytes: Buffer): void {
    if (isUtf8(bytes)) {
      next += eachLine(bytes.toString('utf8'), next, emit);
      return;
    }
    // Rare: find the line that is not UTF-8, after emitting the ones before it.
    for (let start = 0; ; ) {
      const nl = bytes.indexOf(NL, start);
      const line = bytes.subarray(start, nl < 0 ? bytes.length : nl);
      if (!isUtf8(line)) {
        sink.badEncoding(next);
        stopped = true;
        return;
      }
      next += eachLine(line.toString('utf8'), next, emit);
      if (nl < 0) return;
      start = nl + 1;
    }
  }

  /** The held start of a line plus `tail` make one whole line. */
  function finishLine(tail: Buffer): void {
    if (skipping || carryBytes + tail.length > maxLineBytes) {
      sink.tooLong(next++, maxLineBytes);
    } else {
      lines(carry.length === 0 ? tail : Buffer.concat([...carry, tail]));
    }
    carry = [];
    carryBytes = 0;
    skipping = false;
  }

  function hold(part: Buffer): void {
    if (part.length === 0 || skipping) return;
    if (carryBytes + part.length > maxLineBytes) {
      skipping = true;
      carry = [];
      carryBytes = 0;
      return;
    }
    carry.push(Buffer.from(part));
    carryBytes += part.length;
  }

  return {
    push(chunk) {
      if (stopped) return false;
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const first = bytes.indexOf(NL);
      if (first < 0) {
        hold(bytes);
        return true;
      }
      finishLine(bytes.subarray(0, first));
      const last = bytes.lastIndexOf(NL);
      // Every line between the first and the last "\n" is whole: decoded in one go.
      if (!stopped && last > first) lines(bytes.subarray(first + 1, last));
      if (!stopped) hold(bytes.subarray(last + 1));
      return !stopped;
    },
    end() {
      if (!stopped && (skipping || carryBytes > 0)) finishLine(Buffer.alloc(0));
      stopped = true;
    },
  };
}
