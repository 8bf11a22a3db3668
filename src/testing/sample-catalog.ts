// A small catalog for tests and examples: two principals, a mediator, three
// terms with short ladders, two sources.
import { type Catalog, createCatalog } from '../domain/catalog-schema.js';

export const sampleCatalog: Catalog = createCatalog(
  [
    { id: 'corridor', label: 'Corridor', axis: 'from control to withdrawal', ladder: [{ id: 'control', label: 'control' }, { id: 'reduced', label: 'reduced presence' }, { id: 'phased', label: 'phased withdrawal' }, { id: 'withdrawal', label: 'full withdrawal' }] },
    { id: 'crossing', label: 'Crossing', axis: 'who operates it', ladder: [{ id: 'control', label: 'control' }, { id: 'mission', label: 'international mission' }, { id: 'local', label: 'local operation' }] },
    { id: 'ceasefire', label: 'Ceasefire', axis: 'from a right to resume to permanent', ladder: [{ id: 'resume', label: 'right to resume' }, { id: 'permanent', label: 'permanent' }] },
  ],
  [
    { id: 'north', name: 'North', role: 'principal' },
    { id: 'south', name: 'South', role: 'principal' },
    { id: 'broker', name: 'Broker', role: 'mediator' },
  ],
  [
    { id: 'daily', outlet: 'The Daily', title: 't', published: '2024-08-01', publishedBasis: 'dated', document: 'daily.txt' },
    { id: 'wire', outlet: 'The Wire', title: 't', published: '2024-08-01', publishedBasis: 'dated', document: 'wire.txt' },
  ],
);
