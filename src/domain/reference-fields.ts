// Which fields of an event name something in the catalog, by field name: a
// field called `party` always holds a party id, `term` a term id, and so on.
// Used to offer choices when prompting and "did you mean" on near misses; the
// checks themselves live with each event type (src/event-types/).
import type { Catalog } from './catalog-schema.js';

export type CatalogKind = 'party' | 'term' | 'source' | 'option';

const kindByField = new Map<string, CatalogKind>([
  ['party', 'party'],
  ['by', 'party'],
  ['about', 'party'],
  ['mediators', 'party'],
  ['term', 'term'],
  ['source', 'source'],
  ['accepts', 'option'],
  ['rejects', 'option'],
  ['adds', 'option'],
  ['prefers', 'option'],
]);

/** The catalog kind a field (its last name: `attribution.party` -> party) refers to, if any. Pure. */
export function catalogKindOf(field: string): CatalogKind | undefined {
  const name = field.replace(/\[\d+\]/g, '').split('.').pop() ?? '';
  return kindByField.get(name);
}

/** The ids of a kind in the catalog; options are those of `term` (all terms' options when none is known). Pure. */
export function catalogIds(catalog: Catalog, kind: CatalogKind, term?: string): readonly string[] {
  switch (kind) {
    case 'party':
      return catalog.parties.map((p) => p.id);
    case 'term':
      return catalog.terms.map((t) => t.id);
    case 'source':
      return catalog.sources.map((s) => s.id);
    case 'option': {
      const known = term === undefined ? undefined : catalog.termById.get(term);
      return known !== undefined ? known.ladder.map((o) => o.id) : catalog.terms.flatMap((t) => t.ladder.map((o) => o.id));
    }
  }
}
