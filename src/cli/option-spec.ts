// How a command declares its command line: each option once, with its type,
// value name, help text, repeatability and validation. The parser, the help
// text (help-text.ts) and the shell completions (completion-script.ts) are all
// read off these declarations, so they cannot disagree.
import { parseArgs } from 'node:util';
import { didYouMean } from '../domain/did-you-mean.js';
import { quoted } from '../domain/problem.js';
import { usageError } from './cli-errors.js';
import type { Output } from './command.js';

/** Values that can be listed: given, or loaded when first needed (so declaring them costs no start-up). */
export type Choices = readonly string[] | (() => Promise<readonly string[]>);

/** What a value names, for shell completion: a file, a folder, either, or nothing to complete. */
export type ValueKind = 'file' | 'dir' | 'path';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** The value's name in the help ("DATE"); string options only. */
  readonly value?: string;
  /** One or more sentences, wrapped when printed; "{choices}" stands for the choices, listed. */
  readonly help: string;
  readonly multiple?: boolean;
  readonly required?: boolean;
  /** The only values accepted; listed in completions, checked before `parse`. */
  readonly choices?: Choices;
  readonly complete?: ValueKind;
  /** Checks one value and returns what the command sees; throws a usage error. */
  readonly parse?: (raw: string, flag: string) => unknown;
}

export type Options = Readonly<Record<string, OptionSpec>>;

export interface PositionalSpec {
  /** Its name in the help ("PATH"), or the choices joined with "|" when it has them. */
  readonly value: string;
  /** What a value is, in errors ("command": unknown command "x"); the value's name when not given. */
  readonly noun?: string;
  readonly choices?: Choices;
  readonly multiple?: boolean;
  readonly optional?: boolean;
  readonly complete?: ValueKind;
}

type One<S> = S extends { type: 'boolean' } ? boolean : S extends { parse: (raw: string, flag: string) => infer T } ? T : string;
type Value<S> = S extends { multiple: true } ? One<S>[] : One<S>;
type RequiredKeys<O> = { [K in keyof O]: O[K] extends { required: true } ? K : never }[keyof O];

/** The parsed values of options `O`: required ones always present, others when given. */
export type Values<O> = { readonly [K in RequiredKeys<O>]: Value<O[K]> } & { readonly [K in Exclude<keyof O, RequiredKeys<O>>]?: Value<O[K]> };

export interface Parsed<O> {
  readonly values: Values<O>;
  readonly positionals: readonly string[];
}

/** A command's implementation, loaded only when the command runs. */
export interface CommandModule<O extends Options> {
  run(args: Parsed<O>, io: Output): Promise<void>;
}

export interface CommandSpec<O extends Options = Options> {
  readonly name: string;
  readonly summary: string;
  /** The prose printed between the synopsis and the options; may be empty. */
  readonly about: string;
  readonly options: O;
  readonly positionals?: readonly PositionalSpec[];
  /** Text printed after the options (examples), or nothing. */
  readonly footer?: string;
  readonly load: () => Promise<CommandModule<O>>;
}

/** Declares an option, keeping its literal type so the parsed values are typed by it. Pure. */
export const option = <const S extends OptionSpec>(spec: S): S => spec;

/** Declares a command; the type ties its implementation's `run` to its options. Pure. */
export const command = <const O extends Options>(spec: CommandSpec<O>): CommandSpec<O> => spec;

/** The choices, loaded if they are lazy. */
export async function choicesOf(choices: Choices | undefined): Promise<readonly string[] | undefined> {
  return typeof choices === 'function' ? choices() : choices;
}

/** "run", "md or html", "one of a, b, c". Pure. */
export function oneOf(choices: readonly string[]): string {
  if (choices.length === 1) return choices[0]!;
  return choices.length === 2 ? `${choices[0]} or ${choices[1]}` : `one of ${choices.join(', ')}`;
}

/** The long flags a command takes, in declaration order, then --help (which main.ts answers). Pure. */
export function flagsOf<O extends Options>(spec: CommandSpec<O>): string[] {
  return [...Object.keys(spec.options).map((name) => `--${name}`), '--help'];
}

