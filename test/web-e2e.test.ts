// The viewer in a real browser: Debian's chromium driven by playwright-core,
// against the built binary's server, checked with axe-core at every size and
// colour scheme. Screenshots go to test-artifacts/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type Served, axePath, chromiumPath, launchChromium, serveViewer, stopViewer } from './helpers/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const artifacts = join(root, 'test-artifacts');
const fixtureLog = join(import.meta.dirname, 'fixtures', 'talks');
const whatIf = join(import.meta.dirname, 'fixtures', 'what-if.json');
const phasedScenario = join(root, 'scenarios', 'sign-and-phase1-stalls.yaml');

/** Moves the slider (one stop per event day) to `date` by bisecting its stops (it names its stop at once), and waits for the page to follow. */
async function setDate(page: Page, date: string): Promise<void> {
  const slider = page.locator('#date-slider');
  let [lo, hi] = [0, Number(await slider.getAttribute('max'))];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    await slider.fill(String(mid));
    if ((await slider.getAttribute('aria-valuetext'))! <= date) lo = mid;
    else hi = mid - 1;
  }
  await slider.fill(String(lo));
  await expect.poll(() => page.locator('#date-output').textContent()).toBe(date);
  await expect.poll(() => page.locator('#main-matrix caption').textContent()).toContain(date);
}

