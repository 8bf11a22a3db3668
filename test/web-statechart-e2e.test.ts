// The viewer's statechart, positions dialog, scenario comparison and gaps chart
// in headless chromium, checked against what the API says (so they hold for any
// log): labels on every transition, the current and what-if states marked,
// arrowheads apart, claims placed on the ladder, baseline and what-if aligned,
// text sizes for a projector, and no axe-core violations. Screenshots at
// 1920x1080 and 390x844 go to test-artifacts/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type Served, axePath, chromiumPath, launchChromium, serveViewer } from './helpers/browser.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MachineNode } from '../src/model/machine-structure.js';
import type { NegotiationState } from '../src/model/negotiation-state.js';

const root = join(import.meta.dirname, '..');
const artifacts = join(root, 'test-artifacts');
const sameSpec = join(root, 'scenarios', 'israel-phased-philadelphi.yaml');
const ownSpec = join(import.meta.dirname, 'fixtures', 'scenarios', 'sixty-day-phase1.yaml');

interface Meta {
  readonly machine: MachineNode;
  readonly last: string;
  readonly catalog: { terms: { id: string; label: string; ladder: { id: string; label: string }[] }[]; principals: string[]; parties: { id: string; name: string }[] };
}
interface ScenarioInfo {
  readonly title: string;
  readonly dates: string[];
  readonly machine: MachineNode | null;
}

const getJson = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;

/** Every (source, target, event) of a transition that moves the machine. */
function moves(machine: MachineNode): { from: string; to: string; event: string; guard: string | null }[] {
  const all: { from: string; to: string; event: string; guard: string | null }[] = [];
  const visit = (n: MachineNode) => {
    for (const t of n.transitions) if (!t.inPlace) for (const to of t.targets) all.push({ from: n.path, to, event: t.event, guard: t.guard });
    n.children.forEach(visit);
  };
  machine.children.forEach(visit);
  return all;
}

const lifecycle = (s: NegotiationState) => (s.stage ? `${s.phase}.${s.stage}` : s.phase);

// Strings evaluated in the page, so the test needs no DOM typings.
const rendered = (selector: string) => `[...document.querySelectorAll(${JSON.stringify(selector)})].map((el) => {
  const r = el.getBoundingClientRect();
  const ctm = el.getScreenCTM ? el.getScreenCTM() : null;
  return { text: el.textContent, x: r.x, y: r.y, w: r.width, h: r.height, px: parseFloat(getComputedStyle(el).fontSize) * (ctm ? ctm.a : 1) };
})`;

