// The viewer: one date, a source filter, a claims policy, whether to show only
// what had been reported by the date, one optional scenario; every change of
// these re-fetches the states and redraws the page from them. The choices live
// in the address too (?at=&source=&policy=&hindsight=&scenario=&class=), so a
// class can be sent a link to the very view.
import { type Meta, type NegotiationState, type Policy, type Query, type ScenarioInfo, type ScenarioState, type Timeline, api } from './api-client.js';
import { renderGapsChart } from './chart.js';
import { byId, h } from './dom.js';
import { type CellRef, renderComparison, renderGapLegend, renderMatrix } from './matrix.js';
import { openQuotes } from './quotes-dialog.js';
import { renderStatecharts } from './statechart.js';
import { staleRoundNote, stateWords } from './statechart-layout.js';
import { neighbours, renderDayEvents, renderStrip, roundText, roundsBy, snapToStop } from './timeline.js';
import { isIsoDay } from '../../domain/dates.js';
import { sourceDivergences } from '../../model/source-divergence.js';

interface View {
  date: string;
  source: string | null;
  scenario: number | null;
  policy: Policy;
  /** Only what had been reported by the date (no hindsight). */
  hindsight: boolean;
  classMode: boolean;
}

const policyLabels: Record<Policy, string> = {
  'first-hand': 'first-hand (own words first)',
  latest: 'latest (the last report wins)',
  consensus: 'consensus (only what all claims agree on)',
};

/** "negotiating, round in session"; a round nobody reported for the spec's days is not called in session. */
const phaseWords = (state: NegotiationState) =>
  state.round?.status === 'last-reported-in-session' && state.stage === 'roundInSession'
    ? `${stateWords(state.phase)}, round last reported in session on ${state.round.lastReported}`
    : stateWords(lifecycle(state)).replace('.', ', ');

/** "last reported 22 Aug" when the round the state has in session was last reported so before the date, else null. */
const staleRound = (state: NegotiationState) => (state.round?.status === 'last-reported-in-session' && state.stage === 'roundInSession' ? staleRoundNote(state.round.lastReported) : null);

/** The view the address asks for; anything it gets wrong falls back to the default. */
function viewFromAddress(meta: Meta, scenarios: readonly ScenarioInfo[]): View {
  const q = new URLSearchParams(location.search);
  const classMode = q.get('class') === '1';
  const at = q.get('at');
  const source = q.get('source');
  const policy = q.get('policy');
  const asked = q.get('scenario');
  const hindsight = q.get('hindsight');
  // The command line named its scenarios to be seen: the first opens unless the address says which, or "none".
  const scenario = asked === 'none' ? null : asked !== null && /^\d+$/.test(asked) && Number(asked) < scenarios.length ? Number(asked) : scenarios.length > 0 ? 0 : null;
  return {
    // Without a date, a scenario opens on its first hypothetical day, as when it is chosen.
    date: at !== null && isIsoDay(at) ? at : (scenario !== null ? scenarios[scenario]!.dates[0] : undefined) ?? meta.last!,
    source: source !== null && meta.catalog.sources.some((s) => s.id === source) ? source : null,
    scenario,
    policy: meta.policies.find((p) => p === policy) ?? meta.policy,
    hindsight: hindsight === '1' ? true : hindsight === '0' ? false : classMode,
    classMode,
  };
}

/** `withScenarios`: the server has some, so a view without one must say so or it would reopen with the first. */
function writeAddress(view: View, withScenarios: boolean): void {
  const q = new URLSearchParams();
  q.set('at', view.date);
  if (view.source) q.set('source', view.source);
  q.set('policy', view.policy);
  q.set('hindsight', view.hindsight ? '1' : '0');
  if (view.scenario !== null) q.set('scenario', String(view.scenario));
  else if (withScenarios) q.set('scenario', 'none');
  if (view.classMode) q.set('class', '1');
  history.replaceState(null, '', `?${q}`);
}

