// The viewer: one date, one source filter, one optional scenario; every change
// of these re-fetches the states and redraws the page from them.
import { type Meta, type NegotiationState, type ScenarioInfo, type ScenarioState, type Timeline, api } from './api-client.js';
import { renderGapsChart } from './chart.js';
import { byId, h } from './dom.js';
import { type CellRef, renderComparison, renderMatrix } from './matrix.js';
import { openQuotes } from './quotes-dialog.js';
import { renderStatecharts } from './statechart.js';
import { renderDayEvents, renderStrip, roundText } from './timeline.js';
import { dayNumber, isoFromDayNumber } from '../../domain/dates.js';
import { sourceDivergences } from '../../model/source-divergence.js';

interface View {
  date: string;
  source: string | null;
  scenario: number | null;
}

const words = (key: string) => key.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
/** "negotiating, round in session"; a round nobody reported for the spec's days is not called in session. */
const phaseWords = (state: NegotiationState) =>
  state.round?.status === 'last-reported-in-session' && state.stage === 'roundInSession'
    ? `${words(state.phase)}, round last reported in session on ${state.round.lastReported}`
    : words(lifecycle(state)).replace('.', ', ');

async function start(): Promise<void> {
  const [meta, scenarios] = await Promise.all([api.meta(), api.scenarios()]);
  if (meta.first === null || meta.last === null) {
    byId('status').textContent = 'The log has no events.';
    return;
  }
  const view: View = { date: meta.last, source: null, scenario: null };
  const outlet = (id: string | null) => meta.catalog.sources.find((s) => s.id === id)?.outlet ?? id ?? 'no source';
  const timelines = new Map<string, Timeline>();
  const timelineFor = async (key: string, load: () => Promise<Timeline>) => timelines.get(key) ?? (timelines.set(key, await load()), timelines.get(key)!);

  const sourceSelect = byId<HTMLSelectElement>('source');
  for (const s of meta.catalog.sources) sourceSelect.append(h('option', { value: s.id }, `${s.outlet} (${s.published})`));
  const scenarioSelect = byId<HTMLSelectElement>('scenario');
  for (const s of scenarios) scenarioSelect.append(h('option', { value: String(s.n) }, s.title));
  byId('scenario-control').hidden = scenarios.length === 0;

  const slider = byId<HTMLInputElement>('date-slider');
  const open = (cell: CellRef) => void openQuotes(cell.title, cell.eventIds, cell.ladder);

  const scenarioInfo = (): ScenarioInfo | null => (view.scenario === null ? null : scenarios[view.scenario] ?? null);
  function range(): { first: string; last: string; days: string[] } {
    const extra = scenarioInfo()?.dates ?? [];
    const days = [...new Set([...meta.eventDays, ...extra])].sort();
    return { first: isoFromDayNumber(dayNumber(days[0]!)! - 1), last: days.at(-1)!, days };
  }

  let generation = 0;
  async function refresh(): Promise<void> {
    const mine = ++generation;
    const r = range();
    const scenario = scenarioInfo();
    const [state, allSources, perSource, timeline, scenarioState, scenarioTimeline] = await Promise.all([
      api.state(view.date, view.source),
      view.source === null ? null : api.state(view.date, null),
      Promise.all(meta.catalog.sources.map((s) => api.state(view.date, s.id))),
      timelineFor(`source:${view.source ?? ''}`, () => api.timeline(view.source)),
      scenario ? api.scenarioState(scenario.n, view.date) : null,
      scenario ? timelineFor(`scenario:${scenario.n}`, () => api.scenarioTimeline(scenario.n)) : null,
    ]);
    if (mine !== generation) return;

    slider.min = '0';
    slider.max = String(dayNumber(r.last)! - dayNumber(r.first)!);
    slider.value = String(dayNumber(view.date)! - dayNumber(r.first)!);
    slider.setAttribute('aria-valuetext', view.date);
    byId('date-output').textContent = view.date;
    byId<HTMLButtonElement>('prev').disabled = !r.days.some((d) => d < view.date);
    byId<HTMLButtonElement>('next').disabled = !r.days.some((d) => d > view.date);

    const shownTimeline = scenarioTimeline ?? timeline;
    byId('strip').replaceChildren(renderStrip(shownTimeline, r, view.date));
    byId('day-h').textContent = `Events on ${view.date}${scenario ? ' (with the scenario’s hypothetical events)' : ''}`;
    byId('day-events').replaceChildren(renderDayEvents(shownTimeline.events, view.date, outlet, (e) => void openQuotes(e.summary, [e.id])));
    byId('rounds').replaceChildren(...shownTimeline.rounds.map((round) => h('li', { class: round.hypothetical ? 'is-hyp' : '' }, roundText(round))));

    const divergence = divergences(meta, perSource);
    renderMain(meta, state, allSources, divergence, open, view);
    byId('divergence').replaceChildren(renderDivergence(meta, divergence));
    byId('statechart').replaceChildren(renderStatecharts(meta.machine, lifecycle(state), scenarioState && scenario ? { machine: scenario.machine, state: lifecycle(scenarioState.whatIf) } : null));
    byId('phase-line').textContent = phaseLine(meta, state);

    byId('chart').replaceChildren(renderGapsChart({ reported: timeline.days, whatIf: scenarioTimeline?.days ?? null, range: r, selected: view.date, terms: meta.catalog.terms.length }));

    const section = byId('scenario-section');
    section.hidden = scenarioState === null;
    byId('matrix-section').hidden = scenarioState !== null;
    if (scenarioState && scenario) renderScenario(meta, scenario, scenarioState, open);
    byId('status').textContent = `Showing ${view.date}${view.source ? `, as reported by ${outlet(view.source)}` : ''}${scenario ? `, with the scenario “${scenario.title}”` : ''}.`;
  }

  const go = (date: string) => {
    view.date = date;
    void refresh();
  };
  slider.addEventListener('input', () => go(isoFromDayNumber(dayNumber(range().first)! + Number(slider.value))));
  byId('prev').addEventListener('click', () => {
    const before = range().days.filter((d) => d < view.date);
    if (before.length > 0) go(before.at(-1)!);
  });
  byId('next').addEventListener('click', () => {
    const after = range().days.find((d) => d > view.date);
    if (after) go(after);
  });
  sourceSelect.addEventListener('change', () => {
    view.source = sourceSelect.value === '' ? null : sourceSelect.value;
    void refresh();
  });
  scenarioSelect.addEventListener('change', () => {
    view.scenario = scenarioSelect.value === '' ? null : Number(scenarioSelect.value);
    const first = scenarioInfo()?.dates[0];
    if (first) view.date = first;
    void refresh();
  });
  await refresh();
  document.body.dataset.ready = 'true';
}

