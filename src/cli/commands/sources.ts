import { parseArgs } from 'node:util';
import { sourceDivergences } from '../../model/source-divergence.js';
import { stateAt } from '../../model/replay.js';
import { describeStance } from '../../report/describe-stance.js';
import { type Command, LOG_HELP, POLICY_HELP, dateOption, helpOption, loadOrFail, logOptions, parsing, policyOption, policyValue, queryDate } from '../command.js';

export const sourcesCommand: Command = {
  name: 'sources',
  summary: 'how outlets differ: positions they report differently, and what each said of the talks',
  usage: `parley sources [--at DATE] [--known-at DATE] [--policy NAME] [--log PATH ...] [--json]

Replays each outlet's own reports on their own and shows, on DATE, the
positions two or more outlets report differently (with each outlet's version
and the events behind it), each outlet's assessments of the talks, and the
phase each outlet's reports alone imply.

  --at DATE       the date (default: the last event's date)
  --known-at DATE keep only events reported in the log's sources by DATE
${POLICY_HELP}
${LOG_HELP}
  --json          the per-outlet comparison as JSON`,
  async run(argv, io) {
    const { values } = parsing(() =>
      parseArgs({ args: [...argv], options: { ...helpOption, ...logOptions, ...policyOption, at: { type: 'string' }, 'known-at': { type: 'string' }, json: { type: 'boolean' } } }),
    );
    const at = dateOption(values.at, '--at');
    const knownAt = dateOption(values['known-at'], '--known-at');
    const policy = policyValue(values.policy);
    const { log } = await loadOrFail(values.log);
    const date = queryDate(log, at);
    const { catalog } = log;
    const views = catalog.sources.map((s) => ({ source: s.id, state: stateAt(log, date, { sources: [s.id], ...(knownAt ? { knownAt } : {}), policy }) }));
    const divergences = sourceDivergences(catalog, views);
    if (values.json) {
      const outlets = views.map(({ source, state }) => ({ source, phase: state.phase, stage: state.stage, eventCount: state.eventCount, assessments: state.assessments[source] ?? [] }));
      io.out(JSON.stringify({ date, knownAt: knownAt ?? null, policy, divergences, outlets }, null, 2));
      return;
    }
    const outlet = (id: string) => catalog.sourceById.get(id)?.outlet ?? id;
    io.out(`How outlets differ on ${date}${knownAt ? ` (reported by ${knownAt})` : ''}, each outlet's reports replayed on their own:`);
    io.out('');
    io.out('Positions reported differently:');
    if (divergences.length === 0) io.out('  none: where two outlets report a position, they report the same one');
    for (const d of divergences) {
      io.out(`  ${d.party} on ${d.term}:`);
      for (const b of d.bySource) io.out(`    according to ${outlet(b.source)}: ${describeStance(b)} [${b.eventIds.join(', ')}]`);
    }
    io.out('');
    io.out('Each outlet on its own:');
    for (const { source, state } of views) {
      const said = (state.assessments[source] ?? []).map((a) => `${a.speaker} ${a.tone} (CAMEO ${a.cameo}) on ${a.date}`);
      io.out(`  ${outlet(source)} (${source}): ${state.eventCount} events; phase ${state.stage ? `${state.phase} (${state.stage})` : state.phase}`);
      io.out(`    assessments of the talks: ${said.length > 0 ? said.join('; ') : 'none'}`);
    }
  },
};
