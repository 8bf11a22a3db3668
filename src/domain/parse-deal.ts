// Reads a deal spec (deal.json) against its schema and the catalog's terms.
import type { Catalog } from './catalog-schema.js';
import { type DealSpec, dealSpecSchema, dealTermProblems } from './deal-spec.js';
import { type TextFile, parseJsonFile } from './parse-log.js';
import type { Result } from './problem.js';

/** A deal spec from its file text, checked against the catalog's term ids; one problem per fault. Pure. */
export function parseDealFile(file: TextFile, catalog: Pick<Catalog, 'termById'>): Result<DealSpec> {
  const parsed = parseJsonFile(file, dealSpecSchema);
  if (!parsed.ok) return parsed;
  const problems = dealTermProblems(parsed.value, new Set(catalog.termById.keys())).map((p) => ({ file: file.name, ...p }));
  return problems.length > 0 ? { ok: false, problems } : parsed;
}

/** The catalog with its deal replaced. Pure. */
export const withDeal = <C extends Catalog>(catalog: C, deal: DealSpec): C => ({ ...catalog, deal });
