// The help is laid out from the declarations: every option and positional of
// every command is in its help, the synopsis brackets only what is optional,
// and lines fit 78 columns.
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/command-table.js';
import { helpText, overviewText, wrapWords } from '../src/cli/help-text.js';
import { command, option } from '../src/cli/option-spec.js';

describe('helpText', () => {
  it.each(commands.map((c) => [c.name, c] as const))('parley %s: every declared option has an entry, within 78 columns', async (_, spec) => {
    const help = await helpText(spec);
    expect(help.startsWith(`parley ${spec.name}`)).toBe(true);
    for (const [name, o] of Object.entries(spec.options)) expect(help).toMatch(new RegExp(`^  --${name}${o.value ? ` ${o.value.replace(/[|.]/g, '\\$&')}` : ''}( |$)`, 'm'));
    for (const line of help.split('\n')) if (line.trim().includes(' ')) expect(line.length, line).toBeLessThanOrEqual(78);
  });

  it('brackets what is optional, marks what repeats, and lists choices where the help asks for them', async () => {
    const spec = command({
      name: 'demo',
      summary: 's',
      about: 'About it.',
      options: {
        need: option({ type: 'string', value: 'X', required: true, multiple: true, help: 'needed.' }),
        pick: option({ type: 'string', value: 'P', choices: ['a', 'b'], help: 'one of {choices}' }),
        flag: option({ type: 'boolean', help: 'a flag' }),
      },
      positionals: [{ value: 'NAME', choices: ['x', 'y'] }, { value: 'FILE', multiple: true, optional: true }],
      load: async () => ({ run: async () => undefined }),
    });
    expect(await helpText(spec)).toBe(`parley demo x|y [FILE ...] --need X ... [--pick P] [--flag]

About it.

  --need X  needed. Repeatable.
  --pick P  one of a, b
  --flag    a flag`);
  });

  it('wraps words to the width left after the indent', () => {
    expect(wrapWords('aaa bbb ccc', 2, 10)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapWords('  ', 0)).toEqual([]);
  });

  it('lists every command in the overview', () => {
    const overview = overviewText(commands);
    for (const c of commands) expect(overview).toMatch(new RegExp(`^  ${c.name} +${c.summary.replace(/[()|.]/g, '\\$&')}$`, 'm'));
  });
});

describe('defaults written out in the help', () => {
  it("explore's help names the search's own defaults, which it loads no search code to know", async () => {
    const { DEFAULT_EXPLORE_BUDGET, DEFAULT_MAX_STEPS } = await import('../src/scenario/explore.js');
    const { exploreOptions } = await import('../src/cli/command-table.js');
    expect(exploreOptions['max-steps'].help).toContain(`(default ${DEFAULT_MAX_STEPS},`);
    expect(exploreOptions.budget.help).toContain(`default ${DEFAULT_EXPLORE_BUDGET})`);
  });
});
