// The splitter gives the lines of a text however its bytes are cut into
// chunks: inside a line, between "\r" and "\n", inside a multi-byte
// character or a byte-order mark. It holds no more than its cap of one line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineSplitter } from '../src/domain/line-splitter.js';

type Call = ['line', string, number] | ['tooLong', number] | ['badEncoding', number];

/** The calls the splitter makes for `bytes` cut at `cuts`. */
function split(bytes: Uint8Array, cuts: readonly number[] = [], cap = 1000): Call[] {
  const calls: Call[] = [];
  const splitter = lineSplitter(
    {
      line: (text, n) => calls.push(['line', text, n]),
      tooLong: (n) => calls.push(['tooLong', n]),
      badEncoding: (n) => calls.push(['badEncoding', n]),
    },
    cap,
  );
  let from = 0;
  for (const at of [...new Set(cuts)].sort((a, b) => a - b).filter((c) => c > 0 && c < bytes.length)) {
    splitter.push(bytes.subarray(from, at));
    from = at;
  }
  splitter.push(bytes.subarray(from));
  splitter.end();
  return calls;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** What a reader of the whole text would see: its lines, CR before LF dropped, no empty line after a final "\n". */
function expectedLines(text: string): Call[] {
  const parts = text.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts.map((p, i) => ['line', (i === 0 ? p.replace(/^\uFEFF/, '') : p).replace(/\r$/, ''), i + 1]);
}

const lineChars = fc.constantFrom('a', 'é', '€', '😀', '\r', ' ', '"', '{');

describe('splitting bytes into lines', () => {
  it('gives the same lines however the bytes are cut (multi-byte characters, CRLF, BOM, no final newline)', () => {
    const text = fc.tuple(fc.boolean(), fc.array(fc.string({ unit: lineChars, maxLength: 12 }), { maxLength: 8 }), fc.boolean())
      .map(([bom, lines, final]) => `${bom ? '\uFEFF' : ''}${lines.join('\n')}${final ? '\n' : ''}`);
    fc.assert(
      fc.property(text, fc.array(fc.nat(200), { maxLength: 10 }), (t, cuts) => {
        expect(split(utf8(t), cuts)).toEqual(expectedLines(t));
      }),
    );
  });

  it('joins a multi-byte character cut between two chunks, at every cut', () => {
    const bytes = utf8('{"x":"€😀"}\n{"y":1}');
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(split(bytes, [cut])).toEqual([['line', '{"x":"€😀"}', 1], ['line', '{"y":1}', 2]]);
    }
  });

  it('drops CR before LF, a byte-order mark cut in two, and keeps a last line without newline', () => {
    expect(split(utf8('\uFEFFa\r\nb\r\nc'), [1, 2, 4])).toEqual([['line', 'a', 1], ['line', 'b', 2], ['line', 'c', 3]]);
  });

  it('gives nothing for an empty file, and numbers blank lines', () => {
    expect(split(new Uint8Array(0))).toEqual([]);
    expect(split(utf8('\n\nx\n'))).toEqual([['line', '', 1], ['line', '', 2], ['line', 'x', 3]]);
  });

  it('reports a line over the cap without holding it, and goes on with the next line', () => {
    const long = 'x'.repeat(50);
    // Cut in small chunks, so the cap is crossed while the line is still unfinished.
    const cuts = Array.from({ length: 20 }, (_, i) => i * 7);
    expect(split(utf8(`ok\n${long}\nnext\n${long}`), cuts, 10)).toEqual([['line', 'ok', 1], ['tooLong', 2], ['line', 'next', 3], ['tooLong', 4]]);
    // A line is allowed exactly the cap, whole or in pieces.
    expect(split(utf8('0123456789\n'), [3], 10)).toEqual([['line', '0123456789', 1]]);
    expect(split(utf8('0123456789A\n'), [], 10)).toEqual([['tooLong', 1]]);
  });

  it('names the line of bytes that are not UTF-8 and reads nothing after it', () => {
    const bytes = new Uint8Array([...utf8('a\nb'), 0xe9, ...utf8('c\nd\n')]);
    for (const cuts of [[], [3], [4], [1, 2, 5]]) expect(split(bytes, cuts)).toEqual([['line', 'a', 1], ['badEncoding', 2]]);
    // A character cut at the end of the input is not UTF-8 either.
    expect(split(utf8('€').subarray(0, 2))).toEqual([['badEncoding', 1]]);
  });
});
