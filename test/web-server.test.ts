import { request } from 'node:http';
import { type Socket, connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOverlay } from '../src/cli/scenario-option.js';
import { valueOrThrow } from '../src/domain/problem.js';
import { loadLog } from '../src/io/read-log.js';
import { policies } from '../src/model/claims.js';
import { stateAt } from '../src/model/replay.js';
import type { EventLog } from '../src/domain/event-log.js';
import { type RunningServer, startServer } from '../src/web/server.js';

const fixture = join(import.meta.dirname, 'fixtures', 'talks');
let running: RunningServer;
let log: EventLog;

beforeAll(async () => {
  const loaded = await loadLog([fixture]);
  if (!loaded.ok) throw new Error('fixture log did not load');
  log = loaded.value.log;
  const scenario = await loadOverlay(join(import.meta.dirname, 'fixtures', 'what-if.json'), loaded.value.log);
  running = valueOrThrow(await startServer({ log: loaded.value.log, scenarios: [scenario] }));
});
afterAll(() => running.close());

/** A raw request, so paths reach the server exactly as written. */
function raw(path: string, options: { method?: string; host?: string } = {}): Promise<{ status: number; type: string; body: string }> {
  const url = new URL(running.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path, method: options.method ?? 'GET', headers: { host: options.host ?? url.host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const json = async (path: string) => {
  const r = await raw(path);
  return { status: r.status, body: JSON.parse(r.body) as Record<string, any> };
};

describe('the viewer server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((running.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('serves the built page and its assets', async () => {
    const page = await raw('/');
    expect(page).toMatchObject({ status: 200, type: expect.stringContaining('text/html') });
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)![1]!;
    expect(await raw(`/${asset}`)).toMatchObject({ status: 200, type: expect.stringContaining('javascript') });
  });

  it('refuses traversal, unknown paths, writes and foreign hosts', async () => {
    for (const path of ['/../package.json', '/assets/..%2f..%2f..%2fpackage.json', '/..%5c..%5cpackage.json']) expect((await raw(path)).status).toBe(400);
    for (const path of ['/package.json', '/server.js', '/api.js', '/nope']) expect((await raw(path)).status).toBe(404);
    expect((await raw('/api/meta', { method: 'POST' })).status).toBe(405);
    expect((await raw('/api/meta', { host: 'evil.example:80' })).status).toBe(421);
  });

  it('answers /api/meta with the catalog, dates, rounds and the machine', async () => {
    const { body } = await json('/api/meta');
    expect(body.first).toBe('2024-08-15');
    expect(body.last).toBe('2024-08-23');
    expect(body.rounds.map((r: { id: string }) => r.id)).toEqual(['doha-2024-08', 'cairo-2024-08']);
    expect(body.machine.children.map((c: { key: string }) => c.key)).toContain('negotiating');
  });

  it('answers /api/state with filters, and 400 on a bad query', async () => {
    // Hamas's own words (full withdrawal) outrank a mediator's report that it could accept checkpoints.
    expect((await json('/api/state?at=2024-08-23')).body.gaps.netzarim).toMatchObject({ status: 'open', contested: true, alternatives: ['bridged'] });
    const daily = await json('/api/state?at=2024-08-23&source=daily-2024-08-23');
    expect(daily.body.gaps.netzarim.status).toBe('open');
    expect(daily.body.sources).toEqual(['daily-2024-08-23']);
    expect((await json('/api/state?at=2024-08-19&knownAt=2024-08-19')).body.knownAt).toBe('2024-08-19');
    expect(await json('/api/state?at=23-08-2024')).toMatchObject({ status: 400, body: { problems: [expect.objectContaining({ code: 'bad-date', field: 'at' })] } });
    expect(await json('/api/state?source=nobody')).toMatchObject({ status: 400 });
  });

  it('answers /api/timeline and /api/events/:id', async () => {
    const { body } = await json('/api/timeline');
    expect(body.days.at(-1)).toMatchObject({ date: '2024-08-23', gaps: { open: 2, bridged: 0, unknown: 2, agreed: 0 } });
    expect(body.events).toHaveLength(10);
    const event = await json('/api/events/fixture-006');
    expect(event.body.source.outlet).toBe('The Daily Ledger');
    expect((await json('/api/events/nothing')).status).toBe(404);
  });

  it('takes a claims policy on state and timeline, checks it, and answers as the library does under it', async () => {
    expect((await json('/api/meta')).body).toMatchObject({ policies: [...policies], policy: 'first-hand' });
    for (const policy of policies) {
      const { body } = await json(`/api/state?at=2024-08-23&policy=${policy}`);
      expect(body.policy).toBe(policy);
      expect(body.gaps).toEqual(JSON.parse(JSON.stringify(stateAt(log, '2024-08-23', { policy }).gaps)));
      // The timeline's last day counts the gaps of that same state.
      const day = (await json(`/api/timeline?policy=${policy}`)).body.days.at(-1);
      const counts: Record<string, number> = { open: 0, bridged: 0, agreed: 0, unknown: 0, undetermined: 0 };
      for (const gap of Object.values(body.gaps) as { status: string }[]) counts[gap.status]!++;
      expect(day.gaps).toEqual(counts);
    }
    for (const path of ['/api/state?policy=nope', '/api/timeline?policy=First-hand', '/api/scenario/0/state?policy=%3Cb%3E']) {
      expect(await json(path)).toMatchObject({ status: 400, body: { problems: [expect.objectContaining({ code: 'bad-field', field: 'policy' })] } });
    }
  });

  it('answers with only what had been reported by knownAt: rounds, events and who said them', async () => {
    // Everything before 19 August in the fixture was first reported on the 19th.
    const before = (await json('/api/timeline?knownAt=2024-08-18')).body;
    expect(before).toMatchObject({ events: [], rounds: [], days: [] });
    const by19 = (await json('/api/timeline?knownAt=2024-08-19')).body;
    expect(by19.rounds).toEqual([expect.objectContaining({ id: 'doha-2024-08', opened: '2024-08-15', closed: '2024-08-16' })]);
    expect(by19.events.length).toBeGreaterThan(0);
    for (const e of by19.events) {
      expect(e.reported <= '2024-08-19').toBe(true);
      expect(e).toEqual(expect.objectContaining({ day: expect.any(String), source: expect.any(String) }));
      expect(e.speaker).toBe(log.byId.get(e.id)!.event.attribution?.speaker ?? null);
    }
    expect((await json('/api/timeline')).body.events.length).toBeGreaterThan(by19.events.length);
    expect(await json('/api/timeline?knownAt=2024-8-19')).toMatchObject({ status: 400, body: { problems: [expect.objectContaining({ code: 'bad-date', field: 'knownAt' })] } });
    expect((await json('/api/state?at=2024-08-23&knownAt=2024-08-19')).body.eventCount).toBe(by19.events.length);
  });

  it('answers the scenario endpoints with baseline and what-if, hypothetical values marked', async () => {
    const list = await json('/api/scenarios');
    expect(list.body).toEqual([expect.objectContaining({ n: 0, title: 'Both sides accept a phased Philadelphi withdrawal', dates: ['2024-08-24'], hypotheticalEvents: 2 })]);
    // The scenario names no dates, so it compares on its defaults: the event's day and the log's last.
    expect(list.body[0].compareOn).toEqual(['2024-08-23', '2024-08-24']);
    const { body } = await json('/api/scenario/0/state?at=2024-08-24');
    expect(body.baseline.gaps.philadelphi).toMatchObject({ status: 'open', hypothetical: false });
    expect(body.whatIf.gaps.philadelphi).toMatchObject({ status: 'bridged', hypothetical: true });
    expect(body.changes).toContainEqual(expect.objectContaining({ path: 'gaps.philadelphi', hypothetical: true }));
    expect((await json('/api/events/whatif-israel-phased')).body.event.hypothetical).toBe(true);
    expect((await json('/api/scenario/0/timeline')).body.events.filter((e: { hypothetical: boolean }) => e.hypothetical)).toHaveLength(2);
    expect((await json('/api/scenario/7/state')).status).toBe(404);
    // The filters apply to both sides of a scenario: reported by the 19th, the what-if has only its own events after it.
    const early = (await json('/api/scenario/0/state?at=2024-08-24&knownAt=2024-08-19&policy=latest')).body;
    expect(early.baseline).toMatchObject({ knownAt: '2024-08-19', policy: 'latest' });
    expect(early.whatIf.eventCount - early.whatIf.hypotheticalEventCount).toBe(early.baseline.eventCount);
  });
});

