// Pins the story the bundled reported log tells: what the articles say, on
// the dates they say it, according to whom. Any change to events/ or to the
// model that alters that story fails here or shows up in the snapshots.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type EventLog,
  type NegotiationState,
  type ParleyEvent,
  bundledEventsDir,
  dayNumber,
  lastDate,
  loadLog,
  occurredSortDay,
  stateAt,
} from '../src/index.js';
import { policies } from '../src/model/claims.js';
import { runCli } from './helpers/cli.js';

let log: EventLog;
const events = () => log.entries.map((e) => e.event);
const byId = (id: string): ParleyEvent => {
  const entry = log.byId.get(id);
  if (!entry) throw new Error(`no event ${id}`);
  return entry.event;
};
const at = (date: string, query: Parameters<typeof stateAt>[2] = {}): NegotiationState => stateAt(log, date, query);

const MAYADEEN = 'al-mayadeen-2024-08-23';
const ANADOLU = 'anadolu-2024-08-23';
const HADATH = 'al-hadath-2024-08-19';

beforeAll(async () => {
  const loaded = await loadLog();
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  log = loaded.value.log;
});

describe('the bundled log as data', () => {
  it('has one JSONL file per registered source, named after it, and every event of a file comes from that source', async () => {
    const files = (await readdir(bundledEventsDir)).filter((f) => f.endsWith('.jsonl')).sort();
    const sourceIds = log.catalog.sources.map((s) => s.id).sort();
    expect(files).toEqual(sourceIds.map((id) => `${id}.jsonl`));
    for (const file of files) {
      const lines = (await readFile(join(bundledEventsDir, file), 'utf8')).trim().split('\n');
      const source = file.replace(/\.jsonl$/, '');
      const published = log.catalog.sourceById.get(source)!.published;
      const days: number[] = [];
      for (const line of lines) {
        const e = JSON.parse(line) as ParleyEvent;
        expect(e.source, `${e.id} in ${file}`).toBe(source);
        expect(e.reported, `${e.id}: reported is the publication date`).toBe(published);
        days.push(occurredSortDay(e.occurred)!);
      }
      expect(days, `${file} is ordered by date`).toEqual([...days].sort((a, b) => a - b));
    }
  });

  it('holds well over fifty reported events, none hypothetical, each with quote, attribution and a one-line date basis', () => {
    expect(events().length).toBeGreaterThan(70);
    for (const e of events()) {
      expect(e.hypothetical, e.id).toBe(false);
      expect(e.quote!.length, `${e.id}: a short excerpt`).toBeLessThanOrEqual(300);
      expect(e.dateBasis, e.id).not.toMatch(/\n/);
      expect(e.attribution?.speaker, e.id).toBeTruthy();
      // "YYYY-MM" exactly when the precision is a month.
      expect(/^\d{4}-\d{2}$/.test(e.occurred), `${e.id}: ${e.occurred} vs precision ${e.precision}`).toBe(e.precision === 'month');
    }
  });

  it('keeps the outlets\' framing out of the summaries (it may only appear inside quotes)', () => {
    const framing = /\b(occupation|genocide|claimed|claims|massacres?|aggression|regime|besieged|terror\w*)\b/i;
    const offenders = events().filter((e) => framing.test(e.summary)).map((e) => `${e.id}: ${e.summary}`);
    expect(offenders).toEqual([]);
  });

  it('links reports of one act by different outlets with an act slug: same type, one event per outlet', () => {
    const byAct = new Map<string, ParleyEvent[]>();
    for (const e of events()) if (e.act) byAct.set(e.act, [...(byAct.get(e.act) ?? []), e]);
    for (const [act, list] of byAct) {
      expect(new Set(list.map((e) => e.type)).size, `${act}: one event type`).toBe(1);
      expect(new Set(list.map((e) => e.source)).size, `${act}: one event per source`).toBe(list.length);
    }
    const kirby = byAct.get('kirby-assesses-cairo-talks')!;
    expect(kirby.map((e) => e.source).sort()).toEqual([MAYADEEN, ANADOLU]);
    expect(byAct.get('cairo-round-opens')!.map((e) => e.source).sort()).toEqual([MAYADEEN, ANADOLU]);
  });

  it('dates relative days against the calendar: "Thursday" in a Friday article is the day before', () => {
    // Netanyahu's office "said Thursday" (Anadolu, Fri 23 Aug); Gallant briefed "on Monday" (Thu 15 Aug article).
    expect(byId('8nw9hdtdhfDd')).toMatchObject({ occurred: '2024-08-22', precision: 'day' });
    expect(byId('E16T4-QFXqpy')).toMatchObject({ occurred: '2024-08-12', precision: 'day' });
    expect(new Date(dayNumber('2024-08-12')! * 86_400_000).getUTCDay()).toBe(1); // a Monday
    expect(new Date(dayNumber('2024-08-22')! * 86_400_000).getUTCDay()).toBe(4); // a Thursday
    // Lapid "on Tuesday" and the Biden-Netanyahu call "on Wednesday", both in the Friday Anadolu article.
    expect(byId('ydDef59hh4lf').occurred).toBe('2024-08-20');
    expect(byId('XaI2bcNi9Ovo').occurred).toBe('2024-08-21');
    // Hamas says it accepted "in June": month precision.
    expect(byId('yGAX8Qzsyil2')).toMatchObject({ occurred: '2024-06', precision: 'month' });
  });
});

