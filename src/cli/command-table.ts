// Every command, declared once: its summary, prose, positionals and options.
// main.ts parses and helps from this table and loads a command's
// implementation (commands/*.ts) only when that command runs, so start-up
// costs only what the command uses.
import { stepUnits } from '../model/step-units.js';
import { DEFAULT_SOURCES_DIR } from '../io/source-document.js';
import { type CommandSpec, command, option } from './option-spec.js';
import { atMost, atOption, dateValue, jsonOption, knownAtOption, logOption, policyOption, portValue, positiveInt, sourceOption } from './shared-options.js';

/** The event types, loaded with the event schemas only when asked for. */
const eventTypes = async () => (await import('../domain/event-schema.js')).eventTypes;

export const reportFormats = ['md', 'html'] as const;
export const schemaNames = ['scenario', 'event', 'deal', 'terms', 'parties', 'sources'] as const;
export const shells = ['bash', 'zsh'] as const;

const scenarioFile = (help: string) => option({ type: 'string', value: 'FILE', complete: 'file', help });

export const stateOptions = {
  at: { ...atOption.at, help: "the date to replay to (default: the last event's date)" },
  ...knownAtOption,
  ...sourceOption,
  ...policyOption,
  ...logOption,
  json: { ...jsonOption.json, help: 'the state as JSON' },
  quotes: option({ type: 'boolean', help: 'show the quote and attribution behind each position' }),
  strict: option({ type: 'boolean', help: 'exit 1 when any event cannot be placed (anomalies)' }),
} as const;

export const timelineOptions = {
  from: option({ type: 'string', value: 'DATE', parse: dateValue, help: 'only events that occurred on or after DATE' }),
  to: option({ type: 'string', value: 'DATE', parse: dateValue, help: 'only events that occurred on or before DATE' }),
  ...sourceOption,
  type: option({ type: 'string', value: 'TYPE', multiple: true, choices: eventTypes, help: 'only events of this type' }),
  ...logOption,
  json: { ...jsonOption.json, help: 'the events as a JSON array' },
} as const;

export const diffOptions = {
  from: option({ type: 'string', value: 'DATE', required: true, parse: dateValue, help: 'the earlier date' }),
  to: option({ type: 'string', value: 'DATE', required: true, parse: dateValue, help: 'the later date' }),
  ...knownAtOption,
  ...sourceOption,
  ...policyOption,
  ...logOption,
  json: { ...jsonOption.json, help: 'the changes as a JSON array' },
} as const;

export const sourcesOptions = {
  ...atOption,
  ...knownAtOption,
  ...policyOption,
  ...logOption,
  json: { ...jsonOption.json, help: 'the per-outlet comparison as JSON' },
} as const;

export const checkOptions = {
  json: { ...jsonOption.json, help: 'what was found valid, and the number of problems, as JSON (the problems stay on stderr)' },
} as const;

export const addOptions = {
  log: option({ type: 'string', value: 'PATH', complete: 'path', help: 'the log folder (default: the bundled events/), where the event goes to <source>.jsonl; or a .jsonl file in it' }),
  from: option({ type: 'string', value: 'FILE|-', complete: 'file', help: 'the event as one JSON object; "-" reads stdin' }),
  type: option({ type: 'string', value: 'TYPE', choices: eventTypes, help: 'the event type: {choices}' }),
  source: option({ type: 'string', value: 'ID', help: 'the source id (from sources.json)' }),
  set: option({
    type: 'string',
    value: 'FIELD=VALUE',
    multiple: true,
    help: 'a field, e.g. --set occurred=2024-08-22 --set attribution.speaker="a Hamas official"; lists are comma-separated (--set accepts=a,b), structured values JSON; applied over --from',
  }),
  'expect-last': option({ type: 'string', value: 'ID', help: 'fail unless the file\'s last event is ID ("none": the file has no event yet), so a script never appends to a file that changed since it read it' }),
  sources: option({ type: 'string', value: 'DIR', complete: 'dir', help: `the folder of source documents for the quote check (default: ${DEFAULT_SOURCES_DIR} when it exists)` }),
  'dry-run': option({ type: 'boolean', help: 'check and print the line; write nothing' }),
  json: { ...jsonOption.json, help: 'what was added (id, type, file, line) as JSON; with --dry-run, the line as it is' },
} as const;

