// The README's statechart rendered by the real mermaid library in headless
// chromium: the diagram must parse and draw, not only match the generator.
// mermaid's browser bundle is loaded from node_modules into a blank page, and
// the page may not reach the network.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealSpecSchema } from '../src/domain/deal-spec.js';
import { machineDiagram } from '../src/model/machine-diagram.js';

const root = join(import.meta.dirname, '..');
const chromiumPath = '/usr/bin/chromium';
const mermaidBundle = join(root, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');

interface Rendered {
  readonly ok: boolean;
  readonly error: string | null;
  readonly svg: string;
}

async function render(page: Page, source: string): Promise<Rendered> {
  return page.evaluate(async (text) => {
    const m = (globalThis as unknown as { mermaid: { render: (id: string, text: string) => Promise<{ svg: string }> } }).mermaid;
    try {
      const { svg } = await m.render(`d${Math.random().toString(36).slice(2)}`, text);
      return { ok: true, error: null, svg };
    } catch (e) {
      return { ok: false, error: String((e as Error).message ?? e), svg: '' };
    }
  }, source);
}

async function readmeDiagram(): Promise<string> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  return /<!-- machine-diagram:start -->\n```mermaid\n([\s\S]*?)\n```/.exec(readme)![1]!;
}

// Skipped on a machine without chromium, so `npm test` works anywhere; never in CI.
describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('the statechart diagram in the real mermaid library', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    // Nothing leaves the machine: every request but the blank page is refused.
    await page.route('**/*', (route) => route.abort());
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: mermaidBundle });
    await page.evaluate(() => (globalThis as unknown as { mermaid: { initialize: (c: object) => void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("renders the README's diagram, every state drawn", async () => {
    const result = await render(page, await readmeDiagram());
    expect(result.error).toBeNull();
    for (const state of ['negotiating', 'agreed', 'phase1', 'phase2', 'phase3', 'concluded', 'collapsed', 'roundInSession']) expect(result.svg).toContain(state);
  });

  it('renders the diagram of another spec (two phases) as generated', async () => {
    const spec = dealSpecSchema.parse({
      id: 'two-phases',
      label: 'Two phases',
      phases: [
        { label: 'First', days: 60, nextPhaseTalksDueDay: 30, requires: 'agreement' },
        { label: 'Second', days: null, requires: 'phase-agreement' },
      ],
    });
    const result = await render(page, machineDiagram(spec));
    expect(result.error).toBeNull();
    expect(result.svg).toContain('phase2');
    expect(result.svg).not.toContain('phase3');
  });

  it('fails on the old note form with a second colon, so a pass above means something', async () => {
    const bad = (await readmeDiagram()).replace(/handled in place - /g, 'handled in place: ');
    expect(bad).not.toBe(await readmeDiagram());
    const result = await render(page, bad);
    expect(result.ok).toBe(false);
  });
});