/** axe-core's violations on the page as it is, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate<string[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')))`);
}

/** Text the page shows smaller than `min` px: HTML text by its computed size, SVG text by its size on screen. */
function smallText(page: Page, min: number): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const small = [];
    const seen = (el) => { const r = el.getBoundingClientRect(); return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden'; };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const els = new Set();
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (el && walker.currentNode.textContent.trim() !== '' && !el.closest('title, desc, option, script, style')) els.add(el);
    }
    for (const el of document.querySelectorAll('select, button')) els.add(el);
    for (const el of els) {
      if (!seen(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize) * (el instanceof SVGElement ? el.getScreenCTM().a : 1);
      if (size < ${min} - 0.01) small.push(el.tagName.toLowerCase() + '.' + (el.getAttribute('class') ?? '') + ' ' + size.toFixed(1) + 'px: ' + (el.textContent ?? '').trim().slice(0, 40));
    }
    return small;
  })()`);
}

const scrollsSideways = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');

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
      launchChromium(),
      serveViewer(['--scenario', whatIf, '--scenario', phasedScenario]),
      serveViewer(['--log', fixtureLog]),
    ]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    for (const s of [bundled, fixture]) if (s && s.child.exitCode === null) await stopViewer(s);
  });

  /** The reported view unless `query` names a scenario; `asIs` opens the address exactly as given. */
  async function open(served: Served, options: BrowserContextOptions & { query?: string; asIs?: boolean } = {}): Promise<Page> {
    const { query, asIs, ...context } = options;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, ...context });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const q = new URLSearchParams(query ?? '');
    if (!asIs && !q.has('scenario')) q.set('scenario', 'none');
    await page.goto(asIs ? `${served.url}${query ?? ''}` : `${served.url}?${q}`);
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
    // The legend names every status the matrix shows, and the contested mark.
    const legend = page.locator('#matrix-legend [data-status]');
    const explained = await legend.evaluateAll((spans) => spans.map((s) => s.textContent));
    const shown = await page.locator('#main-matrix td.gap').evaluateAll((tds) => tds.map((td) => [td.querySelector('.gap-label')!.textContent, td.querySelector('.badge.contested') ? 'contested' : null]).flat());
    expect(shown).toContain('Undetermined');
    expect(shown).toContain('contested');
    for (const label of shown) if (label !== null) expect(explained).toContain(label);

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

  it('opens with the first scenario of the command line, unless the address says none or another', async () => {
    const page = await open(bundled, { asIs: true });
    const first = (await page.locator('#scenario option').nth(1).textContent())!;
    expect(await page.locator('#scenario').inputValue()).toBe('0');
    await expect.poll(() => page.locator('#scenario-section').isVisible()).toBe(true);
    expect(await page.locator('#status').textContent()).toContain(`with the scenario “${first}”`);
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('0');
    await page.selectOption('#scenario', '');
    await expect.poll(() => new URL(page.url()).searchParams.get('scenario')).toBe('none');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#scenario').inputValue()).toBe('');
    expect(await page.locator('#scenario-section').isVisible()).toBe(false);
    await page.close();
    const second = await open(bundled, { asIs: true, query: '?scenario=1' });
    expect(await second.locator('#scenario').inputValue()).toBe('1');
    await second.close();
    const none = await open(fixture, { asIs: true });
    expect(await none.locator('#status').textContent()).not.toContain('scenario');
    await none.close();
  });

  it("shows every one of a day's events whole at 1920x1080, none under the Rounds heading", async () => {
    const page = await open(bundled, { viewport: { width: 1920, height: 1080 } });
    // Measured in one go, once the layout has settled: charts above the list redraw at their width
    // after the first frame and move everything below them, so boxes read at different moments disagree.
    const boxes = await page.evaluate<{ rounds: number; list: number; items: number[] }>(`new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      const bottom = (el) => el.getBoundingClientRect().bottom;
      done({ rounds: document.getElementById('rounds-h').getBoundingClientRect().top, list: bottom(document.getElementById('day-events')), items: [...document.querySelectorAll('#day-events li')].map(bottom) });
    }, 300))))`);
    expect(boxes.items.length).toBeGreaterThan(0);
    // A list that clipped its items, or let them run under the heading, would end above their bottoms.
    for (const bottom of boxes.items) {
      expect(bottom).toBeLessThanOrEqual(boxes.rounds);
      expect(bottom).toBeLessThanOrEqual(boxes.list + 0.5);
    }
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
    expect(await scrollsSideways(page)).toBe(false);

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
    // The slider stops on event days only: the fixture's are 15, 16, 18, 19, 22 and 23 August.
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-15');
    await tabTo('next');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-16');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-18');
    await tabTo('prev');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-16');
    await page.keyboard.press('Space');
    // Previous is disabled on the first day: the focus moves to Next, not to the page.
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-15');
    await expect.poll(focused).toBe('next');

    await tabTo('date-slider');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-22');
    await tabTo('next');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-23');
    await expect.poll(focused).toBe('prev');
    await tabTo('main-netzarim-hamas');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#quotes .statement').count()).toBeGreaterThan(0);
    expect(await page.locator('#quotes-title').textContent()).toBe('Hamas on Netzarim corridor');
    await page.screenshot({ path: join(artifacts, 'viewer-keyboard-dialog.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#quotes[open]').count()).toBe(0);
    expect(await focused()).toBe('main-netzarim-hamas');
    // A redraw replaces the matrix; the focus stays on the same cell.
    await page.keyboard.press('p');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-22');
    await expect.poll(focused).toBe('main-netzarim-hamas');
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-23');

    // h: only what had been reported by then; c: class mode; ?: the keys.
    await page.keyboard.press('h');
    await expect.poll(() => page.locator('input[name="hindsight"][value="on"]').isChecked()).toBe(true);
    await expect.poll(() => page.locator('#main-matrix caption').textContent()).toContain('as reported by then');
    await page.keyboard.press('c');
    await expect.poll(() => page.locator('body.class-mode').count()).toBe(1);
    await page.keyboard.press('c');
    await expect.poll(() => page.locator('body.class-mode').count()).toBe(0);
    await page.keyboard.press('?');
    await expect.poll(() => page.locator('#keys[open]').count()).toBe(1);
    expect(await page.locator('#keys').textContent()).toContain('class mode');

    await tabTo('source');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#main-matrix caption').textContent()).toContain('as reported by The Wire Service');
    await page.close();
  });

  it('answers "what did the class know on 19 August, and who said so?": only what had been reported by then, each with its speaker, outlet and report date', async () => {
    const page = await open(bundled, { viewport: { width: 1920, height: 1080 }, query: '?class=1' });
    // Class mode starts with no hindsight.
    expect(await page.locator('input[name="hindsight"][value="on"]').isChecked()).toBe(true);
    await setDate(page, '2024-08-19');
    const date = '2024-08-19';
    // What the server says was reported by then, and what was reported only later.
    const known = await page.evaluate<{ id: string; day: string; reported: string | null; speaker: string | null; source: string | null }[]>(`fetch('/api/timeline?knownAt=${date}').then((r) => r.json()).then((t) => t.events)`);
    const all = await page.evaluate<{ id: string; day: string; reported: string | null }[]>(`fetch('/api/timeline').then((r) => r.json()).then((t) => t.events)`);
    const knownIds = new Set(known.map((e) => e.id));
    const later = all.filter((e) => e.day <= date && !knownIds.has(e.id));
    expect(later.length).toBeGreaterThan(0);

    const shown = await page.locator('#day-events li[data-event]').evaluateAll((lis) => lis.map((li) => ({ id: li.getAttribute('data-event')!, said: li.querySelector('.said-by')!.textContent! })));
    expect(shown.map((e) => e.id).sort()).toEqual(known.filter((e) => e.day === date).map((e) => e.id).sort());
    for (const e of shown) {
      const event = known.find((k) => k.id === e.id)!;
      // Who said it, according to which outlet, reported when.
      expect(e.said).toMatch(/according to .+, reported \d{4}-\d{2}-\d{2}|in its own words, reported/);
      if (event.speaker) expect(e.said.startsWith(event.speaker)).toBe(true);
      expect(e.said.match(/reported (\d{4}-\d{2}-\d{2})/)![1]! <= date).toBe(true);
    }
    // Nothing reported later appears anywhere on the page: not in the day's events, the rounds, or the cells.
    const pageText = await page.locator('main').textContent();
    for (const e of later) expect(await page.locator(`[data-event="${e.id}"]`).count()).toBe(0);
    expect(pageText).not.toContain('Cairo round');
    expect(await page.locator('#rounds').textContent()).toMatch(/Doha round .*closed 2024-08-16/);
    // Every statement behind a position was reported by then, with its speaker and outlet.
    const cells = page.locator('#main-matrix button.cell');
    expect(await cells.count()).toBeGreaterThan(0);
    await cells.first().click();
    await expect.poll(() => page.locator('#quotes .claim').count()).toBeGreaterThan(0);
    // Each claim names the events it rests on; a claim can rest on several reports of one act.
    const claimed = await page.locator('#quotes .claim').evaluateAll((lis) => lis.flatMap((li) => li.getAttribute('data-events')!.split(' ')));
    expect(claimed.length).toBeGreaterThan(0);
    for (const id of claimed) expect(knownIds.has(id)).toBe(true);
    expect(await page.locator('#quotes .claim .who strong').first().textContent()).not.toBe('');
    expect(await page.locator('#quotes .claim .source').first().textContent()).toMatch(/^Said \d{4}-\d{2}-\d{2}, according to .+, reported (\d{4}-\d{2}-\d{2})\.$/);
    await page.screenshot({ path: join(artifacts, 'viewer-class-2024-08-19-quotes.png') });
    await page.keyboard.press('Escape');
    // Closing the dialog returns focus to the clicked cell, which may scroll: the question is what the first screen holds.
    await page.evaluate('window.scrollTo(0, 0)');

    // Slider, statechart and the matrix's start are on the one screen; nothing sideways.
    const inView = (selector: string) => page.locator(selector).evaluate((el: { getBoundingClientRect(): { top: number; bottom: number } }) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= 1080; });
    expect(await inView('.date-controls')).toBe(true);
    expect(await inView('#strip')).toBe(true);
    expect(await inView('#statechart svg')).toBe(true);
    expect(await inView('#main-matrix thead')).toBe(true);
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(artifacts, 'viewer-class-2024-08-19.png') });

    // With everything reported since, the same day shows what was reported later too.
    await page.locator('input[name="hindsight"][value="off"]').check();
    await expect.poll(() => page.locator('#main-matrix caption').textContent()).toContain('with everything reported since');
    await expect.poll(() => page.locator('#day-events li[data-event]').count()).toBe(all.filter((e) => e.day === date).length);
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const size of [
      { name: 'class-1920x1080', width: 1920, height: 1080, query: '?class=1' },
      { name: '1280x800', width: 1280, height: 800, query: '' },
      { name: 'phone-390x844', width: 390, height: 844, query: '' },
    ]) {
      it(`at ${size.name} in ${colorScheme}: no axe violations, nothing sideways, the dialog whole${size.query ? ', no text under 18 px' : ''}`, async () => {
        // The page allows no inline script: axe is injected past the CSP.
        const page = await open(bundled, { viewport: { width: size.width, height: size.height }, colorScheme, bypassCSP: true, query: `${size.query}${size.query ? '&' : '?'}at=2024-08-23` });
        await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-08-23');
        expect(await axeViolations(page)).toEqual([]);
        expect(await scrollsSideways(page)).toBe(false);
        // Out of class mode the page has smaller text: the measure finds it.
        if (size.query) expect(await smallText(page, 18)).toEqual([]);
        else expect((await smallText(page, 18)).length).toBeGreaterThan(0);
        await page.screenshot({ path: join(artifacts, `viewer-${size.name}-${colorScheme}.png`), fullPage: size.width < 1920 });
        await page.locator('#main-philadelphi-israel').click();
        await expect.poll(() => page.locator('#quotes .statement').count()).toBeGreaterThan(0);
        // The dialog fades in: measure and check contrast once it has.
        await page.locator('#quotes').evaluate((d: { getAnimations(): { finished: Promise<unknown> }[] }) => Promise.all(d.getAnimations().map((a) => a.finished)));
        const box = (await page.locator('#quotes').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y + box.height).toBeLessThanOrEqual(size.height);
        expect(await axeViolations(page)).toEqual([]);
        if (size.query) expect(await smallText(page, 18)).toEqual([]);
        await page.screenshot({ path: join(artifacts, `viewer-${size.name}-${colorScheme}-dialog.png`) });
        await page.close();
      });
    }
  }

  it('follows the colour scheme and reduced motion', async () => {
    const style = (page: Page) => page.evaluate<{ bg: string; transition: string }>("({ bg: getComputedStyle(document.documentElement).backgroundColor, transition: getComputedStyle(document.querySelector('#main-matrix td')).transitionDuration })");
    const light = await open(fixture, { colorScheme: 'light' });
    const dark = await open(fixture, { colorScheme: 'dark', reducedMotion: 'reduce' });
    const [l, d] = [await style(light), await style(dark)];
    expect(l.bg).not.toBe(d.bg);
    expect(l.transition).not.toBe('0s');
    expect(d.transition).toBe('0s');
    await Promise.all([light.close(), dark.close()]);
  });

  it('derives positions by the chosen claims policy, and starts with the one parley view --policy names', async () => {
    const page = await open(fixture);
    await setDate(page, '2024-08-23');
    for (const policy of ['latest', 'consensus', 'first-hand']) {
      await page.selectOption('#policy', policy);
      await expect.poll(() => page.locator('#main-matrix caption').textContent()).toContain(`claims decided ${policy}`);
      const expected = await page.evaluate<Record<string, { status: string }>>(`fetch('/api/state?at=2024-08-23&policy=${policy}').then((r) => r.json()).then((s) => s.gaps)`);
      for (const [term, gap] of Object.entries(expected)) expect(await gapOf(page, term).getAttribute('data-gap')).toBe(gap.status);
    }
    await page.close();
    const latest = await serveViewer(['--log', fixtureLog, '--policy', 'latest']);
    try {
      const other = await open(latest);
      expect(await other.locator('#policy').inputValue()).toBe('latest');
      await other.close();
    } finally {
      await stopViewer(latest);
    }
  });

  it("reaches a scenario's own days, shows its phase clock, and comes back into range without it", async () => {
    const page = await open(bundled, { query: '?at=2024-09-13' });
    await page.selectOption('#scenario', { label: 'Both sides sign, phase 1 runs its 42 days, and phase-2 talks stall' });
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2025-01-15');
    const days: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.locator('#next').click();
      await expect.poll(() => page.locator('#date-output').textContent()).not.toBe(days.at(-1) ?? '2025-01-15');
      days.push((await page.locator('#date-output').textContent())!);
    }
    // The scenario's own dates: phase 1 day 16 (talks due), day 17 (overdue) and day 46.
    expect(days).toEqual(['2025-01-19', '2025-02-03', '2025-02-04', '2025-03-05']);
    expect(await page.locator('#next').isDisabled()).toBe(true);
    await expect.poll(() => page.locator('#clock').textContent()).toContain('day 46');
    expect(await page.locator('#clock').textContent()).toContain('hypothetical');
    await page.locator('#prev').click();
    await page.locator('#prev').click();
    await expect.poll(() => page.locator('#clock').textContent()).toContain('day 16');
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: join(artifacts, 'viewer-scenario-clock.png'), fullPage: true });
    await page.selectOption('#scenario', '');
    // 3 February 2025 is no reported day: the page goes back to the last one before it.
    await expect.poll(() => page.locator('#date-output').textContent()).toBe('2024-09-13');
    expect(await page.locator('#clock').textContent()).toContain('not running');
    await page.close();
  });

  it('stops cleanly on Ctrl-C', async () => {
    expect(await stopViewer(fixture)).toBe(0);
    expect(fixture.output()).toContain('parley view: stopped');
  });
});