/** A value outside `choices` as a usage error, with a suggestion when one is near. */
function checkChoice(raw: string, flag: string, choices: readonly string[]): void {
  if (choices.includes(raw)) return;
  const near = didYouMean(raw, choices);
  throw usageError(`${flag} expects ${oneOf(choices)}, got ${quoted(raw)}${near === undefined ? '' : `; did you mean ${near}?`}`);
}

/**
 * `<subject> "raw"` ("unknown option "--att"") as a usage error: with "did you
 * mean" when `near` is given (by default the nearest of `choices`), else with
 * what was expected. Pure.
 */
export function unknownValue(subject: string, raw: string, choices: readonly string[], expected = oneOf(choices), near = didYouMean(raw, choices)): Error {
  const message = `${subject} ${quoted(raw)}`;
  return near === undefined ? usageError(message, expected) : usageError(`${message}; did you mean ${near}?`);
}

/** parseArgs' complaint about an unknown option, with a suggestion from the declared flags. */
function unknownOption<O extends Options>(e: Error, spec: CommandSpec<O>): Error {
  const unknown = /^Unknown option '(--?[^']+)'/.exec(e.message)?.[1];
  if (unknown === undefined) return usageError(e.message);
  const flags = flagsOf(spec);
  return unknownValue('unknown option', unknown, flags, `one of ${flags.join(', ')}`);
}

/**
 * Parses `argv` by the command's declaration: unknown options (with a
 * suggestion), missing required ones, values outside their choices and
 * values their `parse` refuses are usage errors (exit 2). Not pure: it may
 * load lazy choices.
 */
export async function parseCommandLine<O extends Options>(spec: CommandSpec<O>, argv: readonly string[]): Promise<Parsed<O>> {
  const config = Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, multiple: o.multiple === true }]));
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
  } catch (e) {
    throw unknownOption(e as Error, spec);
  }
  const values: Record<string, unknown> = Object.create(null);
  const missing: string[] = [];
  for (const [name, o] of Object.entries(spec.options)) {
    const flag = `--${name}`;
    const given = parsed.values[name];
    if (given === undefined) {
      if (o.required) missing.push(o.value ? `${flag} ${o.value}` : flag);
      continue;
    }
    if (o.type === 'boolean') {
      values[name] = given;
      continue;
    }
    const choices = await choicesOf(o.choices);
    const one = (raw: string) => {
      if (choices) checkChoice(raw, flag, choices);
      return o.parse ? o.parse(raw, flag) : raw;
    };
    values[name] = Array.isArray(given) ? given.map(one) : one(given as string);
  }
  if (missing.length > 0) throw usageError(`${spec.name} needs ${missing.join(', ')}`);
  await checkPositionals(spec, parsed.positionals);
  return { values: values as Values<O>, positionals: parsed.positionals };
}

/**
 * The arguments against the declared positionals, in order: a missing one, one
 * outside its choices (with a suggestion) or one too many is a usage error.
 */
async function checkPositionals<O extends Options>(spec: CommandSpec<O>, given: readonly string[]): Promise<void> {
  let next = 0;
  for (const p of spec.positionals ?? []) {
    const taken = given.slice(next, p.multiple ? given.length : next + 1);
    const choices = await choicesOf(p.choices);
    if (taken.length === 0 && !p.optional) throw usageError(`${spec.name} needs ${p.noun === undefined ? p.value : `a ${p.noun}`}`, choices ? oneOf(choices) : undefined);
    for (const raw of taken) if (choices && !choices.includes(raw)) throw unknownValue(`unknown ${p.noun ?? p.value}`, raw, choices);
    next += taken.length;
  }
  if (next < given.length) {
    const declared = (spec.positionals ?? []).map((p) => p.value);
    const takes = declared.length === 0 ? 'no arguments' : `${declared.length === 1 ? 'one argument' : `${declared.length} arguments`} (${declared.join(' ')})`;
    throw usageError(`${spec.name} takes ${takes}; got ${quoted(given[next])}${next > 0 ? ' too' : ''}`);
  }
}
