import { sourceDivergences } from '../../model/source-divergence.js';
import { stateAt } from '../../model/replay.js';
import { describeStance } from '../../report/describe-stance.js';
import type { sourcesOptions } from '../command-table.js';
import { type Output, loadOrFail, queryDate } from '../command.js';
import type { Parsed } from '../option-spec.js';
import { policyOrDefault } from '../shared-options.js';

/** Runs `parley sources` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof sourcesOptions>, io: Output): Promise<void> {
  const knownAt = values['known-at'];
  const policy = policyOrDefault(values.policy);
  const { log } = await loadOrFail(values.log);
  const date = queryDate(log, values.at);
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
}