export const addSourceOptions = {
  outlet: option({ type: 'string', value: 'NAME', required: true, help: 'the outlet ("Anadolu (AA)")' }),
  title: option({ type: 'string', value: 'TITLE', required: true, help: "the article's headline" }),
  published: option({ type: 'string', value: 'DATE', required: true, help: 'its publication date, YYYY-MM-DD' }),
  'published-basis': option({ type: 'string', value: 'TEXT', required: true, help: 'one line: how that date was established' }),
  document: option({ type: 'string', value: 'FILE', required: true, complete: 'file', help: "the article's file name in the sources folder (see parley audit)" }),
  id: option({ type: 'string', value: 'ID', help: 'the source id, a lower-case slug (default: the outlet and the date, e.g. anadolu-aa-2024-08-23)' }),
  log: option({ type: 'string', value: 'DIR', complete: 'dir', help: 'the log folder with the catalog (default: the bundled events/)' }),
  json: { ...jsonOption.json, help: 'what was added (source, registry, log file) as JSON' },
} as const;

export const auditOptions = {
  sources: option({ type: 'string', value: 'DIR', required: true, complete: 'dir', help: 'the folder holding the source documents' }),
  ...logOption,
  json: { ...jsonOption.json, help: 'the quotes checked and every failure as JSON' },
} as const;

export const scenarioOptions = {
  policy: { ...policyOption.policy, help: `${policyOption.policy.help} (overrides the scenario's own policy)` },
  log: { ...logOption.log, help: `${logOption.log.help} (used when a scenario names no base log)` },
  json: { ...jsonOption.json, help: 'the reports as a JSON array' },
} as const;

export const whatIfOptions = {
  at: { ...atOption.at, required: true, help: 'the date of the concessions and of the comparison' },
  concede: option({ type: 'string', value: 'SPEC', required: true, multiple: true, help: 'PARTY:TERM=OPTION[,OPTION], e.g. israel:philadelphi=phased-withdrawal' }),
  until: option({ type: 'string', value: 'DATE', parse: dateValue, help: 'also compare on this later date' }),
  keep: option({ type: 'string', value: 'WHAT', help: 'keep reported events after DATE: "all", or event ids separated by commas' }),
  ...policyOption,
  ...logOption,
  json: { ...jsonOption.json, help: 'the report as JSON' },
} as const;

/** Most sets `explore` lists: each is held in memory and printed. */
export const MAX_EXPLORE_LIMIT = 10_000;

// The defaults named here are explore.ts's DEFAULT_MAX_STEPS and DEFAULT_EXPLORE_BUDGET (a test keeps them equal), written out so help loads no search code.
export const exploreOptions = {
  at: { ...atOption.at, help: "the state to start from (default: the last event's date)" },
  'max-steps': option({ type: 'string', value: 'N', parse: positiveInt, help: 'most steps in one set (default 20, or what the largest minimal set takes when that is more, so every minimal set is counted)' }),
  limit: option({ type: 'string', value: 'N', parse: (raw: string, flag: string) => atMost(positiveInt(raw, flag), MAX_EXPLORE_LIMIT, raw, flag), help: `most sets listed (default 10, at most ${MAX_EXPLORE_LIMIT}; all are counted)` }),
  budget: option({ type: 'string', value: 'N', parse: positiveInt, help: 'most units of work (table cells filled, splits tried while listing; default 50000000): the search stops there, the same on every machine, and says what it listed' }),
  source: { ...sourceOption.source, help: 'start from the state as reported by this source' },
  ...logOption,
  json: { ...jsonOption.json, help: 'the result as JSON' },
} as const;