function lifecycle(state: NegotiationState): string {
  return state.stage ? `${state.phase}.${state.stage}` : state.phase;
}

function phaseLine(meta: Meta, state: NegotiationState): string {
  const round = state.round;
  const status = round?.status === 'closed' ? `closed ${round.closed}` : round?.status === 'last-reported-in-session' ? `opened ${round.opened}` : `in session since ${round?.opened}`;
  const where = round ? `; ${round.venue} round ${status}` : '';
  const clock = state.clock ? ` ${state.clock.facts.join('; ')}.` : '';
  const party = (id: string) => meta.catalog.parties.find((p) => p.id === id)?.name ?? id;
  const proposals = Object.values(state.proposals).map((p) => `${p.title} (${Object.entries(p.responses).map(([who, r]) => `${party(who)} ${r.response}`).join(', ') || 'no responses yet'})`);
  return `Phase: ${phaseWords(state)}${where}.${clock} ${state.eventCount} events so far${state.hypotheticalEventCount ? `, ${state.hypotheticalEventCount} hypothetical` : ''}.${proposals.length ? ` Proposals: ${proposals.join('; ')}.` : ''}`;
}

type Divergence = Map<string, { term: string; party: string; bySource: { source: string; accepts: string }[] }>;

/** Cells where two outlets report different positions on the same day. */
function divergences(meta: Meta, perSource: readonly NegotiationState[]): Divergence {
  const views = meta.catalog.sources.map((s, i) => ({ source: s.id, state: perSource[i]! }));
  const outlet = (id: string) => meta.catalog.sources.find((s) => s.id === id)?.outlet ?? id;
  return new Map(
    sourceDivergences(meta.catalog, views).map((d) => [
      `${d.term}/${d.party}`,
      { term: d.term, party: d.party, bySource: d.bySource.map((b) => ({ source: outlet(b.source), accepts: b.accepts.join(' or ') })) },
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
        d.bySource.map((b) => `according to ${b.source}, ${b.accepts.split(' or ').map((o) => label(d.term, o)).join(' or ')}`).join('; '),
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
  byId('matrix').replaceChildren(
    renderMatrix(meta, state, { caption: `Positions on ${view.date}, ${outletName ? `as reported by ${outletName}` : 'all sources'}`, flags, onOpen: open, idPrefix: 'main' }),
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
