// The yardstick for loading: a bare script that reads JSONL files and
// JSON.parses each line, nothing else: `node dist/bench/bare-read.js FILE...`.
// With --fold first, it then puts the events in the log's order and replays
// them through the hand-written fold (hand-reducer.ts) against the catalog
// beside the first file, with no validation, no model and no output: about
// the least a `parley state --log` could take with these semantics, so the
// benchmark can say how much of state's time is the replay's own.
import { dirname } from 'node:path';
import { createReadStream } from 'node:fs';
import type { ParleyEvent } from '../domain/event-schema.js';
import { sortEntries, toEntry } from '../domain/ordering.js';
import { loadCatalog } from '../io/read-log.js';
import { handReplay, handView } from './hand-reducer.js';

const fold = process.argv[2] === '--fold';
const files = process.argv.slice(fold ? 3 : 2);
const events: unknown[] = [];
let lines = 0;
for (const file of files) {
  let carry = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = carry + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
      if (end > start) {
        const value: unknown = JSON.parse(text.slice(start, end));
        if (fold) events.push(value);
        lines++;
      }
    }
    carry = text.slice(start);
  }
  if (carry.trim() !== '') {
    const value: unknown = JSON.parse(carry);
    if (fold) events.push(value);
    lines++;
  }
}
if (fold && files[0] !== undefined) {
  const catalog = await loadCatalog(dirname(files[0]));
  if (!catalog.ok) throw new Error('no catalog beside the log');
  // The benchmark's logs are valid (they are written from validated events), so they are taken as such.
  const entries = sortEntries((events as ParleyEvent[]).map((e, i) => toEntry(e, i + 1)));
  handView(handReplay(entries, catalog.value), catalog.value);
}
process.stdout.write(`${lines} lines\n`);
