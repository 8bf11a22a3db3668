import { parseArgs } from 'node:util';
import { stateAt } from '../../model/replay.js';
import { diffStates } from '../../model/state-diff.js';
import { renderHtml } from '../../report/render-html.js';
import { renderMarkdown } from '../../report/render-markdown.js';
import { buildReport } from '../../report/report-model.js';
import { usageError } from '../cli-errors.js';
import { type Command, LOG_HELP, atOption, checkSources, dateOption, helpOption, knownAtOption, loadOrFail, logOptions, parsing, queryDate, sourceOption } from '../command.js';
import { loadOverlay } from '../scenario-option.js';

const formats = ['md', 'html'] as const;

export const reportCommand: Command = {
  name: 'report',
  summary: 'a handout of the state on a date, every statement cited (Markdown or HTML)',
  usage: `parley report [--at DATE] [--known-at DATE] [--source ID ...] [--scenario FILE] [--format md|html] [--log PATH ...]

Writes to stdout a handout of the reported state on DATE: phase, round,
proposals and responses, each side's position on every term and the gap,
with numbered notes citing outlet, title, date and quote for every statement.
With --scenario, the what-if state instead, each hypothetical value marked
[hypothetical], and what the scenario changes against the reported baseline.
The HTML prints on A4 with margins, page numbers and the gap colours.

  --at DATE       the date (default: the last event's date)
  --known-at DATE keep only events reported in the log's sources by DATE (not "public by");
                  the handout says so under its title
  --source ID     keep only events from this source; repeatable
  --scenario FILE a what-if (hypothetical events) to report on
  --format FMT    md (default) or html (one self-contained file)
${LOG_HELP}`,
  async run(argv, io) {
    const { values } = parsing(() =>
      parseArgs({ args: [...argv], options: { ...helpOption, ...logOptions, ...atOption, ...knownAtOption, ...sourceOption, scenario: { type: 'string' }, format: { type: 'string' } } }),
    );
    const format = values.format ?? 'md';
    if (!(formats as readonly string[]).includes(format)) throw usageError(`--format expects md or html, got "${format}"`);
    const at = dateOption(values.at, '--at');
    const knownAt = dateOption(values['known-at'], '--known-at');
    const { log: base } = await loadOrFail(values.log);
    const sources = checkSources(base, values.source);
    const filter = { ...(knownAt ? { knownAt } : {}), ...(sources ? { sources } : {}) };
    const overlay = values.scenario === undefined ? undefined : await loadOverlay(values.scenario, base);
    const log = overlay?.whatIf ?? base;
    const date = queryDate(log, at);
    const state = stateAt(log, date, filter);
    // The baseline is seen through the same filter, so the comparison is like for like.
    const scenario = overlay && { title: overlay.title, description: overlay.description, changes: diffStates(stateAt(overlay.baseline, date, filter), state) };
    const report = buildReport({ state, log, ...(overlay ? { baseline: overlay.baseline } : {}), ...(scenario ? { scenario } : {}) });
    io.out((format === 'html' ? renderHtml : renderMarkdown)(report).trimEnd());
  },
};
