// Reads the event a script hands to `parley add`: one JSON object, from a file
// or from stdin, with a size cap.
import { resolve } from 'node:path';
import { type CodedProblem, codedProblem } from '../domain/coded-problem.js';
import { readText } from './read-log.js';

export const MAX_EVENT_INPUT_BYTES = 1024 * 1024;

type Read<T> = { ok: true; value: T } | { ok: false; problems: CodedProblem[] };

async function readStdin(): Promise<Read<string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_EVENT_INPUT_BYTES) return { ok: false, problems: [codedProblem('too-large', { file: '(stdin)' }, `more than ${MAX_EVENT_INPUT_BYTES} bytes; an event is one JSON object`)] };
    chunks.push(chunk as Buffer);
  }
  return { ok: true, value: Buffer.concat(chunks).toString('utf8') };
}

/** The JSON object in FILE, or on stdin for "-". Not pure (reads). */
export async function readEventObject(from: string): Promise<Read<Record<string, unknown>>> {
  let name = '(stdin)';
  let text: string;
  if (from === '-') {
    const read = await readStdin();
    if (!read.ok) return read;
    text = read.value;
  } else {
    const read = await readText(resolve(from));
    if (!read.ok) return { ok: false, problems: read.problems.map((p) => ({ ...p, code: 'unreadable' })) };
    ({ name, text } = read.value);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [codedProblem('bad-json', { file: name }, `not valid JSON (${(e as Error).message})`)] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problems: [codedProblem('bad-json', { file: name }, 'expected one JSON object (an event)')] };
  return { ok: true, value: value as Record<string, unknown> };
}
