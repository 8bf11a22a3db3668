import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledEventsDir, loadCatalog, machineDiagram } from '../src/index.js';

describe('README', () => {
  it('shows the statechart exactly as the machine generates it from the bundled deal spec', async () => {
    const catalog = await loadCatalog(bundledEventsDir);
    if (!catalog.ok) throw new Error(catalog.problems.map((p) => p.message).join('\n'));
    const readme = await readFile(resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
    const block = /<!-- machine-diagram:start -->\n```mermaid\n([\s\S]*?)\n```\n<!-- machine-diagram:end -->/.exec(readme);
    expect(block, 'README has a machine-diagram block').not.toBeNull();
    expect(block![1]).toBe(machineDiagram(catalog.value.deal));
  });

  it('gives the two set-up commands and the test command', async () => {
    const readme = await readFile(resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});

describe('README scenario example', () => {
  it('runs as written: the annotated scenario passes its own expectations', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { runCli } = await import('./helpers/cli.js');
    const readme = await readFile(resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
    const block = /An annotated example, complete and runnable[\s\S]*?```yaml\n([\s\S]*?)\n```/.exec(readme);
    expect(block, 'README has the annotated scenario').not.toBeNull();
    const file = resolve(await mkdtemp(resolve(tmpdir(), 'parley-readme-')), 'example.yaml');
    await writeFile(file, block![1]!);
    const result = await runCli(['scenario', 'run', file]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).not.toContain('FAIL');
  });
});