/** Letters typed into these are theirs, not the page's. */
const ownsLetters = (el: EventTarget | null) => el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['range', 'radio', 'checkbox'].includes(el.type));
/** Arrow keys on these move them. */
const ownsArrows = (el: EventTarget | null) => el instanceof HTMLSelectElement || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;

async function start(): Promise<void> {
  const [meta, scenarios] = await Promise.all([api.meta(), api.scenarios()]);
  if (meta.first === null || meta.last === null) {
    byId('status').textContent = 'The log has no events.';
    return;
  }
  const view = viewFromAddress(meta, scenarios);
  let hindsightChosen = new URLSearchParams(location.search).has('hindsight');
  const outlet = (id: string | null) => meta.catalog.sources.find((s) => s.id === id)?.outlet ?? id ?? 'no source';
  const timelines = new Map<string, Timeline>();
  const timelineFor = async (key: string, load: () => Promise<Timeline>) => {
    if (!timelines.has(key)) {
      if (timelines.size >= 64) timelines.delete(timelines.keys().next().value!);
      timelines.set(key, await load());
    }
    return timelines.get(key)!;
  };

  const sourceSelect = byId<HTMLSelectElement>('source');
  for (const s of meta.catalog.sources) sourceSelect.append(h('option', { value: s.id }, `${s.outlet} (${s.published})`));
  const policySelect = byId<HTMLSelectElement>('policy');
  for (const p of meta.policies) policySelect.append(h('option', { value: p }, policyLabels[p] ?? p));
  const hindsightRadios = [...document.querySelectorAll<HTMLInputElement>('input[name="hindsight"]')];
  const scenarioSelect = byId<HTMLSelectElement>('scenario');
  for (const s of scenarios) scenarioSelect.append(h('option', { value: String(s.n) }, s.title));
  byId('scenario-control').hidden = scenarios.length === 0;
  byId('matrix-legend').replaceChildren(renderGapLegend());

  const slider = byId<HTMLInputElement>('date-slider');
  const prev = byId<HTMLButtonElement>('prev');
  const next = byId<HTMLButtonElement>('next');
  const open = (cell: CellRef) => void openQuotes(cell.title, cell.eventIds, cell.ladder);

  const scenarioInfo = (): ScenarioInfo | null => (view.scenario === null ? null : scenarios[view.scenario] ?? null);
  /** The days the slider stops on: every event day, and a scenario's own days. */
  function stops(): string[] {
    const s = scenarioInfo();
    return [...new Set([...meta.eventDays, ...(s?.dates ?? []), ...(s?.compareOn ?? [])])].sort();
  }
  view.date = snapToStop(stops(), view.date);
  const query = (source: string | null): Query => ({ source, knownAt: view.hindsight ? view.date : null, policy: view.policy });
  const key = (q: Query) => `${q.source ?? ''}|${q.knownAt ?? ''}|${q.policy}`;

  let drawStrip = () => {};
  new ResizeObserver(() => drawStrip()).observe(byId('strip'));

  let generation = 0;
  async function refresh(): Promise<void> {
    const mine = ++generation;
    const days = stops();
    const scenario = scenarioInfo();
    const q = query(view.source);
    // With a source chosen, its state is one of the per-source states: fetched once.
    const [everySource, perSource, timeline, scenarioState, scenarioTimeline] = await Promise.all([
      api.state(view.date, query(null)),
      Promise.all(meta.catalog.sources.map((s) => api.state(view.date, query(s.id)))),
      timelineFor(`log|${key(q)}`, () => api.timeline(q)),
      scenario ? api.scenarioState(scenario.n, view.date, q) : null,
      scenario ? timelineFor(`scenario ${scenario.n}|${key(q)}`, () => api.scenarioTimeline(scenario.n, q)) : null,
    ]);
    const chosen = view.source === null ? -1 : meta.catalog.sources.findIndex((s) => s.id === view.source);
    const state = chosen < 0 ? everySource : perSource[chosen]!;
    const allSources = chosen < 0 ? null : everySource;
    if (mine !== generation) return;
    // Redrawing replaces what may hold the focus: find it again afterwards.
    const focused = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement.id : '';

    document.body.classList.toggle('class-mode', view.classMode);
    sourceSelect.value = view.source ?? '';
    policySelect.value = view.policy;
    for (const r of hindsightRadios) r.checked = (r.value === 'on') === view.hindsight;
    scenarioSelect.value = view.scenario === null ? '' : String(view.scenario);
    slider.min = '0';
    slider.max = String(days.length - 1);
    slider.value = String(days.indexOf(view.date));
    slider.setAttribute('aria-valuetext', view.date);
    byId('date-output').textContent = view.date;
    const { prev: before, next: after } = neighbours(days, view.date);
    prev.disabled = before === null;
    next.disabled = after === null;
    byId('knowledge').textContent = view.hindsight
      ? `Showing only what had been reported by ${view.date}: nothing published later.`
      : `Showing ${view.date} with everything reported since, including reports published after it.`;

    const shownTimeline = scenarioTimeline ?? timeline;
    drawStrip = () => {
      const box = byId('strip');
      const width = Math.floor(box.clientWidth);
      if (width > 0) box.replaceChildren(renderStrip(shownTimeline, days, view.date, { width, fontSize: parseFloat(getComputedStyle(box).fontSize), hindsight: view.hindsight }));
    };
    drawStrip();
    byId('day-h').textContent = `Events on ${view.date}${view.hindsight ? ', as reported by then' : ''}${scenario ? ' (with the scenario’s hypothetical events)' : ''}`;
    byId('day-events').replaceChildren(renderDayEvents(shownTimeline.events, view.date, outlet, (e) => void openQuotes(e.summary, [e.id])));
    const rounds = roundsBy(shownTimeline.rounds, view.date);
    byId('rounds').replaceChildren(
      ...(rounds.length > 0 ? rounds.map((round) => h('li', { class: round.hypothetical ? 'is-hyp' : '' }, roundText(round, view.date))) : [h('li', { class: 'none' }, `No round opened by ${view.date}.`)]),
    );

    const divergence = divergences(meta, perSource);
    renderMain(meta, state, allSources, divergence, open, view);
    byId('divergence').replaceChildren(renderDivergence(meta, divergence));
    const lifecycleState = scenarioState?.whatIf ?? state;
    byId('statechart').replaceChildren(renderStatecharts(meta.machine, lifecycle(state), scenarioState && scenario ? { machine: scenario.machine, state: lifecycle(scenarioState.whatIf) } : null, staleRound(state)));
    byId('clock').textContent = clockLine(lifecycleState, scenarioState !== null);
    byId('phase-line').textContent = phaseLine(meta, state);

    // Showing only what had been reported by the date, the chart stops there: later days were not yet reported.
    const last = view.hindsight ? view.date : days.at(-1)!;
    byId('chart').replaceChildren(renderGapsChart({ reported: timeline.days, whatIf: scenarioTimeline?.days ?? null, range: { first: days[0]!, last }, selected: view.date, terms: meta.catalog.terms.length }));

    const section = byId('scenario-section');
    section.hidden = scenarioState === null;
    byId('matrix-section').hidden = scenarioState !== null;
    if (scenarioState && scenario) renderScenario(meta, scenario, scenarioState, open);
    byId('status').textContent = `Showing ${view.date}${view.hindsight ? ', as reported by then' : ', with everything reported since'}${view.source ? `, as reported by ${outlet(view.source)}` : ''}, claims decided ${view.policy}${scenario ? `, with the scenario “${scenario.title}”` : ''}.`;
    writeAddress(view, scenarios.length > 0);
    restoreFocus(focused);
  }

  /** Redraws for a changed choice; a failed request says so in the status line instead of leaving the old view as if current. */
  const redraw = () =>
    void refresh().catch((e: Error) => {
      byId('status').textContent = `Could not update the view: ${e.message}`;
    });

  /** Focus lost to the page (its element redrawn or disabled) goes back to it, or to the nearest control that still works. */
  function restoreFocus(id: string): void {
    const active = document.activeElement;
    // A button disabled under the focus keeps it until the browser's next focus fix-up, then drops it to the page.
    const lost = active === null || active === document.body || (active instanceof HTMLButtonElement && active.disabled);
    if (id === '' || !lost) return;
    const again = document.getElementById(id);
    const usable = (el: HTMLElement | null) => el !== null && !(el instanceof HTMLButtonElement && el.disabled) && el.isConnected;
    if (again && usable(again)) again.focus();
    else if (id === 'prev' && !next.disabled) next.focus();
    else if (id === 'next' && !prev.disabled) prev.focus();
    else slider.focus();
  }

  const go = (date: string | null) => {
    if (date === null) return;
    view.date = date;
    slider.setAttribute('aria-valuetext', date);
    redraw();
  };
  const step = (by: 'prev' | 'next') => go(neighbours(stops(), view.date)[by]);
  const toggleHindsight = () => {
    hindsightChosen = true;
    view.hindsight = !view.hindsight;
    redraw();
  };
  slider.addEventListener('input', () => go(stops()[Number(slider.value)] ?? null));
  prev.addEventListener('click', () => step('prev'));
  next.addEventListener('click', () => step('next'));
  sourceSelect.addEventListener('change', () => {
    view.source = sourceSelect.value === '' ? null : sourceSelect.value;
    redraw();
  });
  policySelect.addEventListener('change', () => {
    view.policy = meta.policies.find((p) => p === policySelect.value) ?? meta.policy;
    redraw();
  });
  for (const r of hindsightRadios) {
    r.addEventListener('change', () => {
      hindsightChosen = true;
      view.hindsight = r.value === 'on';
      redraw();
    });
  }
  scenarioSelect.addEventListener('change', () => {
    view.scenario = scenarioSelect.value === '' ? null : Number(scenarioSelect.value);
    // A scenario opens on its first hypothetical day; without it, a scenario-only day is not on the slider any more.
    view.date = scenarioInfo()?.dates[0] ?? snapToStop(stops(), view.date);
    redraw();
  });
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || ownsLetters(e.target) || byId<HTMLDialogElement>('quotes').open) return;
    const arrows = !ownsArrows(e.target);
    if (e.key === 'n' || (e.key === 'ArrowRight' && arrows)) step('next');
    else if (e.key === 'p' || (e.key === 'ArrowLeft' && arrows)) step('prev');
    else if (e.key === 'h') toggleHindsight();
    else if (e.key === 'c') {
      view.classMode = !view.classMode;
      // Class mode shows no hindsight unless the teacher chose otherwise.
      if (!hindsightChosen) view.hindsight = view.classMode;
      redraw();
    } else if (e.key === '?') {
      const keys = byId<HTMLDetailsElement>('keys');
      keys.open = !keys.open;
    } else return;
    e.preventDefault();
  });
  await refresh();
  document.body.dataset.ready = 'true';
}

