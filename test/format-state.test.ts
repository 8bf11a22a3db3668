// The state as terminal text: a contested position lists its deciding claim and
// a few others, never thousands; every line fits the width, the terms table too.
import { describe, expect, it } from 'vitest';
import { formatState } from '../src/cli/format-state.js';
import { displayWidth } from '../src/cli/screen-text.js';
import { loadLog } from '../src/io/read-log.js';
import { stateAt } from '../src/model/replay.js';
import { reported, sampleLog, stance } from './helpers/events.js';

describe('formatState', () => {
  it('lists at most a dozen claims of a contested position, the deciding one among them, and says how many more there are', () => {
    // Thirty narrators disagree about North's position; North's own words, last, decide it under first-hand.
    const narrated = Array.from({ length: 30 }, (_, i) =>
      reported('2024-08-02', stance('north', 'corridor', [i % 2 === 0 ? 'control' : 'phased']), { attribution: { speaker: `narrator ${i}`, onRecord: true } }),
    );
    const own = reported('2024-08-03', stance('north', 'corridor', ['reduced']), { attribution: { speaker: 'a North minister', party: 'north', onRecord: true } });
    const log = sampleLog([...narrated, own, reported('2024-08-03', stance('south', 'corridor', ['withdrawal']), { attribution: { speaker: 'a South envoy', party: 'south', onRecord: true } })]);
    const text = formatState(stateAt(log, '2024-08-03'), log);
    const block = text.slice(text.indexOf('Contested positions'));
    const claims = block.split('\n').filter((l) => /^ {4}[*-] /.test(l));
    expect(claims.length).toBeLessThanOrEqual(13);
    expect(claims.filter((l) => l.startsWith('    * '))).toEqual([expect.stringContaining('a North minister')]);
    expect(block).toContain(`... and ${31 - claims.length} more claims (--json lists them all)`);
  });

  it('fits every line of the bundled log\'s state in the width, wrapping under each line\'s indent, gaps under their rows when the table is too wide', async () => {
    const loaded = await loadLog();
    if (!loaded.ok) throw new Error('bundled log');
    const { log } = loaded.value;
    const state = stateAt(log, '2024-08-23');
    for (const width of [60, 80, 120]) {
      const lines = formatState(state, log, { width, quotes: true }).split('\n');
      expect(lines.filter((l) => displayWidth(l) > width)).toEqual([]);
    }
    const narrow = formatState(state, log).split('\n');
    const philadelphi = narrow.findIndex((l) => /^ {2}philadelphi /.test(l));
    expect(narrow[philadelphi + 1]).toMatch(/^ {6}gap: /);
    // Wide enough, each gap stays on its term's row.
    const wide = formatState(state, log, { width: 400 }).split('\n');
    expect(wide.find((l) => /^ {2}philadelphi /.test(l))).toMatch(/full-withdrawal.* {2}(undetermined|open|bridged)/);
  });
});
