import { DEFAULT_EXPLORE_BUDGET, type ExploreResult, explore } from '../../scenario/explore.js';
import { stateAt } from '../../model/replay.js';
import type { exploreOptions } from '../command-table.js';
import { type Output, loadOrFail, queryDate } from '../command.js';
import type { Parsed } from '../option-spec.js';
import { progressBar } from '../progress-bar.js';
import { checkSources } from '../shared-options.js';

/** A count as text: exact while it is, "about" a rounded figure beyond 2^53. */
const countText = (n: number) => (Number.isSafeInteger(n) ? String(n) : `about ${n.toExponential(3)}`);

/** What was searched and, when some minimal sets lie beyond it, that they were not counted. */
function searched(r: ExploreResult, ms: number): string {
  const beyond = r.stepBound !== null && r.stepBound > r.maxSteps ? `; sets of more than ${r.maxSteps} steps were not searched (the largest minimal set takes ${r.stepBound})` : '';
  return `Searched the sets of at most ${r.maxSteps} steps${beyond}: ${r.work} units of work (budget ${r.budget}) in ${ms.toFixed(1)} ms.`;
}

/** Runs `parley explore` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof exploreOptions>, io: Output): Promise<void> {
  const maxSteps = values['max-steps'];
  const limit = values.limit ?? 10;
  const budget = values.budget ?? DEFAULT_EXPLORE_BUDGET;
  const { log } = await loadOrFail(values.log);
  const sources = checkSources(log, values.source);
  const date = queryDate(log, values.at);
  const state = stateAt(log, date, sources ? { sources } : {});
  const bar = io.isTTY && !values.json ? progressBar(io, 'exploring') : undefined;
  const started = performance.now();
  const result = explore(state, log.catalog, { ...(maxSteps === undefined ? {} : { maxSteps }), limit, budget, ...(bar ? { onProgress: bar.update } : {}) });
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
  const { maxSteps: most, solutionCount, countsByCost, stopped } = result;
  if (solutionCount === null || countsByCost === null) {
    const needed = stopped?.phase === 'counting' ? stopped.needed : 0;
    io.out(`  Stopped before counting: counting the sets of ${result.openTerms.length + result.settledTerms.length} term(s) within ${most} steps takes ${needed} units of work, more than the budget of ${result.budget}; raise --budget or lower --max-steps.`);
    return;
  }
  if (solutionCount === 0) {
    io.out(result.lowerBound > most
      ? `  No set of at most ${most} steps bridges every term (at least ${result.lowerBound} needed); try a larger --max-steps.`
      : `  No set of at most ${most} steps bridges every term while meeting the linked conditions.`);
    io.out(`  ${searched(result, ms)}`);
    return;
  }
  io.out(`  ${countText(solutionCount)} minimal set(s); the cheapest takes ${result.cheapest} step(s). By steps: ${countsByCost.map((c) => `${c.steps}: ${countText(c.count)}`).join(', ')}.`);
  io.out(`  ${searched(result, ms)}`);
  result.solutions.forEach((s, i) => {
    io.out(`  ${String(i + 1).padStart(2)}. ${s.steps} step(s):`);
    for (const c of s.concessions) io.out(`        ${c.party} on ${c.term}: ${c.from.join('|')} -> ${c.to.join('|')} (${c.steps} step${c.steps === 1 ? '' : 's'})`);
  });
  const asked = Math.min(limit, solutionCount);
  if (stopped?.phase === 'listing') io.out(`  Listed ${result.solutions.length} of the ${asked} best before the work budget of ${result.budget} units ran out; raise --budget to list more.`);
  else if (solutionCount > result.solutions.length) io.out(`  ... and ${countText(solutionCount - result.solutions.length)} more (--limit)`);
}
