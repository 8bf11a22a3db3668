// A one-line progress bar on stderr for long searches on a terminal.
import type { Output } from './command.js';

export function progressBar(io: Output, label: string): { update: (done: number, total: number) => void; done: () => void } {
  let shown = false;
  return {
    update(done, total) {
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(ratio * 100).toFixed(0)}% (${done}/${total})`);
      shown = true;
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}
