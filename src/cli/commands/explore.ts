import { parseArgs } from 'node:util';
import { explore } from '../../scenario/explore.js';
import { stateAt } from '../../model/replay.js';
import { usageError } from '../cli-errors.js';
import { type Command, LOG_HELP, atOption, checkSources, dateOption, helpOption, jsonOption, loadOrFail, logOptions, parsing, queryDate, sourceOption } from '../command.js';
import { progressBar } from '../progress-bar.js';

function positiveInt(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw usageError(`${flag} expects a whole number of 1 or more, got "${value}"`);
  return n;
}

export const exploreCommand: Command = {
  name: 'explore',
  summary: 'which concessions, by whom, would bridge every term, cheapest first',
  usage: `parley explore [--at DATE] [--max-steps N] [--limit N] [--source ID ...] [--log PATH ...] [--json]

A concession step widens a principal's accepted set on one term by one ladder
option toward the other principal. Lists the minimal sets of steps (no subset
also works) that leave every term with positions from both principals bridged,
ranked by the number of steps, respecting linked positions (a position
conditional on another term). Terms without a position from a principal
cannot be bridged by concessions and are listed apart.

  --at DATE       the state to start from (default: the last event's date)
  --max-steps N   most steps in one set (default 20)
  --limit N       most sets listed (default 10; all are counted)
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
          ...sourceOption,
          ...jsonOption,
        },
      }),
    );
    const at = dateOption(values.at, '--at');
    const maxSteps = positiveInt(values['max-steps'], '--max-steps', 20);
    const limit = positiveInt(values.limit, '--limit', 10);
    const { log } = await loadOrFail(values.log);
    const sources = checkSources(log, values.source);
    const date = queryDate(log, at);
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
  },
};
