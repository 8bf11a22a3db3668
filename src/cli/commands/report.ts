import { stateAt } from '../../model/replay.js';
import { diffStates } from '../../model/state-diff.js';
import { renderHtml } from '../../report/render-html.js';
import { renderMarkdown } from '../../report/render-markdown.js';
import { buildReport } from '../../report/report-model.js';
import type { reportOptions } from '../command-table.js';
import { type Output, loadOrFail, queryDate } from '../command.js';
import type { Parsed } from '../option-spec.js';
import { loadOverlay } from '../scenario-option.js';
import { checkSources, stateFilter } from '../shared-options.js';

/** Runs `parley report` (declared in command-table.ts). */
export async function run({ values }: Parsed<typeof reportOptions>, io: Output): Promise<void> {
  const { log: base } = await loadOrFail(values.log);
  const sources = checkSources(base, values.source);
  const filter = stateFilter(values, sources);
  const overlay = values.scenario === undefined ? undefined : await loadOverlay(values.scenario, base);
  const log = overlay?.whatIf ?? base;
  const date = queryDate(log, values.at);
  const state = stateAt(log, date, filter);
  // The baseline is seen through the same filter, so the comparison is like for like.
  const scenario = overlay && { title: overlay.title, description: overlay.description, changes: diffStates(stateAt(overlay.baseline, date, filter), state) };
  const report = buildReport({ state, log, ...(overlay ? { baseline: overlay.baseline } : {}), ...(scenario ? { scenario } : {}) });
  if (values.json) io.out(JSON.stringify(report, null, 2));
  else io.out((values.format === 'html' ? renderHtml : renderMarkdown)(report).trimEnd());
}