function lifecycle(state: NegotiationState): string {
  return state.stage ? `${state.phase}.${state.stage}` : state.phase;
}

/** The phase clock in words: the day of the phase, its planned end, the next phase's talks; or why there is none. */
function clockLine(state: NegotiationState, whatIf: boolean): string {
  const whose = whatIf ? 'What-if phase clock' : 'Phase clock';
  if (!state.clock) return `${whose}: not running (no phase under way on ${state.date}).`;
  return `${whose}${state.clock.hypothetical ? ' ◆ hypothetical' : ''}: ${state.clock.facts.join('; ')}.`;
}

function phaseLine(meta: Meta, state: NegotiationState): string {
  const round = state.round;
  const status = round?.status === 'closed' ? `closed ${round.closed}` : round?.status === 'last-reported-in-session' ? `opened ${round.opened}` : `in session since ${round?.opened}`;
  const where = round ? `; ${round.venue} round ${status}` : '';
  const party = (id: string) => meta.catalog.parties.find((p) => p.id === id)?.name ?? id;
  const proposals = Object.values(state.proposals).map((p) => `${p.title} (${Object.entries(p.responses).map(([who, r]) => `${party(who)} ${r.response}`).join(', ') || 'no responses yet'})`);
  return `Phase: ${phaseWords(state)}${where}. ${state.eventCount} events so far${state.hypotheticalEventCount ? `, ${state.hypotheticalEventCount} hypothetical` : ''}.${proposals.length ? ` Proposals: ${proposals.join('; ')}.` : ''}`;
}

