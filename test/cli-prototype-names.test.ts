// The real binary on a log whose ids are the names of Object.prototype
// members: `parley check` passes it and `parley state --json` gives the
// bundled log's state with only the names changed.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers/cli.js';
import { type RawLog, canonical, readRaw, rename, writeRaw } from './helpers/rename-ids.js';

let bundled: RawLog;
let bundledState: unknown;
beforeAll(async () => {
  bundled = await readRaw(join(repoRoot, 'events'));
  const r = await runCli(['state', '--json']);
  expect(r.code).toBe(0);
  bundledState = canonical(JSON.parse(r.stdout), '', '');
});

/** Each id of the bundled log renamed to a prototype name, all in one log (the names differ, so the renamings do not meet). */
const renamings = (raw: RawLog): [string, string][] => {
  const events = raw.files.flatMap((f) => f.events);
  const speakers = [...new Set(events.map((e) => (e.attribution as { speaker: string }).speaker))];
  return [
    ['hamas', 'constructor'],
    [events[0]!.id as string, '__proto__'],
    [events[1]!.id as string, 'toString'],
    [speakers[0]!, 'hasOwnProperty'],
    [speakers[1]!, 'valueOf'],
  ];
};

describe('parley check and state on ids named like Object.prototype members', () => {
  for (const [label, pick] of [
    ['a party, event ids and speakers', (raw: RawLog) => renamings(raw)],
    ['a term', () => [['philadelphi', 'constructor']]],
    ['a ladder option', () => [['phased-withdrawal', 'constructor']]],
    ['a source', () => [['anadolu-2024-08-23', 'constructor']]],
    ['a proposal', () => [['may-31-framework', 'constructor']]],
  ] as const) {
    it(`renames ${label}: check passes, and the state differs only in the names`, async () => {
      const pairs = pick(bundled) as [string, string][];
      const renamed = pairs.reduce((raw, [from, to]) => rename(raw, from, to) as RawLog, bundled);
      const dir = await mkdtemp(join(tmpdir(), 'parley-proto-'));
      await writeRaw(renamed, dir);
      const check = await runCli(['check', dir]);
      expect(check.stderr).toBe('');
      expect(check.code).toBe(0);
      const state = await runCli(['state', '--log', dir, '--json']);
      expect(state.code).toBe(0);
      const back = pairs.reduce((s, [from, to]) => canonical(s, to, from), JSON.parse(state.stdout) as unknown);
      expect(back).toEqual(bundledState);
    });
  }
});
