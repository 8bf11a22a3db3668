// The yardstick for loading: a bare script that reads JSONL files and
// JSON.parses each line, nothing else. `node dist/bench/bare-read.js FILE...`
import { createReadStream } from 'node:fs';

let lines = 0;
for (const file of process.argv.slice(2)) {
  let carry = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = carry + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
      if (end > start) {
        JSON.parse(text.slice(start, end));
        lines++;
      }
    }
    carry = text.slice(start);
  }
  if (carry.trim() !== '') {
    JSON.parse(carry);
    lines++;
  }
}
process.stdout.write(`${lines} lines\n`);
