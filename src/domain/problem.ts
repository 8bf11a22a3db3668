// A problem found in user input, precise enough to fix without reading code.
export interface Problem {
  readonly file: string;
  /** 1-based line, for line-oriented files. */
  readonly line?: number;
  readonly eventId?: string;
  /** Dotted path of the offending field. */
  readonly field?: string;
  readonly message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const parts = [where];
  if (p.eventId !== undefined) parts.push(`event ${p.eventId}`);
  if (p.field !== undefined && p.field !== '') parts.push(`field "${p.field}"`);
  return `${parts.join(': ')}: ${p.message}`;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join('');
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
