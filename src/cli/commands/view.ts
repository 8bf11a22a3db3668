import { startServer } from '../../web/server.js';
import type { viewOptions } from '../command-table.js';
import { type Output, loadOrFail, unwrap } from '../command.js';
import type { Parsed } from '../option-spec.js';
import { loadOverlay } from '../scenario-option.js';
import { policyOrDefault } from '../shared-options.js';

/** Runs `parley view` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof viewOptions>, io: Output): Promise<void> {
  const port = values.port ?? 0;
  const { log } = await loadOrFail(values.log);
  const scenarios = await Promise.all((values.scenario ?? []).map((path) => loadOverlay(path, log)));
  const running = unwrap(await startServer({ log, scenarios, policy: policyOrDefault(values.policy) }, { port }));
  // Listening for the signals before saying where it serves: whoever reads that line may stop it at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.out(`parley view: serving on ${running.url} (Ctrl-C to stop)`);
  await stopped;
  io.out('parley view: stopped');
}
