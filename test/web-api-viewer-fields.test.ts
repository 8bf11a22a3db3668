// The two API fields the viewer's statechart and gaps chart read: a scenario's
// own statechart (null when it runs under the log's deal spec), and each
// timeline day's count of contested gaps, checked against the states themselves.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOverlay } from '../src/cli/scenario-option.js';
import { loadLog } from '../src/io/read-log.js';
import { machineStructure } from '../src/model/machine-structure.js';
import { createApi } from '../src/web/api.js';

const root = join(import.meta.dirname, '..');

async function api() {
  const loaded = await loadLog();
  if (!loaded.ok) throw new Error('the bundled log did not load');
  const { log } = loaded.value;
  const scenarios = [
    await loadOverlay(join(root, 'scenarios', 'israel-phased-philadelphi.yaml'), log),
    await loadOverlay(join(import.meta.dirname, 'fixtures', 'scenarios', 'sixty-day-phase1.yaml'), log),
  ];
  return { call: createApi({ log, scenarios }), scenarios };
}

describe('the API fields the viewer draws from', () => {
  it('gives a scenario’s own deal spec as a statechart, and null for one that runs under the log’s', async () => {
    const { call, scenarios } = await api();
    const list = call('/api/scenarios', new URLSearchParams()).body as { machine: unknown }[];
    expect(list[0]!.machine).toBeNull();
    expect(list[1]!.machine).toEqual(machineStructure(scenarios[1]!.whatIf.catalog.deal));
    expect(list[1]!.machine).not.toEqual((call('/api/meta', new URLSearchParams()).body as { machine: unknown }).machine);
  });

  it('counts on each timeline day the gaps the state on that day calls contested', async () => {
    const { call } = await api();
    const days = (call('/api/timeline', new URLSearchParams()).body as { days: { date: string; contested: number }[] }).days;
    // The bundled log has contested gaps, so a count stuck at 0 fails here.
    expect(days.some((d) => d.contested > 0)).toBe(true);
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) {
      const state = call('/api/state', new URLSearchParams({ at: day.date })).body as { gaps: Record<string, { contested: boolean }> };
      expect(day.contested, day.date).toBe(Object.values(state.gaps).filter((g) => g.contested).length);
    }
  });
});
