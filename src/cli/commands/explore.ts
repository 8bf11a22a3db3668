import { explore } from '../../scenario/explore.js';
import { stateAt } from '../../model/replay.js';
import type { exploreOptions } from '../command-table.js';
import { type Output, loadOrFail, queryDate } from '../command.js';
import type { Parsed } from '../option-spec.js';
import { progressBar } from '../progress-bar.js';
import { checkSources } from '../shared-options.js';

/** Runs `parley explore` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof exploreOptions>, io: Output): Promise<void> {
  const maxSteps = values['max-steps'] ?? 20;
  const limit = values.limit ?? 10;
  const { log } = await loadOrFail(values.log);
  const sources = checkSources(log, values.source);
  const date = queryDate(log, values.at);
  const state = stateAt(log, date, sources ? { sources } : {});
  const bar = io.isTTY && !values.json ? progressBar(io, 'exploring') : undefined;
  const started = performance.now();
  const result = explore(state, log.catalog, { maxSteps, limit, ...(bar ? { onProgress: bar.update } : {}) });
  bar?.done();
  const ms = performance.now() - started;
  if (values.json) {
    io.out(JSON.stringify(result, null, 2));
    return;
  }
  io.out(`Explore from the reported state on ${date}${sources ? ` as reported by ${sources.join(', ')}` : ''}:`);
  io.out(`  open: ${result.openTerms.join(', ') || 'none'}; bridged or agreed: ${result.settledTerms.join(', ') || 'none'}`);
  for (const u of result.unknownTerms) io.out(`  ${u.term}: no position from ${u.missing.join(', ')}; concessions cannot bridge it`);
  for (const c of result.conditions) {
    io.out(`  linked: ${c.party}'s position on ${c.term} requires ${c.requires.term} in ${c.requires.accepts.join('|')}${c.checkable ? '' : ' (not checkable: that term has no position from a principal)'}`);
  }
  if (result.openTerms.length === 0) {
    io.out('  No term is open between the principals: there is nothing for concessions to bridge.');
    return;
  }
  if (result.solutionCount === 0) {
    io.out(result.lowerBound > maxSteps
      ? `  No set of at most ${maxSteps} steps bridges every term (at least ${result.lowerBound} needed); try a larger --max-steps.`
      : `  No set of at most ${maxSteps} steps bridges every term while meeting the linked conditions.`);
    io.out(`  ${result.combinations} combinations checked in ${ms.toFixed(1)} ms`);
    return;
  }
  io.out(`  ${result.solutionCount} minimal set(s); the cheapest takes ${result.cheapest} step(s). ${result.combinations} combinations checked in ${ms.toFixed(1)} ms.`);
  result.solutions.forEach((s, i) => {
    io.out(`  ${String(i + 1).padStart(2)}. ${s.steps} step(s):`);
    for (const c of s.concessions) io.out(`        ${c.party} on ${c.term}: ${c.from.join('|')} -> ${c.to.join('|')} (${c.steps} step${c.steps === 1 ? '' : 's'})`);
  });
  if (result.solutionCount > result.solutions.length) io.out(`  ... and ${result.solutionCount - result.solutions.length} more (--limit)`);
}
