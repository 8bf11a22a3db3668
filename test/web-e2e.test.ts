// The viewer in a real browser: Debian's chromium driven by playwright-core,
// against the built binary's server. Screenshots go to test-artifacts/.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const main = join(root, 'dist', 'cli', 'main.js');
const artifacts = join(root, 'test-artifacts');
const fixtureLog = join(import.meta.dirname, 'fixtures', 'talks');
const whatIf = join(import.meta.dirname, 'fixtures', 'what-if.json');
const chromiumPath = '/usr/bin/chromium';

interface Served {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
}

function serve(args: string[]): Promise<Served> {
  const child = spawn('node', [main, 'view', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
      if (url) resolve({ url, child, output: () => output });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`parley view exited (${code}): ${output}`)));
  });
}

function stop(served: Served): Promise<number | null> {
  return new Promise((resolve) => {
    served.child.removeAllListeners('exit');
    served.child.on('exit', (code) => resolve(code));
    served.child.kill('SIGINT');
  });
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

async function setDate(page: Page, date: string): Promise<void> {
  const slider = page.locator('#date-slider');
  const current = (await page.locator('#date-output').textContent())!;
  const value = Number(await slider.inputValue()) + dayNumber(date) - dayNumber(current);
  await slider.fill(String(value));
  await expect.poll(() => page.locator('#date-output').textContent()).toBe(date);
  await expect.poll(() => page.locator('#main-matrix caption').textContent()).toContain(date);
}

const gapOf = (page: Page, term: string) => page.locator(`#main-matrix tr[data-term="${term}"] td.gap`);

// Skipped on a machine without chromium, so `npm test` works anywhere; never in CI, where
// .ci/run installs it and a missing browser must fail rather than pass quietly.
describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('the viewer in headless chromium', () => {
  let browser: Browser;
  let bundled: Served;
  let fixture: Served;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    [browser, bundled, fixture] = await Promise.all([
      chromium.launch({
        executablePath: chromiumPath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
      }),
      serve(['--scenario', whatIf]),
      serve(['--log', fixtureLog]),
    ]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    for (const s of [bundled, fixture]) if (s && s.child.exitCode === null) await stop(s);
  });

  async function open(served: Served): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url);
    await page.waitForSelector('body[data-ready="true"]');
    expect(errors).toEqual([]);
    return page;
  }

  it('shows the Philadelphi gap undetermined (and contested) on 23 August, the Cairo round open since 22 August, and the quotes behind a cell', async () => {
    const page = await open(bundled);
    await setDate(page, '2024-08-23');
    await expect.poll(() => gapOf(page, 'philadelphi').getAttribute('data-gap')).toBe('undetermined');
    expect(await gapOf(page, 'philadelphi').textContent()).toContain('Undetermined');
    expect(await page.locator('#rounds').textContent()).toMatch(/Cairo round \(cairo-2024-08\): opened 2024-08-22/);
    expect(await page.locator('#statechart .state.active').first().getAttribute('data-state')).toBe('negotiating');

    await page.locator('#main-philadelphi-israel').click();
    const dialog = page.locator('#quotes');
    await expect.poll(() => dialog.locator('.statement').count()).toBeGreaterThan(0);
    expect(await dialog.locator('#quotes-title').textContent()).toBe('Israel on Philadelphi corridor');
    const statement = await dialog.locator('.statement').first().textContent();
    expect(statement).toMatch(/“.+”/);
    expect(statement).toContain('according to');
    await page.screenshot({ path: join(artifacts, 'viewer-quotes.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#quotes[open]').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'viewer-2024-08-23.png'), fullPage: true });
    await page.close();
  });

  it('changes the matrix with the source filter and shows where outlets diverge', async () => {
    const page = await open(fixture);
    await setDate(page, '2024-08-23');
    const israelNetzarim = page.locator('#main-netzarim-israel');
    expect(await israelNetzarim.textContent()).toContain('screen people crossing');
    expect(await page.locator('#divergence').textContent()).toContain('Israel on Netzarim corridor');
    expect(await page.locator('#main-matrix td[data-party="israel"].flagged').count()).toBeGreaterThan(0);

    await page.selectOption('#source', 'daily-2024-08-23');
    await expect.poll(() => page.locator('#main-matrix caption').textContent()).toContain('as reported by The Daily Ledger');
    expect(await israelNetzarim.textContent()).toContain('Israeli forces stay on the corridor');
    expect(await gapOf(page, 'netzarim').getAttribute('data-gap')).toBe('open');
    expect(await gapOf(page, 'philadelphi').getAttribute('data-gap')).toBe('unknown');
    await page.selectOption('#source', '');
    // All sources: Hamas's own words outrank the mediator's report, and the gap says other claims would bridge it.
    await expect.poll(() => gapOf(page, 'netzarim').textContent()).toContain('contested: other claims give bridged');
    await page.screenshot({ path: join(artifacts, 'viewer-source-filter.png'), fullPage: true });
    await page.close();
  });

  it('overlays a scenario: baseline and what-if side by side, hypothetical events marked', async () => {
    const page = await open(bundled);
    await page.selectOption('#scenario', { label: 'Both sides accept a phased Philadelphi withdrawal' });
    await expect.poll(() => page.locator('#scenario-section').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-24');
    const hypotheticalEvents = page.locator('#day-events li.is-hyp');
    await expect.poll(() => hypotheticalEvents.count()).toBe(2);
    expect(await hypotheticalEvents.first().textContent()).toContain('◆ hypothetical');
    expect(await page.locator('#scenario-matrix tr[data-term="philadelphi"][data-side="whatif"] td.gap').getAttribute('data-gap')).toBe('bridged');
    expect(await page.locator('#scenario-matrix tr[data-term="philadelphi"][data-side="whatif"] td.gap').textContent()).toContain('◆ hypothetical');
    expect(await page.locator('#scenario-matrix tr[data-term="philadelphi"][data-side="baseline"] td.gap').textContent()).not.toContain('hypothetical');
    expect(await page.locator('#strip path.mark.is-hyp').count()).toBe(1);

    await page.locator('#whatif-philadelphi-israel').click();
    await expect.poll(() => page.locator('#quotes .statement.is-hyp').count()).toBe(1);
    expect(await page.locator('#quotes .statement.is-hyp').textContent()).toContain('reported by no source');
    await page.screenshot({ path: join(artifacts, 'viewer-scenario.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('works with the keyboard alone', async () => {
    const page = await open(fixture);
    // A string expression, so the test needs no DOM typings.
    const focused = () => page.evaluate<string>("document.activeElement?.id ?? ''");
    async function tabTo(id: string): Promise<void> {
      for (let i = 0; i < 40 && (await focused()) !== id; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(id);
    }
    await tabTo('date-slider');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-22');
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-14');
    await tabTo('next');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-15');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-16');
    await tabTo('prev');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-15');

    await tabTo('date-slider');
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-23');
    await tabTo('main-netzarim-hamas');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#quotes .statement').count()).toBeGreaterThan(0);
    expect(await page.locator('#quotes-title').textContent()).toBe('Hamas on Netzarim corridor');
    await page.screenshot({ path: join(artifacts, 'viewer-keyboard-dialog.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#quotes[open]').count()).toBe(0);
    expect(await focused()).toBe('main-netzarim-hamas');

    await tabTo('source');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#main-matrix caption').textContent()).toContain('as reported by The Wire Service');
    await page.close();
  });

  it('stops cleanly on Ctrl-C', async () => {
    expect(await stop(fixture)).toBe(0);
    expect(fixture.output()).toContain('parley view: stopped');
  });
});
