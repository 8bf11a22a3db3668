import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const main = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
const fixture = join(import.meta.dirname, 'fixtures', 'talks');
const whatIf = join(import.meta.dirname, 'fixtures', 'what-if.json');
const report = async (...args: string[]) => (await run('node', [main, 'report', ...args])).stdout;

const json = async (command: string, ...args: string[]) => JSON.parse((await run('node', [main, command, ...args, '--json'], { maxBuffer: 64 * 2 ** 20 })).stdout);

describe('parley report --json and --policy', () => {
  it('prints the report model as JSON, the same handout the Markdown lays out', async () => {
    const model = await json('report', '--at', '2024-08-23', '--log', fixture);
    expect(model).toMatchObject({ title: 'The reported state of the talks on 2024-08-23', date: '2024-08-23', policy: 'first-hand', scope: null });
    const md = await report('--at', '2024-08-23', '--log', fixture);
    for (const note of model.notes) expect(md).toContain(`(event of ${note.occurred}, ${note.eventId})`);
  });

  it.each(['first-hand', 'latest', 'consensus'])('--policy %s: each gap is the one state gives under that policy, and a non-default policy is named', async (policy) => {
    const [model, state] = await Promise.all([json('report', '--policy', policy, '--log', fixture), json('state', '--policy', policy, '--log', fixture)]);
    expect(model.policy).toBe(policy);
    expect(model.terms.map((t: { gap: { status: string } }) => t.gap.status)).toEqual(Object.values(state.gaps).map((g) => (g as { status: string }).status));
    if (policy === 'first-hand') expect(model.scope).toBeNull();
    else expect(model.scope).toContain(`Positions by the ${policy} policy`);
    if (policy !== 'first-hand') expect(await report('--policy', policy, '--log', fixture)).toContain(`**Positions by the ${policy} policy`);
  });

  it('refuses an unknown policy with exit 2, suggesting the one meant', async () => {
    const failure = await run('node', [main, 'report', '--policy', 'lastest']).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('--policy expects one of first-hand, latest, consensus, got "lastest"; did you mean latest?') });
  });
});