/** A socket to the server that sends the start of a request and never finishes its headers. */
function partialRequest(url: URL): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: Number(url.port) }, () => {
      socket.write(`GET /api/meta HTTP/1.1\r\nHost: ${url.host}\r\nX-Slow: `);
      // Read whatever the server answers (a 408), so the close is seen.
      socket.resume();
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

const closed = (socket: Socket) => new Promise<void>((resolve) => (socket.closed ? resolve() : socket.once('close', () => resolve())));

describe('the viewer server under slow or many clients', () => {
  it('closes connections whose headers never finish (slowloris), and caps how many are open', async () => {
    const loaded = await loadLog([fixture]);
    if (!loaded.ok) throw new Error('fixture log did not load');
    const limits = { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 200, checkIntervalMs: 100, maxConnections: 4 };
    const slow = valueOrThrow(await startServer({ log: loaded.value.log, scenarios: [] }, { limits }));
    try {
      const url = new URL(slow.url);
      const sockets = await Promise.all(Array.from({ length: 4 }, () => partialRequest(url)));
      // Over the cap: the server drops a fifth connection at once, while the four are still open.
      const extra = await partialRequest(url);
      await closed(extra);
      expect(sockets.every((s) => !s.closed)).toBe(true);
      // Each slow connection is closed by the header timeout; the test's own time limit bounds the wait.
      await Promise.all(sockets.map(closed));
      const after = await new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port: url.port, path: '/api/meta', headers: { host: url.host } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        }).on('error', reject).end();
      });
      expect(after).toBe(200);
    } finally {
      await slow.close();
    }
  }, 10_000);
});
