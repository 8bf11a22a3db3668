// Preloaded into a benchmarked child process (node --import): when it exits,
// it appends its peak resident memory in bytes, as a line, to the file named
// by PARLEY_BENCH_MAX_RSS, which the benchmark reads. A file rather than a
// descriptor: a command that runs itself again with a larger heap
// (cli/heap-size.ts) passes on its flags and environment, not its
// descriptors, so its child reports too, and the benchmark takes the larger.
// The process's own output is left alone.
import { appendFileSync } from 'node:fs';

const file = process.env.PARLEY_BENCH_MAX_RSS;
if (file !== undefined) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS * 1024}\n`));
