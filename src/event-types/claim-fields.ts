// Fields and checks shared by the event types that carry a claim about a
// party's stance: positions, concessions, responses to proposals.
import { z } from 'zod';
import type { Catalog } from '../domain/catalog-schema.js';
import { checkOptions, checkTerm, type ReferenceProblem } from '../domain/reference-checks.js';

/**
 * Set when the claim is not what the quote says in so many words but what the
 * log's author read into it: one line naming the rule applied. Shown with the
 * claim wherever it appears.
 */
export const inferenceField = z.string().min(1).max(300).optional();

/** accepts/rejects on a term: ladder options that exist, neither list repeating the other. */
export function checkStance(problems: ReferenceProblem[], catalog: Catalog, e: { readonly term: string; readonly accepts: readonly string[]; readonly rejects: readonly string[] }): void {
  if (!checkTerm(problems, catalog, 'term', e.term)) return;
  checkOptions(problems, catalog, 'accepts', e.term, e.accepts);
  checkOptions(problems, catalog, 'rejects', e.term, e.rejects);
  for (let i = 0; i < e.rejects.length; i++) {
    if (e.accepts.includes(e.rejects[i]!)) problems.push({ code: 'bad-field', field: `rejects[${i}]`, message: `"${e.rejects[i]}" is also in accepts; an option is accepted or rejected, not both` });
  }
}
