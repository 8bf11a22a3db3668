import { parseArgs } from 'node:util';
import { quoted } from '../../domain/problem.js';
import { startServer } from '../../web/server.js';
import { usageError } from '../cli-errors.js';
import { type Command, LOG_HELP, POLICY_HELP, helpOption, loadOrFail, logOptions, parsing, policyOption, policyValue, unwrap } from '../command.js';
import { loadOverlay } from '../scenario-option.js';

export const viewCommand: Command = {
  name: 'view',
  summary: 'open the talks in a web page: timeline, statechart, positions, sources, what-ifs',
  usage: `parley view [--port N] [--scenario FILE ...] [--policy NAME] [--log PATH ...]

Serves a local web page on 127.0.0.1 (this computer only) and prints its
address; open it in a browser. The page has a date slider and step buttons,
the deal's statechart with the current state, the terms x parties matrix
(each cell opens the quotes behind it), a source filter, a chart of open gaps,
and, with --scenario, the what-if beside the reported baseline. Ctrl-C stops it.
Add ?class=1 to the address for class mode (a projector at 1920x1080).

  --port N        the port to listen on (default: a free one)
  --scenario FILE a what-if to offer beside the reported log; repeatable
${POLICY_HELP}
                  (the page's default; it can choose another)
${LOG_HELP}`,
  async run(argv, io) {
    const { values } = parsing(() =>
      parseArgs({ args: [...argv], options: { ...helpOption, ...logOptions, ...policyOption, port: { type: 'string' }, scenario: { type: 'string', multiple: true } } }),
    );
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`--port expects a port number 0-65535, got ${quoted(values.port)}`);
    const policy = policyValue(values.policy);
    const { log } = await loadOrFail(values.log);
    const scenarios = await Promise.all((values.scenario ?? []).map((path) => loadOverlay(path, log)));
    const running = unwrap(await startServer({ log, scenarios, policy }, { port }));
    io.out(`parley view: serving on ${running.url} (Ctrl-C to stop)`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void running.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.out('parley view: stopped');
  },
};
