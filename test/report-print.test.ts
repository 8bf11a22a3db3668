// The HTML handout printed to A4 PDF by headless chromium, read back with
// poppler's pdftotext: a sane page count, page numbers and margins, the gap
// colours kept for print, and no table row split across two pages. The PDF and
// a PNG of its first page go to test-artifacts/.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from './helpers/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const main = join(root, 'dist', 'cli', 'main.js');
const artifacts = join(root, 'test-artifacts');
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const MM = 72 / 25.4; // PDF points per millimetre

// Scripts run in the page are strings: the project's type check has no DOM library.
/** Marks the top and the end of every cell of the terms table with a token pdftotext will find. */
const probeRows = (page: Page) =>
  page.evaluate<number>(`(() => {
    const rows = [...document.querySelectorAll('table tbody tr')];
    rows.forEach((row, r) => {
      [...row.children].forEach((cell, c) => {
        const probe = (end) => Object.assign(document.createElement('span'), { textContent: 'ZQ' + r + 'X' + c + 'X' + end + 'QZ', style: 'font-size:5px' });
        cell.prepend(probe('S'));
        cell.append(probe('E'));
      });
    });
    return rows.length;
  })()`);

interface Printed {
  readonly pages: readonly string[];
  /** Each row's cells' top and end tokens, by the page (0-based) each was found on. */
  readonly rowPages: readonly (readonly number[])[];
  readonly pdf: Buffer;
}

/** Prints to test-artifacts/NAME.pdf; with `probe`, marks the rows first (the tokens show, tiny). */
async function print(browser: Browser, html: string, name: string, options: { probe: boolean; prepare?: (page: Page) => Promise<void> }): Promise<Printed> {
  const page = await browser.newPage();
  await page.setContent(html);
  await page.emulateMedia({ media: 'print' });
  await options.prepare?.(page);
  const rows = options.probe ? await probeRows(page) : 0;
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.close();
  const file = join(artifacts, `${name}.pdf`);
  writeFileSync(file, pdf);
  // pdftotext separates pages with a form feed.
  const pages = (await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 10_000_000 })).stdout.split('\f').slice(0, -1);
  const pageOf = (token: string) => pages.findIndex((p) => p.includes(token));
  const rowPages = Array.from({ length: rows }, (_, r) => {
    const found: number[] = [];
    for (let c = 0; pageOf(`ZQ${r}X${c}XSQZ`) !== -1; c++) found.push(pageOf(`ZQ${r}X${c}XSQZ`), pageOf(`ZQ${r}X${c}XEQZ`));
    return found;
  });
  return { pages, rowPages, pdf };
}

const splitRows = (p: Printed) => p.rowPages.flatMap((pages, r) => (new Set(pages).size === 1 ? [] : [r]));

// Skipped without chromium and poppler, so `npm test` works anywhere; never in CI, where
// .ci/run installs both and a missing tool must fail rather than pass quietly.
describe.skipIf((!existsSync(chromiumPath) || !hasPoppler) && !process.env.CI)('the handout printed to A4 PDF', () => {
  let browser: Browser;
  let html: string;
  const handout = async (...args: string[]) => (await run('node', [main, 'report', '--format', 'html', ...args])).stdout;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    [browser, html] = await Promise.all([
      launchChromium(),
      handout(),
    ]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('fits the bundled handout on a few numbered A4 pages, every word inside the margins', async () => {
    const printed = await print(browser, html, 'report', { probe: false });
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', join(artifacts, 'report.pdf'), join(artifacts, 'report-page-1')]);
    const count = printed.pages.length;
    // 10 terms, 7 proposals and responses, 8 other positions, 8 assessments and 54 cited sources.
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThanOrEqual(9);
    printed.pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${count}`));

    // Every word inside the @page margins (15 mm at the sides, 16 mm at the top; 2 pt for glyph overhang).
    const bbox = (await run('pdftotext', ['-bbox', join(artifacts, 'report.pdf'), '-'], { maxBuffer: 50_000_000 })).stdout;
    const [, width] = /<page width="([\d.]+)"/.exec(bbox)!;
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"/g)].map((m) => m.slice(1).map(Number) as [number, number, number]);
    expect(words.length).toBeGreaterThan(1000);
    for (const [xMin, yMin, xMax] of words) {
      expect(xMin).toBeGreaterThanOrEqual(15 * MM - 2);
      expect(xMax).toBeLessThanOrEqual(Number(width) - 15 * MM + 2);
      expect(yMin).toBeGreaterThanOrEqual(16 * MM - 2);
    }
  });

  // Before rows were kept whole, a row of the handouts of 16 and 19 August split across pages.
  it.each(['2024-08-16', '2024-08-19', '2024-09-13'])('keeps every table row on one page in the handout of %s', async (date) => {
    const printed = await print(browser, await handout('--at', date), `report-${date}-probed`, { probe: true });
    expect(printed.pages.length).toBeGreaterThanOrEqual(2);
    expect(printed.pages.length).toBeLessThanOrEqual(12);
    expect(printed.rowPages.every((pages) => pages.length === 8 && !pages.includes(-1))).toBe(true);
    expect(splitRows(printed)).toEqual([]);
  });

  it('finds a split row when one cannot help splitting (the check can fail)', async () => {
    // A row taller than a page splits whatever the style says; the check must see it.
    const printed = await print(browser, html, 'report-forced-split-probed', {
      probe: true,
      prepare: (page) =>
        page.evaluate(`document.querySelector('table tbody tr td').append(...Array.from({ length: 120 }, (_, i) => Object.assign(document.createElement('div'), { textContent: 'filler line ' + i })))`),
    });
    expect(splitRows(printed)).toEqual([0]);
  });

  it('keeps the gap colours and citation numbers apart in print', async () => {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.emulateMedia({ media: 'print' });
    const gap = await page.evaluate(`(() => { const s = getComputedStyle(document.querySelector('td.gap-open')); return { adjust: s.printColorAdjust, background: s.backgroundColor }; })()`);
    expect(gap).toEqual({ adjust: 'exact', background: 'rgb(253, 226, 225)' });
    // No two superscripts side by side: they would read as one number.
    expect(await page.locator('sup + sup').count()).toBe(0);
    expect(await page.locator('td.gap-open sup.refs').first().textContent()).toMatch(/^\d+(–\d+)?(, \d+(–\d+)?)*$/);
    await page.close();
  });
});
