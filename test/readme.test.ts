import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { machineDiagram } from '../src/index.js';

describe('README', () => {
  it('shows the statechart exactly as the machine generates it', async () => {
    const readme = await readFile(resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
    const block = /<!-- machine-diagram:start -->\n```mermaid\n([\s\S]*?)\n```\n<!-- machine-diagram:end -->/.exec(readme);
    expect(block, 'README has a machine-diagram block').not.toBeNull();
    expect(block![1]).toBe(machineDiagram());
  });

  it('gives the two set-up commands and the test command', async () => {
    const readme = await readFile(resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