describe.skipIf(!existsSync(chromiumPath) && !process.env.CI)('the statechart, positions dialog, comparison and gaps chart in chromium', () => {
  let browser: Browser;
  let served: Served;
  let meta: Meta;
  let scenarios: ScenarioInfo[];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    [browser, served] = await Promise.all([
      launchChromium(),
      serveViewer(['--scenario', sameSpec, '--scenario', ownSpec]),
    ]);
    [meta, scenarios] = await Promise.all([getJson<Meta>(`${served.url}api/meta`), getJson<ScenarioInfo[]>(`${served.url}api/scenarios`)]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    served?.child.kill('SIGINT');
  });

  async function open(width: number, height: number): Promise<Page> {
    // axe-core is injected as an inline script, which the server's Content-Security-Policy forbids.
    const page = await browser.newPage({ viewport: { width, height }, bypassCSP: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The reported view; a test that wants a scenario chooses it.
    await page.goto(`${served.url}?scenario=none`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#statechart .statechart-holder[data-drawn]');
    expect(errors).toEqual([]);
    return page;
  }

  async function axe(page: Page, include: string[]): Promise<unknown[]> {
    await page.addScriptTag({ path: axePath });
    // label-content-name-mismatch is experimental in axe, so off unless asked for; the matrix cells once failed it.
    const options = { rules: { 'label-content-name-mismatch': { enabled: true } } };
    return page.evaluate<unknown[]>(`axe.run({ include: ${JSON.stringify(include.map((s) => [s]))} }, ${JSON.stringify(options)}).then((r) => r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) })))`);
  }

  async function chooseScenario(page: Page, title: string): Promise<void> {
    await page.selectOption('#scenario', { label: title });
    await expect.poll(() => page.locator('#scenario-section').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#scenario-matrix').count()).toBe(1);
    await page.waitForSelector('#statechart .statechart-holder[data-drawn]');
  }

  it('labels every transition with its event and guard, marks the current state, and keeps arrowheads apart, at projector sizes; class mode folds it into one row', async () => {
    const page = await open(1920, 1080);
    const state = await getJson<NegotiationState>(`${served.url}api/state?at=${meta.last}`);
    const chart = page.locator('#statechart .statechart-holder').first();
    for (const m of moves(meta.machine)) {
      const edge = chart.locator(`g.transition[data-from="${m.from}"][data-to="${m.to}"]`);
      expect(await edge.count(), `${m.from} → ${m.to}`).toBe(1);
      const text = await edge.locator('text.label').textContent();
      expect(text).toContain(m.event);
      if (m.guard) expect(text).toContain(`[${m.guard}]`);
    }
    const now = lifecycle(state);
    const marked = await chart.locator('g.state.active').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-state')));
    expect(marked).toContain(now);
    expect(marked.every((p) => p === now || now.startsWith(`${p}.`))).toBe(true);
    expect(await chart.locator(`g.state[data-state="${now}"] text.marker`).textContent()).toContain('now');
    // A round the state holds in session only because it was last reported so earlier says since when, on the chart too.
    const note = chart.locator(`g.state[data-state="${now}"] text.marker-note`);
    if (state.round?.status === 'last-reported-in-session' && state.stage === 'roundInSession') {
      const day = new Date(`${state.round.lastReported}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
      expect(await note.textContent()).toBe(`last reported ${day}`);
      expect(await chart.locator('svg desc').textContent()).toContain(`(last reported ${day})`);
    } else expect(await note.count()).toBe(0);
    const noted = await note.count();

    // Arrowheads: the last point of every arrow, none within 6 px of another.
    const ends = await chart.locator('path.edge').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')!.split(/[ML]/).filter(Boolean).at(-1)!.split(',').map(Number)));
    for (const [i, a] of ends.entries()) for (const b of ends.slice(i + 1)) expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!)).toBeGreaterThan(6);

    // Names at least 14 px on screen; the chart not held to a fixed width.
    const names = (await page.evaluate<{ px: number }[]>(rendered('#statechart text.name')));
    expect(Math.min(...names.map((n) => n.px))).toBeGreaterThanOrEqual(14);
    expect((await chart.locator('svg').boundingBox())!.width).toBeGreaterThan(1180);
    await page.screenshot({ path: join(artifacts, 'statechart-1920.png'), fullPage: true });

    // Class mode: names at least 18 px, labels too.
    await page.evaluate(`document.body.classList.add('class-mode')`);
    await expect.poll(async () => Math.min(...(await page.evaluate<{ px: number }[]>(rendered('#statechart text.name'))).map((n) => n.px))).toBeGreaterThanOrEqual(18);
    expect(Math.min(...(await page.evaluate<{ px: number }[]>(rendered('#statechart text.label tspan'))).map((n) => n.px))).toBeGreaterThanOrEqual(18);
    // Class mode draws the compact chart: the top-level states in one row, each substate folded
    // into its parent (the current one named under it), each crossing transition on the arrow between.
    const top = (path: string) => path.split('.')[0]!;
    await expect.poll(() => chart.locator('g.state').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-state')))).toEqual(meta.machine.children.map((c) => c.path));
    for (const m of moves(meta.machine).filter((x) => top(x.from) !== top(x.to))) {
      const edge = chart.locator(`g.transition[data-from="${top(m.from)}"][data-to="${top(m.to)}"]`);
      expect(await edge.count(), `${top(m.from)} → ${top(m.to)}`).toBe(1);
      expect(await edge.locator('path.edge title').textContent()).toContain(m.event);
    }
    if (now.includes('.')) expect(await chart.locator(`g.state[data-state="${top(now)}"] text.substate`).textContent()).toBe(`— ${now.split('.').slice(1).map((k) => k.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase()).join(', ')}`);
    expect(await chart.locator(`g.state[data-state="${top(now)}"] text.marker`).textContent()).toContain('now');
    expect(await chart.locator(`g.state[data-state="${top(now)}"] text.marker-note`).count()).toBe(noted);
    const compact = (await chart.locator('svg').boundingBox())!;
    expect(compact.height).toBeLessThanOrEqual(320);
    expect(compact.width).toBeLessThanOrEqual((await chart.boundingBox())!.width);
    await page.locator('#statechart-section').screenshot({ path: join(artifacts, 'statechart-class-mode-1920.png') });
    expect(await axe(page, ['#statechart', '#matrix', '#chart'])).toEqual([]);
    // Out of class mode again, the full chart comes back.
    await page.evaluate(`document.body.classList.remove('class-mode')`);
    await expect.poll(() => chart.locator(`g.state[data-state="${now}"]`).count()).toBe(1);
    await page.close();
  });

  it('marks the what-if state apart from the current one, and draws a scenario’s own deal spec', async () => {
    const page = await open(1920, 1080);
    const same = scenarios.find((s) => s.machine === null)!;
    await chooseScenario(page, same.title);
    const at = (await page.locator('#date-output').textContent())!;
    const both = await getJson<{ baseline: NegotiationState; whatIf: NegotiationState }>(`${served.url}api/scenario/${scenarios.indexOf(same)}/state?at=${at}`);
    await expect.poll(() => page.locator('#statechart .statechart-holder').count()).toBe(1);
    const whatIfPath = lifecycle(both.whatIf);
    await expect.poll(() => page.locator(`#statechart g.state.what-if[data-state="${whatIfPath}"]`).count()).toBe(1);
    // Not by colour alone: a dashed ring and the words.
    expect(await page.locator(`#statechart g.state[data-state="${whatIfPath}"] .what-if-ring`).count()).toBe(1);
    expect(await page.locator(`#statechart g.state[data-state="${whatIfPath}"] text.marker`).textContent()).toContain('what-if');

    const own = scenarios.find((s) => s.machine !== null)!;
    await chooseScenario(page, own.title);
    await expect.poll(() => page.locator('#statechart .statechart-holder[data-drawn]').count()).toBe(2);
    const second = page.locator('#statechart .statechart-holder').nth(1);
    const drawn = await second.locator('g.state').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-state')));
    const specStates: string[] = [];
    const visit = (n: MachineNode) => (specStates.push(n.path), n.children.forEach(visit));
    own.machine!.children.forEach(visit);
    expect(drawn.sort()).toEqual(specStates.sort());
    expect(await second.locator('g.state.what-if').count()).toBeGreaterThan(0);
    expect(await second.locator('g.state.active').count()).toBe(0);
    expect(await page.locator('#statechart .statechart-holder').first().locator('g.state.what-if').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'statechart-own-spec-1920.png'), fullPage: true });
    await page.close();
  });

  it('places each principal’s claims on the term’s ladder, lists every claim with speaker, relation, source and quote, and opens at the top', async () => {
    const page = await open(1920, 1080);
    const state = await getJson<NegotiationState>(`${served.url}api/state?at=${meta.last}`);
    const [a, b] = meta.catalog.principals as [string, string];
    // The term whose position has the most claims: the longest dialog.
    const term = meta.catalog.terms.filter((t) => state.positions[t.id]?.[a]).sort((x, y) => state.positions[y.id]![a]!.claims.length - state.positions[x.id]![a]!.claims.length)[0]!;
    const position = state.positions[term.id]![a]!;
    await page.locator(`#main-${term.id}-${a}`).click();
    const dialog = page.locator('#quotes');
    await expect.poll(() => dialog.locator('.claim').count()).toBe(position.claims.length);
    expect(await dialog.evaluate((d) => d.scrollTop)).toBe(0);
    const rows = dialog.locator('table.ladder tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-option')))).toEqual(term.ladder.map((o) => o.id));
    for (const [col, party] of [a, b].entries()) {
      const p = state.positions[term.id]?.[party];
      for (const [i, o] of term.ladder.entries()) {
        const cell = (await rows.nth(i).locator('td.stance').nth(col).textContent()) ?? '';
        expect(cell.includes('✓ accepts'), `${party} on ${o.id}`).toBe(p?.accepts.includes(o.id) ?? false);
        expect(cell.includes('✗ rejects'), `${party} on ${o.id}`).toBe(!p?.accepts.includes(o.id) && (p?.rejects.includes(o.id) ?? false));
      }
    }
    // Each claim of the first principal is placed on the rows of the options it accepts or rejects.
    const refs = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td.stance .claim-refs')?.textContent?.replace('claims', '').trim().split(/\s+/) ?? []));
    for (const [k, c] of position.claims.entries()) {
      for (const [i, o] of term.ladder.entries()) {
        const mark = c.accepts.includes(o.id) ? '✓' : c.rejects.includes(o.id) ? '✗' : null;
        const listed = refs[i]!.find((r: string) => r.slice(0, -1) === String(k + 1));
        expect(listed ?? null, `claim ${k + 1} on ${o.id}`).toBe(mark === null ? null : `${k + 1}${mark}`);
      }
    }
    const items = dialog.locator('.claim');
    for (const [i, c] of position.claims.entries()) {
      const text = (await items.nth(i).textContent())!;
      expect(text).toContain(c.speaker);
      expect(await items.nth(i).getAttribute('data-rank')).toBe(c.rank);
      if (!c.hypothetical) expect(text).toMatch(/according to .+/);
    }
    expect(await dialog.locator('.claim blockquote').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(artifacts, 'dialog-ladder-1920.png') });
    expect(await axe(page, ['#quotes'])).toEqual([]);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('fits the dialog and the ladder on a 390 px screen, the statechart and chart text still readable', async () => {
    const page = await open(390, 844);
    const state = await getJson<NegotiationState>(`${served.url}api/state?at=${meta.last}`);
    const [a] = meta.catalog.principals as [string];
    const term = meta.catalog.terms.find((t) => state.positions[t.id]?.[a])!;
    await page.screenshot({ path: join(artifacts, 'viewer-390.png'), fullPage: true });
    await page.locator(`#main-${term.id}-${a}`).click();
    await expect.poll(() => page.locator('#quotes .claim').count()).toBeGreaterThan(0);
    const box = (await page.locator('#quotes').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.locator('#quotes table.ladder').evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth + 1)).toBe(true);
    expect(await page.locator('#quotes').evaluate((d) => d.scrollTop)).toBe(0);
    await page.screenshot({ path: join(artifacts, 'dialog-390.png') });
    await page.keyboard.press('Escape');
    const names = await page.evaluate<{ px: number }[]>(rendered('#statechart text.name'));
    expect(Math.min(...names.map((n) => n.px))).toBeGreaterThanOrEqual(14);
    const ticks = await page.evaluate<{ px: number }[]>(rendered('#chart text.tick'));
    expect(Math.min(...ticks.map((n) => n.px))).toBeGreaterThanOrEqual(12);
    await page.close();
  });

  it('shows baseline and what-if in one aligned table, once', async () => {
    const page = await open(1920, 1080);
    const same = scenarios.find((s) => s.machine === null)!;
    await chooseScenario(page, same.title);
    expect(await page.locator('#matrix-section').isVisible()).toBe(false);
    expect(await page.locator('table.matrix:visible').count()).toBe(1);
    const columns = ['td[data-party]', 'td.gap'];
    for (const term of meta.catalog.terms) {
      for (const sel of columns) {
        const base = await page.locator(`#scenario-matrix tr[data-term="${term.id}"][data-side="baseline"] ${sel}`).evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect()).map((r) => [Math.round(r.x), Math.round(r.width)]));
        const what = await page.locator(`#scenario-matrix tr[data-term="${term.id}"][data-side="whatif"] ${sel}`).evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect()).map((r) => [Math.round(r.x), Math.round(r.width)]));
        expect(what, `${term.id} ${sel}`).toEqual(base);
        expect(base.length).toBeGreaterThan(0);
      }
    }
    const at = (await page.locator('#date-output').textContent())!;
    const st = await getJson<{ whatIf: NegotiationState; changes: { path: string }[] }>(`${served.url}api/scenario/${scenarios.indexOf(same)}/state?at=${at}`);
    for (const term of meta.catalog.terms) {
      expect(await page.locator(`#scenario-matrix tr[data-term="${term.id}"][data-side="whatif"] td.gap`).getAttribute('data-gap')).toBe(st.whatIf.gaps[term.id]!.status);
    }
    const changedGaps = st.changes.filter((c) => c.path.startsWith('gaps.')).map((c) => c.path.split('.')[1]);
    for (const t of new Set(changedGaps)) expect(await page.locator(`#scenario-matrix tr[data-term="${t}"][data-side="whatif"] td.gap`).textContent()).toContain('differs from reported');
    await page.screenshot({ path: join(artifacts, 'comparison-1920.png'), fullPage: true });
    expect(await axe(page, ['#scenario-section', '#statechart', '#chart'])).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(artifacts, 'comparison-390.png'), fullPage: true });
    await page.close();
  });

  it('charts every gap status with a legend for each, a cursor of its own colour and ticks that do not overlap', async () => {
    const page = await open(1920, 1080);
    const chart = page.locator('#chart');
    const legend = (await chart.locator('.gaps-legend').textContent())!;
    for (const word of ['Agreed', 'Bridged', 'Open', 'Undetermined', 'Unknown', 'Contested', 'Date shown']) expect(legend).toContain(word);
    for (const status of ['agreed', 'bridged', 'open', 'undetermined', 'unknown']) expect(await chart.locator(`path.band-${status}`).count()).toBe(1);
    const colours = await page.evaluate<{ cursor: string; fills: string[] }>(`({
      cursor: getComputedStyle(document.querySelector('#chart .cursor')).stroke,
      fills: [...document.querySelectorAll('#chart pattern rect')].map((r) => getComputedStyle(r).fill),
    })`);
    expect(colours.fills).not.toContain(colours.cursor);
    for (const mode of ['normal', 'class-mode']) {
      if (mode === 'class-mode') await page.evaluate(`document.body.classList.add('class-mode')`);
      const min = mode === 'normal' ? 12 : 18;
      await expect.poll(async () => Math.min(...(await page.evaluate<{ px: number }[]>(rendered('#chart text.tick'))).map((t) => t.px))).toBeGreaterThanOrEqual(min);
      const labels = await page.evaluate<{ x: number; y: number; w: number; h: number; text: string }[]>(rendered('#chart svg:first-of-type text'));
      for (const [i, p] of labels.entries()) {
        for (const q of labels.slice(i + 1)) {
          const apart = p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
          expect(apart, `"${p.text}" and "${q.text}" overlap (${mode})`).toBe(true);
        }
      }
    }
    await page.locator('#chart-section').screenshot({ path: join(artifacts, 'gaps-chart-class-mode.png') });
    await page.close();
  });
});
