// The queries of the largest log in a process of their own:
// `node --expose-gc --max-old-space-size=12288 dist/bench/largest-queries.js QUERIES`
// writes the rows of benchLargestQueries to stdout, one JSON object a line.
// main.ts (--largest) starts it and prints its rows with its own.
import { bundledEventsDir, loadCatalog } from '../io/read-log.js';
import { benchLargestQueries } from './query-bench.js';

const catalog = await loadCatalog(bundledEventsDir);
if (!catalog.ok) throw new Error('cannot load the bundled catalog');
benchLargestQueries(catalog.value, { row: (r) => process.stdout.write(`${JSON.stringify(r)}\n`), queries: Number(process.argv[2] ?? 1000), quick: false });