type Divergence = Map<string, { term: string; party: string; bySource: { source: string; accepts: readonly string[]; rejects: readonly string[] }[] }>;

/** Cells where two outlets report different positions on the same day. */
function divergences(meta: Meta, perSource: readonly NegotiationState[]): Divergence {
  const views = meta.catalog.sources.map((s, i) => ({ source: s.id, state: perSource[i]! }));
  const outlet = (id: string) => meta.catalog.sources.find((s) => s.id === id)?.outlet ?? id;
  return new Map(
    sourceDivergences(meta.catalog, views).map((d) => [
      `${d.term}/${d.party}`,
      { term: d.term, party: d.party, bySource: d.bySource.map((b) => ({ source: outlet(b.source), accepts: b.accepts, rejects: b.rejects })) },
    ]),
  );
}

function renderDivergence(meta: Meta, divergence: Divergence): HTMLElement {
  if (divergence.size === 0) return h('p', { class: 'none' }, 'On this date no two outlets report different positions.');
  const label = (term: string, option: string) => meta.catalog.terms.find((t) => t.id === term)?.ladder.find((o) => o.id === option)?.label ?? option;
  return h(
    'ul',
    { class: 'divergence' },
    ...[...divergence.values()].map((d) =>
      h(
        'li',
        { 'data-cell': `${d.term}/${d.party}` },
        h('strong', {}, `${meta.catalog.parties.find((p) => p.id === d.party)?.name ?? d.party} on ${meta.catalog.terms.find((t) => t.id === d.term)?.label ?? d.term}: `),
        d.bySource
          .map((b) => `according to ${b.source}, ${b.accepts.length > 0 ? b.accepts.map((o) => label(d.term, o)).join(' or ') : `rejects ${b.rejects.map((o) => label(d.term, o)).join(', ')}`}`)
          .join('; '),
      ),
    ),
  );
}