export const schemaOptions = {
  catalog: option({ type: 'string', value: 'DIR', complete: 'dir', help: "enumerate this catalog's term, party and source ids and each term's ladder options (a folder with terms.json, parties.json, sources.json and deal.json)" }),
} as const;

export const stepOptions = {
  by: option({ type: 'string', value: 'UNIT', choices: stepUnits, help: 'event (default), day, or round (a round runs from one round.opened to the next)' }),
  from: option({ type: 'string', value: 'DATE', parse: dateValue, help: 'start at the first event on or after DATE' }),
  scenario: scenarioFile('step through a what-if: the log with the scenario\'s hypothetical events, each marked [hypothetical]'),
  ...policyOption,
  ...logOption,
  json: { ...jsonOption.json, help: 'every step (its events, the state before and after, what changed) as a JSON array' },
} as const;

export const viewOptions = {
  port: option({ type: 'string', value: 'N', parse: portValue, help: 'the port to listen on (default: a free one)' }),
  scenario: { ...scenarioFile('a what-if to offer beside the reported log'), multiple: true },
  policy: { ...policyOption.policy, help: `${policyOption.policy.help} (the page's default; it can choose another)` },
  ...logOption,
} as const;

export const reportOptions = {
  ...atOption,
  'known-at': { ...knownAtOption['known-at'], help: `${knownAtOption['known-at'].help}; the handout says so under its title` },
  ...sourceOption,
  ...policyOption,
  scenario: scenarioFile('a what-if (hypothetical events) to report on'),
  format: option({ type: 'string', value: 'FMT', choices: reportFormats, help: 'md (default) or html (one self-contained file)' }),
  ...logOption,
  json: { ...jsonOption.json, help: 'the handout as data (the report model: title, scope, policy, phase, terms, notes, ...) instead of a document' },
} as const;

export const helpOptions = {} as const;
export const completionOptions = {} as const;

