import { parseArgs } from 'node:util';
import { stateAt } from '../../model/replay.js';
import { diffStates } from '../../model/state-diff.js';
import { renderHtml } from '../../report/render-html.js';
import { renderMarkdown } from '../../report/render-markdown.js';
import { buildReport } from '../../report/report-model.js';
import { usageError } from '../cli-errors.js';
import { type Command, LOG_HELP, dateOption, helpOption, loadOrFail, logOptions, parsing, queryDate } from '../command.js';
import { loadOverlay } from '../scenario-option.js';

const formats = ['md', 'html'] as const;

export const reportCommand: Command = {
  name: 'report',
  summary: 'a handout of the state on a date, every statement cited (Markdown or HTML)',
  usage: `parley report --at DATE [--scenario FILE] [--format md|html] [--log PATH ...]

Writes to stdout a handout of the reported state on DATE: phase, round,
proposals and responses, each side's position on every term and the gap,
with numbered notes citing outlet, title, date and quote for every statement.
With --scenario, the what-if state instead, each hypothetical value marked
[hypothetical], and what the scenario changes against the reported baseline.

  --at DATE       the date (default: the last event's date)
  --scenario FILE a what-if (hypothetical events) to report on
  --format FMT    md (default) or html (one self-contained file)
${LOG_HELP}`,
  async run(argv, io) {
    const { values } = parsing(() =>
      parseArgs({ args: [...argv], options: { ...helpOption, ...logOptions, at: { type: 'string' }, scenario: { type: 'string' }, format: { type: 'string' } } }),
    );
    const format = values.format ?? 'md';
    if (!(formats as readonly string[]).includes(format)) throw usageError(`--format expects md or html, got "${format}"`);
    const at = dateOption(values.at, '--at');
    const { log: base } = await loadOrFail(values.log);
    const overlay = values.scenario === undefined ? undefined : await loadOverlay(values.scenario, base);
    const log = overlay?.whatIf ?? base;
    const date = queryDate(log, at);
    const state = stateAt(log, date);
    const scenario = overlay && { title: overlay.title, description: overlay.description, changes: diffStates(stateAt(overlay.baseline, date), state) };
    const report = buildReport({ state, log, ...(overlay ? { baseline: overlay.baseline } : {}), ...(scenario ? { scenario } : {}) });
    io.out((format === 'html' ? renderHtml : renderMarkdown)(report).trimEnd());
  },
};
