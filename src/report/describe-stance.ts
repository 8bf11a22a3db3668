// One wording for what a position or claim says, in every output: what the
// party accepts and what it rejects; options in neither list are unknown.
import type { PositionContent } from '../model/replay-state.js';

/** "accepts a|b; rejects c", "rejects c", with option ids by default or the catalog's labels. Pure. */
export function describeStance(p: Pick<PositionContent, 'accepts' | 'rejects'>, label: (option: string) => string = (o) => o, separator = '|'): string {
  const parts: string[] = [];
  if (p.accepts.length > 0) parts.push(`accepts ${p.accepts.map(label).join(separator)}`);
  if (p.rejects.length > 0) parts.push(`rejects ${p.rejects.map(label).join(separator)}`);
  return parts.join('; ') || 'no options named';
}
