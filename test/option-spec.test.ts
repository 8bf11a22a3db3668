// parseCommandLine reads a command line by its declaration: typed values,
// repeatable options, required ones, listed values and checks, and the
// usage errors (exit 2) with "did you mean" for what does not fit.
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../src/domain/problem.js';
import { command, flagsOf, option, parseCommandLine } from '../src/cli/option-spec.js';
import { dateValue, positiveInt } from '../src/cli/shared-options.js';

const spec = command({
  name: 'demo',
  summary: 'a command to parse',
  about: '',
  options: {
    at: option({ type: 'string', value: 'DATE', parse: dateValue, help: 'a date' }),
    count: option({ type: 'string', value: 'N', parse: positiveInt, help: 'a count' }),
    by: option({ type: 'string', value: 'UNIT', choices: ['event', 'day', 'round'], help: 'a unit' }),
    kind: option({ type: 'string', value: 'KIND', multiple: true, choices: async () => ['alpha', 'beta'], help: 'lazy choices' }),
    name: option({ type: 'string', value: 'NAME', required: true, help: 'required' }),
    json: option({ type: 'boolean', help: 'a flag' }),
  },
  positionals: [{ value: 'PATH', multiple: true, optional: true }],
  load: async () => ({ run: async () => undefined }),
});

/** The one problem message a failing parse stops with. */
async function refusal(argv: string[]): Promise<string> {
  try {
    await parseCommandLine(spec, argv);
  } catch (e) {
    if (!(e instanceof ProblemError)) throw e;
    expect(e.problems.map((p) => p.code)).toEqual(['usage']);
    return e.problems[0]!.message + (e.problems[0]!.expected ? `; expected ${e.problems[0]!.expected}` : '');
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('parseCommandLine', () => {
  it('gives each option the value its declaration makes of it, and the positionals', async () => {
    const { values, positionals } = await parseCommandLine(spec, ['--name', 'x', '--at', '2024-08-20', '--count', '3', '--kind', 'beta', '--kind', 'alpha', '--json', 'a', 'b']);
    expect({ ...values }).toEqual({ name: 'x', at: '2024-08-20', count: 3, kind: ['beta', 'alpha'], json: true });
    expect(positionals).toEqual(['a', 'b']);
  });

  it('leaves out options not given', async () => {
    const { values } = await parseCommandLine(spec, ['--name', 'x']);
    expect(Object.keys(values)).toEqual(['name']);
  });

  it('refuses a missing required option, a value its check refuses and one outside its list', async () => {
    expect(await refusal([])).toBe('demo needs --name NAME');
    expect(await refusal(['--name', 'x', '--at', '20/08/2024'])).toBe('--at expects a date YYYY-MM-DD, got "20/08/2024"');
    expect(await refusal(['--name', 'x', '--count', '0'])).toBe('--count expects a whole number of 1 or more, got "0"');
    expect(await refusal(['--name', 'x', '--by', 'days'])).toBe('--by expects one of event, day, round, got "days"; did you mean day?');
    expect(await refusal(['--name', 'x', '--kind', 'gamma'])).toBe('--kind expects alpha or beta, got "gamma"');
  });

  it('suggests the option meant, or lists the declared ones', async () => {
    expect(await refusal(['--name', 'x', '--jsn'])).toBe('unknown option "--jsn"; did you mean --json?');
    expect(await refusal(['--name', 'x', '--frobnicate'])).toBe(`unknown option "--frobnicate"; expected one of ${flagsOf(spec).join(', ')}`);
    expect(flagsOf(spec)).toEqual(['--at', '--count', '--by', '--kind', '--name', '--json', '--help']);
  });

  it('refuses positionals a command does not declare', async () => {
    const bare = command({ name: 'bare', summary: 's', about: '', options: {}, load: async () => ({ run: async () => undefined }) });
    await expect(parseCommandLine(bare, ['stray'])).rejects.toThrow(ProblemError);
    await expect(parseCommandLine(bare, ['stray'])).rejects.toThrow('bare takes no arguments; got "stray"');
  });

  const subcommand = command({
    name: 'sub',
    summary: 's',
    about: '',
    options: {},
    positionals: [
      { value: 'run', noun: 'subcommand', choices: ['run', 'list'] },
      { value: 'FILE', multiple: true },
    ],
    load: async () => ({ run: async () => undefined }),
  });
  const refusedBy = async (argv: string[]) => (await parseCommandLine(subcommand, argv).then(() => 'accepted', (e: ProblemError) => e.problems[0]!.message + (e.problems[0]!.expected ? `; expected ${e.problems[0]!.expected}` : '')));

  it('checks positionals in declared order: present when required, within their choices, no more than declared', async () => {
    expect((await parseCommandLine(subcommand, ['run', 'a', 'b'])).positionals).toEqual(['run', 'a', 'b']);
    expect(await refusedBy([])).toBe('sub needs a subcommand; expected run or list');
    expect(await refusedBy(['run'])).toBe('sub needs FILE');
    expect(await refusedBy(['runn', 'a'])).toBe('unknown subcommand "runn"; did you mean run?');
    expect(await refusedBy(['delete', 'a'])).toBe('unknown subcommand "delete"; expected run or list');
    const one = command({ name: 'one', summary: 's', about: '', options: {}, positionals: [{ value: 'NAME', optional: true }], load: async () => ({ run: async () => undefined }) });
    await expect(parseCommandLine(one, ['a', 'b'])).rejects.toThrow('one takes one argument (NAME); got "b" too');
    expect((await parseCommandLine(one, [])).positionals).toEqual([]);
  });
});