function renderMain(meta: Meta, state: NegotiationState, allSources: NegotiationState | null, divergence: Divergence, open: (c: CellRef) => void, view: View): void {
  const flags = new Map<string, string>();
  for (const key of divergence.keys()) flags.set(key, 'outlets differ');
  if (allSources) {
    for (const term of meta.catalog.terms) {
      if (allSources.gaps[term.id]!.status !== state.gaps[term.id]!.status) flags.set(`${term.id}/gap`, `all sources together: ${allSources.gaps[term.id]!.status}`);
    }
  }
  const outletName = meta.catalog.sources.find((s) => s.id === view.source)?.outlet;
  const when = view.hindsight ? 'as reported by then' : 'with everything reported since';
  byId('matrix').replaceChildren(
    renderMatrix(meta, state, { caption: `Positions on ${view.date}, ${outletName ? `as reported by ${outletName}` : 'all sources'}, ${when}; claims decided ${view.policy}`, flags, onOpen: open, idPrefix: 'main' }),
  );
}

function renderScenario(meta: Meta, info: ScenarioInfo, st: ScenarioState, open: (c: CellRef) => void): void {
  byId('scenario-title').textContent = info.title;
  byId('scenario-desc').textContent = info.description;
  byId('baseline').replaceChildren(renderComparison(meta, st, open));
  byId('scenario-phase').textContent = `Phase: reported, ${phaseWords(st.baseline)}; what-if, ${phaseWords(st.whatIf)}${st.whatIf.phaseSince?.hypothetical ? ' ◆ hypothetical' : ''}. ${st.whatIf.hypotheticalEventCount} hypothetical event(s) applied by this date.`;
}

start().catch((e: unknown) => {
  byId('status').textContent = `The viewer could not load: ${(e as Error).message}`;
});
