// Preloaded into a benchmarked child process (node --import): when it exits,
// it writes its peak resident memory in bytes to file descriptor 3, which the
// benchmark reads. The child's own output is left alone.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  try {
    writeSync(3, `${process.resourceUsage().maxRSS * 1024}\n`);
  } catch {
    // Run without the benchmark's descriptor 3: nothing to report to.
  }
});
