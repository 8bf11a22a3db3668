// The help a command prints, laid out from its declaration: the synopsis,
// its prose, one entry per option, wrapped to the terminal's usual width.
import { type CommandSpec, type OptionSpec, type Options, type PositionalSpec, choicesOf } from './option-spec.js';

const WIDTH = 78;
/** Labels longer than this put their help on the next line. */
const MAX_LABEL = 18;

/** `text`'s words filled into lines that fit in `width` columns after an indent of `indent`. Pure. */
export function wrapWords(text: string, indent: number, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** "[--at DATE]", "--concede SPEC ...", "[--json]". Pure. */
function synopsisItem(name: string, o: OptionSpec): string {
  const item = `--${name}${o.value ? ` ${o.value}` : ''}${o.multiple ? ' ...' : ''}`;
  return o.required ? item : `[${item}]`;
}

/** A positional with more choices than this shows its name; its help lists them. */
const MAX_SHOWN_CHOICES = 4;

/** "PATH", "[PATH ...]", "scenario|event|deal". Pure. */
function positionalItem(p: PositionalSpec, choices: readonly string[] | undefined): string {
  const shown = choices && choices.length <= MAX_SHOWN_CHOICES ? choices.join('|') : p.value;
  const item = `${shown}${p.multiple ? ' ...' : ''}`;
  return p.optional ? `[${item}]` : item;
}

/** The help's first line(s): `parley NAME` and every positional and option, wrapped under the first. Pure. */
function synopsis<O extends Options>(spec: CommandSpec<O>, positionals: readonly string[]): string {
  const head = `parley ${spec.name}`;
  const items = [...positionals, ...Object.entries(spec.options).map(([name, o]) => synopsisItem(name, o))];
  const lines: string[] = [];
  let line = head;
  for (const item of items) {
    if (line.length + 1 + item.length > WIDTH && line !== head) {
      lines.push(line);
      line = `${' '.repeat(head.length)} ${item}`;
    } else line = `${line} ${item}`;
  }
  return [...lines, line].join('\n');
}

/** One option's entry: the flag and value, then its help, wrapped. Pure. */
function optionEntry(name: string, o: OptionSpec, width: number, choices: readonly string[] | undefined): string {
  const label = `--${name}${o.value ? ` ${o.value}` : ''}`;
  const text = o.help.replace('{choices}', (choices ?? []).join(', '));
  const help = o.multiple ? `${text}${text.endsWith('.') ? ' Repeatable.' : '; repeatable'}` : text;
  const indent = 2 + width + 2;
  if (label.length > width) return [`  ${label}`, ...wrapWords(help, indent).map((l) => `${' '.repeat(indent)}${l}`)].join('\n');
  const [first = '', ...rest] = wrapWords(help, indent);
  return [`  ${label.padEnd(width)}  ${first}`, ...rest.map((l) => `${' '.repeat(indent)}${l}`)].join('\n');
}

/** The full help of a command, as `parley help NAME` prints it. Not pure: it may load lazy choices. */
export async function helpText<O extends Options>(spec: CommandSpec<O>): Promise<string> {
  const positionals = await Promise.all((spec.positionals ?? []).map(async (p) => positionalItem(p, await choicesOf(p.choices))));
  const entries = Object.entries(spec.options);
  const width = Math.min(MAX_LABEL, Math.max(0, ...entries.map(([name, o]) => `--${name}${o.value ? ` ${o.value}` : ''}`.length)));
  const options = await Promise.all(entries.map(async ([name, o]) => optionEntry(name, o, width, await choicesOf(o.choices))));
  return [synopsis(spec, positionals), spec.about, options.join('\n'), spec.footer ?? ''].filter((part) => part !== '').join('\n\n');
}

/** The overview `parley --help` prints: what parley is and one line per command. Pure. */
export function overviewText(specs: readonly CommandSpec[]): string {
  const width = Math.max(...specs.map((s) => s.name.length));
  return `parley: replay reported statements about the Gaza ceasefire talks through a
model of the three-phase deal, and see the reported state on any date.

Usage: parley <command> [options]; parley help <command> (or parley <command>
--help) for details; parley --version for the version.

Commands:
${specs.map((c) => `  ${c.name.padEnd(Math.max(10, width))} ${c.summary}`).join('\n')}`;
}