export const commands: readonly CommandSpec[] = [
  command({
    name: 'state',
    summary: 'the reported state of the negotiation on a date',
    about: `The phase and its clock, the round, proposals and each party's response, every
party's position on every term with the gap between the principals,
assessments of the talks by source, reported figures, and anomalies.`,
    options: stateOptions,
    load: () => import('./commands/state.js'),
  }),
  command({
    name: 'add',
    summary: 'append one event to a log file, checked and atomically',
    about: `Appends one reported event to its source's log file. On a terminal with no
event given, asks for each field of the chosen type, offering the catalog's
sources, parties, terms and ladder options. For scripts, give the event as a
JSON object (--from FILE, or --from - for stdin) and/or with flags.

parley fills in a fresh id (nanoid), "reported" (the source's publication
date) and "precision" (day, or month for YYYY-MM) when they are missing, then
checks the event: its schema and the catalog, an id unused in the log,
"reported" equal to the source's publication date, not dated before the last
event of its file (files are kept in date order), and its quote verbatim in
the source document when that is at hand. On any problem nothing is written
(exit 1). The file is replaced atomically under a lock: it either stays as it
was or gains exactly this one line, even if parley is killed, and concurrent
runs never lose a line.`,
    options: addOptions,
    load: () => import('./commands/add.js'),
  }),
  command({
    name: 'add-source',
    summary: 'register an article in sources.json and create its empty log file',
    about: `Adds the article to the source registry (sources.json in the log folder) and
creates its log file <id>.jsonl, empty, for parley add. sources.json keeps
its lines as they are and gains one entry; it is replaced atomically under a
lock, like a log file by parley add.`,
    options: addSourceOptions,
    load: () => import('./commands/add-source.js'),
  }),
  command({
    name: 'timeline',
    summary: 'the events of the log in replay order, with source and attribution',
    about: '',
    options: timelineOptions,
    load: () => import('./commands/timeline.js'),
  }),
  command({
    name: 'diff',
    summary: 'what changed in the reported state between two dates',
    about: `Each change names the value (phase, round, a proposal or response, a position,
a gap, an assessment, a figure, an anomaly), its value before and after, and
the events behind the new value.`,
    options: diffOptions,
    load: () => import('./commands/diff.js'),
  }),
  command({
    name: 'sources',
    summary: 'how outlets differ: positions they report differently, and what each said of the talks',
    about: `Replays each outlet's own reports on their own and shows, on DATE, the
positions two or more outlets report differently (with each outlet's version
and the events behind it), each outlet's assessments of the talks, and the
phase each outlet's reports alone imply.`,
    options: sourcesOptions,
    load: () => import('./commands/sources.js'),
  }),
  command({
    name: 'check',
    summary: 'validate event logs, catalogs and scenario files without replaying them',
    positionals: [{ value: 'PATH', multiple: true, optional: true, complete: 'path' }],
    about: `Validates each PATH and reports every problem of every file in one pass, one
line each, naming file, line, event id and field (a missing field: the line
of the object that lacks it), with "did you mean" for an id that nearly
matches the catalog (party "Israel" -> "israel"). Exit 0 when all is valid,
1 otherwise. PATH is:

  a log           a JSONL file or a folder of them, as --log elsewhere; all
                  logs given are checked together (ids unique across them).
                  Terms, parties and sources come from the folder of the
                  first log when it has terms.json, parties.json and
                  sources.json, else the bundled ones.
  a catalog       a folder with terms.json, parties.json and sources.json and
                  no log files, or one of those files
  a scenario      a .yaml, .yml or .json what-if file: its structure, its
                  base log, its events against the catalog, its expectations

With no PATH: the bundled events/.`,
    options: checkOptions,
    load: () => import('./commands/check.js'),
  }),
  command({
    name: 'scenario',
    summary: 'run what-if scenario files against the reported baseline',
    positionals: [
      { value: 'run', noun: 'subcommand', choices: ['run'] },
      { value: 'FILE', multiple: true, complete: 'file' },
    ],
    about: `For each scenario (YAML or JSON; see scenarios/ and "parley schema scenario"):
the reported baseline and the what-if side by side on the scenario's dates,
what changed (phase, gaps, positions, proposals), and each expectation passed
or failed with the actual value. Exit 1 if any expectation fails, so scenarios
can run in CI.`,
    options: scenarioOptions,
    load: () => import('./commands/scenario.js'),
  }),
  command({
    name: 'what-if',
    summary: 'one-line what-if: concessions on a date, side by side with the baseline',
    about: `Adds hypothetical concessions (each widens PARTY's accepted set on TERM by
the given ladder options) on DATE, and shows the reported baseline and the
what-if side by side on DATE (and on --until DATE if given). As in scenario
files, reported events after DATE are dropped from the what-if unless kept;
a kept report that overrides a concession is listed with the date, event,
speaker and source.`,
    options: whatIfOptions,
    load: () => import('./commands/what-if.js'),
  }),
  command({
    name: 'explore',
    summary: 'which concessions, by whom, would bridge every term, cheapest first',
    about: `A concession step widens a principal's accepted set on one term by one ladder
option toward the other principal. Lists the minimal sets of steps (no subset
also works) that leave every term with positions from both principals bridged,
ranked by the number of steps, respecting linked positions (a position
conditional on another term). Terms without a position from a principal
cannot be bridged by concessions and are listed apart.`,
    options: exploreOptions,
    load: () => import('./commands/explore.js'),
  }),
  command({
    name: 'schema',
    summary: 'print the JSON Schema of scenario files, events, the deal spec or the catalog files, for editors',
    positionals: [{ value: 'NAME', noun: 'schema', choices: schemaNames }],
    about: `Prints the JSON Schema (draft 2020-12) of a scenario file, of one event
line, of a deal spec (deal.json beside the catalog) or of a catalog file
(terms.json, parties.json, sources.json), generated from the same zod schemas
parley validates with. With --catalog DIR, term, party and source ids and each
term's ladder options are enumerated. What JSON Schema cannot state (dates in
order, ids unique across a log, references to other events) is said in
"description".
Point your editor's YAML/JSON language server at it, e.g.
  parley schema scenario --catalog events > scenario.schema.json
  # yaml-language-server: $schema=./scenario.schema.json`,
    options: schemaOptions,
    load: () => import('./commands/schema.js'),
  }),
  command({
    name: 'step',
    summary: 'step through the talks by event, day or round, seeing what changed',
    about: `Shows the talks one step at a time: the event(s) of the step with source,
quote and attribution, what changed in the reported state (phase, round,
proposals, positions, gaps), and the terms after the step.

On a terminal it is interactive and full-screen: the step's header stays at
the top, what changed comes first, then the events and the terms; the text
scrolls between the header and the key line and reflows when the terminal is
resized. Keys: n, → or space next; p or ← previous; j jump to a date;
↑/↓ and PgUp/PgDn scroll; Home/End first/last step; q quit. Ctrl-C quits
with exit code 130.
Otherwise (piped or redirected, or with --json) it prints every step.
Colour follows NO_COLOR; changes are also marked with "*".`,
    options: stepOptions,
    load: () => import('./commands/step.js'),
  }),
  command({
    name: 'view',
    summary: 'open the talks in a web page: timeline, statechart, positions, sources, what-ifs',
    about: `Serves a local web page on 127.0.0.1 (this computer only) and prints its
address; open it in a browser. The page has a date slider and step buttons,
the deal's statechart with the current state, the terms x parties matrix
(each cell opens the quotes behind it), a source filter, a chart of open gaps,
and, with --scenario, the what-if beside the reported baseline. Ctrl-C stops
it.`,
    options: viewOptions,
    load: () => import('./commands/view.js'),
  }),
  command({
    name: 'report',
    summary: 'a handout of the state on a date, every statement cited (Markdown or HTML)',
    about: `Writes to stdout a handout of the reported state on DATE: phase, round,
proposals and responses, each side's position on every term and the gap,
with numbered notes citing outlet, title, date and quote for every statement.
With --scenario, the what-if state instead, each hypothetical value marked
[hypothetical], and what the scenario changes against the reported baseline.
The HTML prints on A4 with margins, page numbers and the gap colours.`,
    options: reportOptions,
    load: () => import('./commands/report.js'),
  }),
  command({
    name: 'audit',
    summary: 'check that every quote appears verbatim in its source document',
    about: `For every event with a source and a quote, finds the source in the registry
(sources.json), reads its document from DIR and checks that the quote occurs
there character for character. One line per failure, naming the event id:
an unknown source, a document missing from DIR, or a quote not in the
document. A quote that matches only after normalising typographic quotes,
apostrophes and whitespace fails too, with a hint showing how the document
writes it. Exit 0 when every quote is found, 1 otherwise.`,
    options: auditOptions,
    load: () => import('./commands/audit.js'),
  }),
  command({
    name: 'help',
    summary: 'the help of a command (the same as parley COMMAND --help)',
    positionals: [{ value: 'COMMAND', noun: 'command', optional: true, choices: () => Promise.resolve(commandNames()) }],
    about: `Prints the usage, options and details of COMMAND, as parley COMMAND --help
does; with no COMMAND, the list of commands.`,
    options: helpOptions,
    load: () => import('./commands/help.js'),
  }),
  command({
    name: 'completion',
    summary: 'print a shell completion script (bash or zsh) for parley',
    positionals: [{ value: 'SHELL', noun: 'shell', choices: shells }],
    about: `Prints a script that completes parley's commands, options and their listed
values (--policy, --by, --format, --type, ...) and file names, generated
from the same declarations as this help. To use it:
  bash: source <(parley completion bash)      (or save it in ~/.bashrc)
  zsh:  parley completion zsh > "\${fpath[1]}/_parley"   (then restart zsh)`,
    options: completionOptions,
    load: () => import('./commands/completion.js'),
  }),
];

/** The command names, in the order the overview lists them. */
export function commandNames(): string[] {
  return commands.map((c) => c.name);
}

/** The command called `name`, or undefined. */
export function findCommand(name: string): CommandSpec | undefined {
  return commands.find((c) => c.name === name);
}
