import { parseArgs } from 'node:util';
import { DEFAULT_EXPLORE_BUDGET, DEFAULT_MAX_STEPS, type ExploreResult, explore } from '../../scenario/explore.js';
import { stateAt } from '../../model/replay.js';
import { usageError } from '../cli-errors.js';
import { type Command, LOG_HELP, atOption, checkSources, dateOption, helpOption, jsonOption, loadOrFail, logOptions, parsing, queryDate, sourceOption } from '../command.js';
import { progressBar } from '../progress-bar.js';

/** Most sets listed: each is held in memory and printed. */
const MAX_LIMIT = 10_000;

function positiveInt(value: string | undefined, flag: string, fallback: number, most = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > most) throw usageError(`${flag} expects a whole number from 1 to ${most}, got "${value}"`);
  return n;
}

/** A count as text: exact while it is, "about" a rounded figure beyond 2^53. */
const countText = (n: number) => (Number.isSafeInteger(n) ? String(n) : `about ${n.toExponential(3)}`);

/** What was searched and, when some minimal sets lie beyond it, that they were not counted. */
function searched(r: ExploreResult, ms: number): string {
  const beyond = r.stepBound !== null && r.stepBound > r.maxSteps ? `; sets of more than ${r.maxSteps} steps were not searched (the largest minimal set takes ${r.stepBound})` : '';
  return `Searched the sets of at most ${r.maxSteps} steps${beyond}: ${r.work} units of work (budget ${r.budget}) in ${ms.toFixed(1)} ms.`;
}

export const exploreCommand: Command = {
  name: 'explore',
  summary: 'which concessions, by whom, would bridge every term, cheapest first',
  usage: `parley explore [--at DATE] [--max-steps N] [--limit N] [--budget N] [--source ID ...] [--log PATH ...] [--json]

A concession step widens a principal's accepted set on one term by one ladder
option toward the other principal. Lists the minimal sets of steps (no subset
also works) that leave every term with positions from both principals bridged,
ranked by the number of steps, respecting linked positions (a position
conditional on another term). Terms without a position from a principal
cannot be bridged by concessions and are listed apart.

  --at DATE       the state to start from (default: the last event's date)
  --max-steps N   most steps in one set (default ${DEFAULT_MAX_STEPS}, or what the largest minimal
                  set takes when that is more, so every minimal set is counted)
  --limit N       most sets listed (default 10, at most ${MAX_LIMIT}; all are counted)
  --budget N      most units of work (table cells filled, splits tried while
                  listing; default ${DEFAULT_EXPLORE_BUDGET}): the search stops there, the same
                  on every machine, and says what it listed
  --source ID     start from the state as reported by this source; repeatable
${LOG_HELP}
  --json          the result as JSON`,
  async run(argv, io) {
    const { values } = parsing(() =>
      parseArgs({
        args: [...argv],
        options: {
          ...helpOption,
          ...logOptions,
          ...atOption,
          'max-steps': { type: 'string' },
          limit: { type: 'string' },
          budget: { type: 'string' },
          ...sourceOption,
          ...jsonOption,
        },
      }),
    );
    const at = dateOption(values.at, '--at');
    const maxSteps = values['max-steps'] === undefined ? undefined : positiveInt(values['max-steps'], '--max-steps', DEFAULT_MAX_STEPS);
    const limit = positiveInt(values.limit, '--limit', 10, MAX_LIMIT);
    const budget = positiveInt(values.budget, '--budget', DEFAULT_EXPLORE_BUDGET);
    const { log } = await loadOrFail(values.log);
    const sources = checkSources(log, values.source);
    const date = queryDate(log, at);
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
  },
};
