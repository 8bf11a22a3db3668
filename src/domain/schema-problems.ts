// Turns a schema's complaints into Problems that name the field and say what
// was expected, in the user's terms: a missing field says "missing", never
// "expected string, received undefined".
import type { z } from 'zod';
import { type Problem, type ProblemCode, fieldPath, quoted } from './problem.js';

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** The value at `path` in `input`, and whether its parent holds the key at all. */
function lookup(input: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let node: unknown = input;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return { present: false, value: undefined };
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return { present: true, value: node };
}

function expectedOf(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_type') return article(issue.expected);
  if (issue.code === 'invalid_value') return issue.values.length === 1 ? quoted(issue.values[0]) : `one of ${issue.values.map((v) => String(v)).join(', ')}`;
  return undefined;
}

/** One Problem for one schema issue; `input` is what was validated, to tell a missing field from a wrong one. Pure. */
export function issueToProblem(issue: z.core.$ZodIssue, input: unknown, at: Omit<Problem, 'message' | 'field' | 'code'>): Problem {
  const field = fieldPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const code: ProblemCode = 'unknown-field';
    return { ...at, code, field, message: `unknown field(s) ${issue.keys.map((k) => quoted(k)).join(', ')}` };
  }
  const expected = expectedOf(issue);
  const { present, value } = lookup(input, issue.path);
  // A key holding undefined (from a JavaScript caller) is as missing as an absent one.
  if ((!present || value === undefined) && issue.path.length > 0 && lookup(input, issue.path.slice(0, -1)).present) {
    return { ...at, code: 'missing-field', field, message: 'missing', ...(expected ? { expected } : {}) };
  }
  // A schema's own wording (a refinement, a custom message) says more than "got X".
  const ownWords = !/^Invalid (input|option)/.test(issue.message);
  if (expected !== undefined && !ownWords) return { ...at, code: 'bad-field', field, message: `got ${quoted(value)}`, expected };
  return { ...at, code: 'bad-field', field, message: issue.message.replace(/^Invalid input: /, '') };
}

/** Problems for every issue of a failed parse, in the schema's order. Pure. */
export function issuesToProblems(error: z.ZodError, input: unknown, at: Omit<Problem, 'message' | 'field' | 'code'>): Problem[] {
  return error.issues.map((issue) => issueToProblem(issue, input, at));
}