describe('the bundled log replayed', () => {
  it('replays with no anomalies, as a whole, per source, and as known on each publication day, under every policy', () => {
    const end = lastDate(log)!;
    expect(end).toBe('2024-09-13');
    for (const policy of policies) {
      expect(at(end, { policy }).anomalies, policy).toEqual([]);
      for (const s of log.catalog.sources) {
        expect(at(end, { policy, sources: [s.id] }).anomalies, `${policy}, ${s.id}`).toEqual([]);
        expect(at(end, { policy, knownAt: s.published }).anomalies, `${policy}, known at ${s.published}`).toEqual([]);
      }
    }
  });

  it('has no bridging proposal before 16 Aug, and the Doha round in session on 15 Aug', () => {
    const s = at('2024-08-15');
    expect(s.proposals['us-bridging-proposal']).toBeUndefined();
    expect(s).toMatchObject({ phase: 'negotiating', stage: 'roundInSession' });
    expect(s.round).toMatchObject({ id: 'doha-2024-08', opened: '2024-08-15', closed: null });
  });

  it('closes the Doha round on 16 Aug with the US bridging proposal on the table and no answer yet', () => {
    const s = at('2024-08-16');
    expect(s).toMatchObject({ stage: 'betweenRounds' });
    expect(s.round).toMatchObject({ id: 'doha-2024-08', closed: '2024-08-16' });
    expect(s.proposals['us-bridging-proposal']).toMatchObject({ by: 'us', tabled: '2024-08-16', responses: {} });
  });

  it('after 19 Aug: accepted by Israel according to Blinken, rejected by Hamas', () => {
    const bridging = at('2024-08-20').proposals['us-bridging-proposal']!;
    expect(bridging.responses.hamas).toMatchObject({ response: 'rejected', date: '2024-08-18' });
    expect(bridging.responses.israel).toMatchObject({ response: 'accepted', date: '2024-08-19' });
    const behind = byId(bridging.responses.israel!.eventIds[0]!);
    expect(behind.attribution).toMatchObject({ party: 'us', onRecord: true });
    expect(behind.attribution!.speaker).toMatch(/Blinken/);
    expect(behind.source).toBe(MAYADEEN);
    const rejection = byId(bridging.responses.hamas!.eventIds[0]!);
    expect(rejection.attribution).toMatchObject({ speaker: 'Hamas', party: 'hamas' });
  });

  it('as public on 20 Aug shows no response yet: the rejection and Blinken\'s word first appear in articles of 23 Aug', () => {
    const public20 = at('2024-08-20', { knownAt: '2024-08-20' });
    expect(public20.proposals['us-bridging-proposal']).toMatchObject({ responses: {} });
    expect(at('2024-08-20', { knownAt: '2024-08-23' }).proposals['us-bridging-proposal']!.responses).toHaveProperty('israel');
  });

  it('on 23 Aug: the Philadelphi gap is undetermined under first-hand, contested, and the Cairo round, opened 22 Aug, is in session', () => {
    const s = at('2024-08-23');
    // First-hand: the prime minister's office's own words of 22 Aug decide ("will control the
    // corridor": an acceptance, not a refusal of anything), not the unnamed official Al Mayadeen
    // quoted on 23 Aug, whose claim stands beside it.
    const israel = s.positions.philadelphi!.israel!;
    expect(israel).toMatchObject({ accepts: ['israeli-control'], rejects: [], contested: true, basis: { speaker: 'the office of Prime Minister Netanyahu', rank: 'own-on-record', source: ANADOLU } });
    expect(israel.claims.map((c) => c.source)).toEqual(expect.arrayContaining([MAYADEEN, HADATH, ANADOLU]));
    // Hamas's demand "full withdrawal from the Gaza Strip" (22 Aug) is read as covering the corridor, and says so.
    const hamas = s.positions.philadelphi!.hamas!;
    expect(hamas).toMatchObject({ accepts: ['full-withdrawal'], rejects: [] });
    expect(hamas.basis).toMatchObject({ speaker: 'the leaderships of Hamas and Palestinian Islamic Jihad', rank: 'own-on-record' });
    expect(hamas.claims.find((c) => c.speaker === hamas.basis!.speaker)!.inference).toMatch(/complete withdrawal from the Gaza Strip/);
    // Neither deciding claim refuses anything, so the gap is undetermined; other claims (Netanyahu's
    // "only the presence of Israeli troops", Hamas's rejection of continued occupation) would open it.
    expect(s.gaps.philadelphi).toMatchObject({ status: 'undetermined', contested: true, alternatives: ['open'] });
    // Under `latest` the last report decides: Al Mayadeen's own words, "his refusal to withdraw".
    const latest = stateAt(log, '2024-08-23', { policy: 'latest' });
    expect(latest.positions.philadelphi!.israel).toMatchObject({ accepts: [], rejects: ['monitored-withdrawal', 'full-withdrawal'] });
    expect(latest.gaps.philadelphi).toMatchObject({ status: 'open' });
    expect(s).toMatchObject({ phase: 'negotiating', stage: 'roundInSession', roundsOpened: 2 });
    expect(s.round).toMatchObject({ id: 'cairo-2024-08', venue: 'Cairo', opened: '2024-08-22', closed: null, mediators: ['us'] });
    expect(at('2024-08-21').round).toMatchObject({ id: 'doha-2024-08', closed: '2024-08-16' });
  });

  it('records refusals as rejects of what is refused, never as accepting the other options', () => {
    const s = at('2024-08-23');
    // Hamas: Netanyahu refuses "a permanent cease-fire" -> Israel rejects that option, and nothing is accepted.
    const endOfWar = s.positions['end-of-war']!.israel!;
    expect(endOfWar).toMatchObject({ accepts: [], rejects: ['permanent-ceasefire'], basis: { speaker: 'Hamas', relation: 'other-party' } });
    expect(s.gaps['end-of-war']).toMatchObject({ status: 'open', distance: null });
    // The refusals Hamas attributes to Netanyahu, and the insistences: each names only what the quote names.
    const stance = (id: string) => {
      const e = byId(id);
      if (e.type !== 'position.stated') throw new Error(`${id} is not a position`);
      return { accepts: e.accepts, rejects: e.rejects };
    };
    expect(stance('8h1g6HFg-GLV')).toEqual({ accepts: [], rejects: ['permanent-ceasefire'] });
    expect(stance('yBf3dzbIAzxP')).toEqual({ accepts: [], rejects: ['full-withdrawal'] });
    expect(stance('oncNtXt2vvFj')).toEqual({ accepts: ['israeli-control'], rejects: [] });
    expect(stance('JH-5RFRLYtUn')).toEqual({ accepts: ['israeli-control'], rejects: [] });
    // A reading beyond the quote's words is marked, with the rule, wherever the same wording occurs.
    for (const id of ['8ycTrsFyJwQ5', 'bNfiY3DKV0ir', 'ifKvp2HOqaQv', 'ucE7JhUa-SjF', 'SmmOVd1jFc0t']) {
      const e = byId(id);
      expect(e.type === 'position.stated' && e.inference, id).toMatch(/complete withdrawal from the Gaza Strip/);
    }
  });

  it('shows a mediator\'s report of a response as the mediator\'s claim, and the outlet\'s narration as narration', () => {
    const israel = at('2024-08-23').proposals['us-bridging-proposal']!.responses.israel!;
    expect(israel).toMatchObject({ response: 'accepted' });
    for (const id of ['rrHOK0Ryg2bm', 'aWvYEX3zqxDV']) expect(byId(id).attribution!.party, id).toBe('us');
    expect(byId('aWvYEX3zqxDV').quote).not.toMatch(/despite/);
    // "wants the agreement to allow him to resume fighting" is Al Hadath's description, not Netanyahu's words.
    expect(byId('PggpMLm2fFOW').attribution).toEqual({ speaker: 'Al Hadath', onRecord: true });
    for (const id of ['1K7bnhWG0CQD', 'JRCCl1dICOH3', 'oO97b_ESAK5g', '4ftoXW64ozRL', 'KpTFIpme4tI-', 'lY4CywTy4-Pn', '3tjUZd17S3qX']) {
      expect(byId(id).attribution!.party, id).toBeUndefined();
    }
  });

  it('carries Kirby\'s 23 Aug assessment in both Al Mayadeen and Anadolu, as an optimistic comment (CAMEO 013)', () => {
    const { assessments } = at('2024-08-23');
    for (const source of [MAYADEEN, ANADOLU]) {
      const kirby = Object.values(assessments[source] ?? {}).find((a) => /Kirby/.test(a.speaker));
      expect(kirby, source).toMatchObject({ tone: 'optimistic', cameo: '013', date: '2024-08-23' });
    }
    expect(Object.values(assessments['al-qahera-reuters-2024-08-15']!)).toEqual([
      expect.objectContaining({ speaker: 'a high-ranking Egyptian source', tone: 'pessimistic', cameo: '012' }),
    ]);
  });

  it('differs by outlet where the outlets diverge', () => {
    const mayadeen = at('2024-08-23', { sources: [MAYADEEN] });
    const anadolu = at('2024-08-23', { sources: [ANADOLU] });
    // Al Mayadeen: its unnamed Palestinian official (another party's claim) says Israel insists on
    // military sites, and outranks the outlet's own words on Netanyahu's "refusal to withdraw", which
    // stand beside it; Anadolu quotes Netanyahu's office: control.
    const mayadeenIsrael = mayadeen.positions.philadelphi!.israel!;
    expect(mayadeenIsrael).toMatchObject({ accepts: ['military-sites'], rejects: [], contested: true, basis: { relation: 'other-party' } });
    expect(mayadeenIsrael.claims.map((c) => c.rejects)).toContainEqual(['monitored-withdrawal', 'full-withdrawal']);
    expect(anadolu.positions.philadelphi!.israel!.accepts).toEqual(['israeli-control']);
    // Only Anadolu reports Hamas's rejection; only Al Mayadeen reports Israel's acceptance.
    expect(Object.keys(anadolu.proposals['us-bridging-proposal']!.responses)).toEqual(['hamas']);
    expect(Object.keys(mayadeen.proposals['us-bridging-proposal']!.responses)).toEqual(['israel']);
    // Al Hadath, four days earlier, has no Cairo round yet.
    expect(at('2024-08-23', { sources: [HADATH] }).round).toMatchObject({ id: 'doha-2024-08', closed: '2024-08-16' });
  });

  it('records the figures the articles give, each with its source', () => {
    const { figures } = at('2024-08-23');
    const figure = (id: string, source: string) => figures[id]?.find((f) => f.source === source);
    expect(figure('hostages-remaining', HADATH)).toMatchObject({ value: 115 });
    expect(figure('phase1-hostages-framework', HADATH)).toMatchObject({ value: 33 });
    expect(figure('prisoners-vetoed', MAYADEEN)).toMatchObject({ value: 65, qualifier: expect.stringMatching(/^about/) });
    expect(figure('hostages-declared-dead-share', HADATH)).toMatchObject({ qualifier: expect.stringMatching(/at least a third/) });
  });
});

describe('parley state --json on the bundled log (snapshots)', () => {
  for (const date of ['2024-08-16', '2024-08-20', '2024-08-23', '2024-09-13']) {
    it(`on ${date}`, async () => {
      const r = await runCli(['state', '--json', '--at', date, '--strict']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/bundled-state-${date}.json`);
    });
  }

  it('as Al Mayadeen reported it, on 2024-08-23', async () => {
    const r = await runCli(['state', '--json', '--at', '2024-08-23', '--source', MAYADEEN, '--strict']);
    expect(r.code).toBe(0);
    await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/bundled-state-2024-08-23-${MAYADEEN}.json`);
  });
});
