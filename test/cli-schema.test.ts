// parley schema on the command line: the committed schemas/ files are its
// output for the bundled catalog, the shipped scenarios point their editors at
// one of them, and --catalog names the folder whose ids it enumerates.
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaNames } from '../src/domain/editor-schemas.js';
import { repoRoot, runCli } from './helpers/cli.js';

describe('parley schema --catalog', () => {
  it('prints what schemas/ holds, for each kind of file, with the bundled catalog', async () => {
    for (const name of schemaNames) {
      const r = await runCli(['schema', name, '--catalog', 'events']);
      expect(r.code).toBe(0);
      // Regenerate with: for n in ...; do node dist/cli/main.js schema $n --catalog events > schemas/$n.schema.json; done
      expect({ name, upToDate: r.stdout === (await readFile(join(repoRoot, 'schemas', `${name}.schema.json`), 'utf8')) }).toEqual({ name, upToDate: true });
    }
  });

  it('enumerates the catalog ids only when asked', async () => {
    const plain = await runCli(['schema', 'event']);
    const withCatalog = await runCli(['schema', 'event', '--catalog', 'events']);
    expect(plain.stdout).not.toContain('"philadelphi"');
    expect(withCatalog.stdout).toContain('"philadelphi"');
  });

  it('refuses a folder that is not a catalog, naming the missing files (exit 1)', async () => {
    const r = await runCli(['schema', 'event', '--catalog', 'no-such-folder']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-such-folder\/terms\.json: .*\[not-found\]/);
    expect(r.stdout).toBe('');
  });
});

describe('the shipped scenarios', () => {
  it("name, in their yaml-language-server comment, a schema file that exists: the scenario schema", async () => {
    const names = (await readdir(join(repoRoot, 'scenarios'))).filter((f) => f.endsWith('.yaml'));
    expect(names.length).toBeGreaterThan(0);
    const scenarioSchema = await readFile(join(repoRoot, 'schemas', 'scenario.schema.json'), 'utf8');
    for (const name of names) {
      const text = await readFile(join(repoRoot, 'scenarios', name), 'utf8');
      const target = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];
      expect({ name, target: target !== undefined }).toEqual({ name, target: true });
      const file = resolve(dirname(join(repoRoot, 'scenarios', name)), target!);
      expect(await readFile(file, 'utf8').catch(() => 'missing')).toBe(scenarioSchema);
    }
  });
});