describe('parley report', () => {
  it('writes a Markdown handout with every statement cited', async () => {
    const md = await report('--at', '2024-08-23', '--log', fixture);
    expect(md).toMatch(/^# The reported state of the talks on 2024-08-23$/m);
    expect(md).toContain('- **Round:** Cairo round (cairo-2024-08, talks), mediated by United States, Egypt, Qatar: opened 2024-08-22, in session [1]');
    const row = md.split('\n').find((l) => l.startsWith('| Philadelphi corridor |'))!;
    // One bracket per statement, its numbers apart: "[3][4]" would run together (and read as Markdown links).
    // A position in the one wording of describeStance, options apart by " / " (labels may hold "or" themselves).
    expect(row).toMatch(
      /^\| Philadelphi corridor \| accepts Israeli forces control the corridor; rejects Israeli military sites remain along the border \/ gradual Israeli withdrawal during the deal \/ complete Israeli withdrawal in phase 1 \[(\d+)\] \| accepts complete Israeli withdrawal in phase 1; rejects [^|]+ \[(\d+)\] \| open, 3 steps apart \[\d+, \d+\] \|$/,
    );
    const n = /complete Israeli withdrawal in phase 1 \[(\d+)\] \| accepts/.exec(row)![1];
    // The quote ends with a full stop before "Said by".
    expect(md).toContain(`${n}. The Wire Service, “Gaps remain over the border corridor”, 2024-08-19. “Israel wants forces to remain on the Philadelphi corridor”. Said by an Israeli official (event of 2024-08-19, fixture-005).`);
    expect(md).not.toContain('hypothetical');
  });

  it('marks the hypothetical values of a scenario and lists what it changes', async () => {
    const md = await report('--at', '2024-08-24', '--log', fixture, '--scenario', whatIf, '--format', 'md');
    expect(md).toMatch(/^# What-if on 2024-08-24: Both sides accept a phased Philadelphi withdrawal$/m);
    expect(md).toContain('bridged: both accept gradual Israeli withdrawal during the deal [hypothetical]');
    // Names from the catalog, not ids, in what the scenario changes too.
    expect(md).toContain('- gap on Philadelphi corridor: reported open, 3 steps apart; what-if bridged: both accept gradual Israeli withdrawal during the deal [hypothetical]');
    // The reported claim is a closed set, so its refusals are named too; the what-if position is still disputed by other claims.
    expect(md).toContain(
      '- Israel on Philadelphi corridor: reported accepts Israeli forces control the corridor; rejects Israeli military sites remain along the border / gradual Israeli withdrawal during the deal / complete Israeli withdrawal in phase 1; what-if accepts gradual Israeli withdrawal during the deal (contested: other claims differ) [hypothetical]',
    );
    expect(md).toMatch(/^\d+\. \[hypothetical\] Israel accepts a gradual withdrawal from the Philadelphi corridor\. A what-if event from the scenario, reported by no source \(2024-08-24\)\.$/m);
  });

  it('writes self-contained, escaped HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-report-'));
    for (const f of ['terms.json', 'parties.json', 'sources.json']) cpSync(join(fixture, f), join(dir, f));
    const hostile = {
      id: 'hostile-001', type: 'position.stated', occurred: '2024-08-20', precision: 'day', dateBasis: 'test', reported: '2024-08-20',
      source: 'wire-2024-08-19', quote: '<script>alert("x")</script> & more', attribution: { speaker: 'O\'Brien <b>', onRecord: true },
      summary: 'A <img src=x onerror=alert(1)> summary', party: 'israel', term: 'philadelphi', accepts: ['israeli-control'],
    };
    writeFileSync(join(dir, 'events.jsonl'), `${JSON.stringify(hostile)}\n`);
    const html = await report('--at', '2024-08-20', '--log', dir, '--format', 'html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<img|<b>|<link|src=/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('O&#39;Brien &lt;b&gt;');
    expect(html).toContain('<td class="gap-unknown">');
  });

  it('marks hypothetical values in HTML too', async () => {
    const html = await report('--at', '2024-08-24', '--log', fixture, '--scenario', whatIf, '--format', 'html');
    expect(html).toContain('<td class="gap-bridged">bridged: both accept gradual Israeli withdrawal during the deal <span class="hyp">[hypothetical]</span>');
  });

  it('cites the reported evidence of values a branching scenario drops', async () => {
    // The shipped scenario branches on 22 Aug: values reported later exist only in the baseline log.
    const md = await report('--at', '2024-08-23', '--scenario', join(import.meta.dirname, '..', 'scenarios', 'israel-phased-philadelphi.yaml'), '--format', 'md');
    expect(md).toMatch(/^# What-if on 2024-08-23: Israel accepts a phased Philadelphi withdrawal/m);
    expect(md).toContain('[hypothetical]');
    expect(md).toMatch(/Al Mayadeen, “New formulas for approaching contentious Gaza points reached: Source”, 2024-08-23\./);
  });

  it('names parties in gaps, and groups citation numbers in one superscript in HTML', async () => {
    const md = await report('--at', '2024-08-20', '--log', fixture);
    expect(md).toContain('| Netzarim corridor | no reported position | no reported position | unknown: no position from Israel, Hamas |');
    expect(md).not.toMatch(/no position from (israel|hamas)\b/);
    const html = await report('--at', '2024-08-23', '--log', fixture, '--format', 'html');
    expect(html).toMatch(/open, 3 steps apart<sup class="refs"><a href="#note-(\d+)">\1<\/a>, <a href="#note-\d+">\d+<\/a><\/sup>/);
    expect(html).not.toMatch(/<\/sup><sup/);
    // Dates never break at a hyphen in print.
    expect(html).toContain('opened <span class="nw">2024-08-22</span>');
  });

  it('shows a quote that brings its own quotation marks inside no second pair', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-report-'));
    for (const f of ['terms.json', 'parties.json', 'sources.json']) cpSync(join(fixture, f), join(dir, f));
    const event = (id: string, quote: string) => ({
      id, type: 'position.stated', occurred: '2024-08-20', precision: 'day', dateBasis: 'test', reported: '2024-08-20', source: 'wire-2024-08-19',
      quote, attribution: { speaker: 'an official', onRecord: true }, summary: 'A position.', party: 'israel', term: 'philadelphi', accepts: ['israeli-control'],
    });
    writeFileSync(join(dir, 'events.jsonl'), `${JSON.stringify(event('own-marks-1', '"We stay on the corridor."'))}\n${JSON.stringify(event('bare-quote-1', 'we stay'))}\n`);
    const md = await report('--at', '2024-08-20', '--log', dir);
    expect(md).toContain('2024-08-19. "We stay on the corridor." Said by an official');
    // A quote that does not end a sentence gets a full stop, so "Said by" starts one.
    expect(md).toContain('2024-08-19. “we stay”. Said by an official');
    const html = await report('--at', '2024-08-20', '--log', dir, '--format', 'html');
    expect(html).toContain('<q class="own-marks">&quot;We stay on the corridor.&quot;</q>');
    expect(html).toContain('<q>we stay</q>. Said by an official');
    expect(html).toContain('<q class="own-marks">&quot;We stay on the corridor.&quot;</q> Said by an official');
  });

  it("says refusals, whose claim decided a value, month and week dates and options whose labels hold \"or\" plainly", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-report-'));
    for (const f of ['parties.json', 'sources.json']) cpSync(join(fixture, f), join(dir, f));
    const parties = JSON.parse(readFileSync(join(fixture, 'parties.json'), 'utf8')) as { id: string }[];
    writeFileSync(join(dir, 'parties.json'), JSON.stringify([...parties, { id: 'mediators', name: 'The mediators', role: 'mediator' }]));
    const terms = JSON.parse(readFileSync(join(fixture, 'terms.json'), 'utf8')) as { id: string; ladder: { id: string; label: string }[] }[];
    terms.find((t) => t.id === 'philadelphi')!.ladder.find((o) => o.id === 'military-sites')!.label = 'sites remain or are monitored by a mission';
    writeFileSync(join(dir, 'terms.json'), JSON.stringify(terms));
    const base = { precision: 'day', dateBasis: 'test', reported: '2024-08-19', source: 'wire-2024-08-19', quote: 'a quote' };
    const events = [
      { ...base, id: 'wording-1', type: 'proposal.tabled', occurred: '2024-05-31', attribution: { speaker: 'a mediator', party: 'mediators', onRecord: true }, summary: 'A text is tabled.', proposal: 'paper', by: 'mediators', title: 'The paper' },
      { ...base, id: 'wording-2', type: 'proposal.accepted', occurred: '2024-06', precision: 'month', attribution: { speaker: 'Hamas', party: 'hamas', onRecord: true }, summary: 'Hamas accepts.', proposal: 'paper', party: 'hamas', as: 'text' },
      { ...base, id: 'wording-3', type: 'proposal.accepted', occurred: '2024-08-18', precision: 'week', attribution: { speaker: 'a US official', party: 'us', onRecord: true }, summary: 'Israel accepts, says the US.', proposal: 'paper', party: 'israel', as: 'text' },
      { ...base, id: 'wording-4', type: 'position.stated', occurred: '2024-08-18', attribution: { speaker: 'a Hamas official', party: 'hamas', onRecord: true }, summary: 'Israel refuses a permanent ceasefire, says Hamas.', party: 'israel', term: 'end-of-war', accepts: [], rejects: ['permanent-ceasefire'] },
      { ...base, id: 'wording-5', type: 'position.stated', occurred: '2024-08-18', attribution: { speaker: 'Egyptian officials', party: 'egypt', onRecord: true }, summary: 'Egypt would take either.', party: 'egypt', term: 'philadelphi', accepts: ['military-sites', 'phased-withdrawal'] },
      { ...base, id: 'wording-6', type: 'position.stated', occurred: '2024-08-18', attribution: { speaker: 'an Israeli official', party: 'israel', onRecord: true }, summary: 'Israel stays.', party: 'israel', term: 'philadelphi', accepts: ['israeli-control'] },
      { ...base, id: 'wording-7', type: 'position.stated', occurred: '2024-08-18', attribution: { speaker: 'a Hamas official', party: 'hamas', onRecord: true }, summary: 'Hamas wants a withdrawal.', party: 'hamas', term: 'philadelphi', accepts: ['full-withdrawal'] },
    ];
    writeFileSync(join(dir, 'events.jsonl'), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const md = await report('--at', '2024-08-19', '--log', dir);
    const model = await json('report', '--at', '2024-08-19', '--log', dir);
    const label = (term: string, option: string) => terms.find((t) => t.id === term)!.ladder.find((o) => o.id === option)!.label;
    // A refusal-only position is a refusal, not an empty cell; and another party's claim says whose it is.
    const endOfWar = md.split('\n').find((l) => l.startsWith('| End of the war |'))!;
    const ceasefire = JSON.parse(readFileSync(join(fixture, 'terms.json'), 'utf8')).find((t: { id: string }) => t.id === 'end-of-war').ladder.find((o: { id: string }) => o.id === 'permanent-ceasefire').label;
    expect(endOfWar).toContain(`| rejects ${ceasefire}, according to a Hamas official [`);
    expect(md).toContain('- "The paper", tabled by the mediators on 2024-05-31 [');
    expect(md).toMatch(/^- Hamas accepted "The paper" in June 2024 \[\d+\]$/m);
    // A week-precision event is dated to a day, but the handout claims only the week.
    expect(md).toMatch(/^- Israel accepted "The paper" in the week of 2024-08-18, according to a US official \[\d+\]$/m);
    expect(md).toContain(`- Egypt on Philadelphi corridor: accepts ${label('philadelphi', 'military-sites')} / ${label('philadelphi', 'phased-withdrawal')} [`);
    expect(md.split('\n').find((l) => l.startsWith('| Philadelphi corridor |'))).toContain(
      `neither rejects ${terms.find((t) => t.id === 'philadelphi')!.ladder.map((o) => o.label).join(' / ')} [`,
    );
    expect(md).not.toMatch(/on 2024-06\b/);
    // The JSON model carries the same texts the Markdown lays out.
    const texts = [...model.proposals, ...model.others, ...model.terms.flatMap((t: { positions: unknown[] }) => t.positions.filter(Boolean))].map((c: { text: string }) => c.text);
    for (const text of texts) expect(md).toContain(text.replace(/[\\`*_{}[\]<>|#]/g, '\\$&'));
    const html = await report('--at', '2024-08-19', '--log', dir, '--format', 'html');
    expect(html).toContain(`<td>rejects ${ceasefire}, according to a Hamas official<sup`);
  });

  it('reports only what was public by --known-at, and says so under the title', async () => {
    const all = await report('--at', '2024-08-23', '--log', fixture);
    const early = await report('--at', '2024-08-23', '--known-at', '2024-08-20', '--log', fixture);
    expect(early).toMatch(/^# The reported state of the talks on 2024-08-23\n\n\*\*Only what the log's sources had reported by 2024-08-20; later reports are left out\.\*\*$/m);
    // The Cairo round was reported on 23 Aug: not public on the 20th.
    expect(all).toContain('Cairo round');
    expect(early).not.toContain('Cairo round');
    expect(early).not.toContain('2024-08-23.');
    expect(all).not.toContain('Only what');
  });

  it('reports one outlet with --source, and refuses an unknown one with exit 2', async () => {
    const wire = await report('--at', '2024-08-23', '--source', 'wire-2024-08-19', '--log', fixture);
    expect(wire).toContain('**Only events reported by The Wire Service; other outlets are left out.**');
    const outlets = [...wire.matchAll(/^\d+\. ([^,]+),/gm)].map((m) => m[1]);
    expect(outlets.length).toBeGreaterThan(0);
    expect(new Set(outlets)).toEqual(new Set(['The Wire Service']));
    const failure = await report('--source', 'nowhere', '--log', fixture).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('--source: unknown source "nowhere"') });
    // The outlet alone, or a mistyped date, names the one source it nearly matches.
    const outletOnly = await report('--source', 'wire', '--log', fixture).catch((e: { code: number; stderr: string }) => e);
    expect(outletOnly).toMatchObject({ code: 2, stderr: expect.stringContaining('--source: unknown source "wire"; did you mean wire-2024-08-19?') });
  });

  it('rejects an unknown format with exit 2', async () => {
    const failure = await report('--format', 'pdf').catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('--format expects md or html') });
  });
});
