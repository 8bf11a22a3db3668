// Interactive parley add in a real terminal (a private tmux server): the
// questions follow the event type's schema, and the answers become one line.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventTypes } from '../src/domain/event-schema.js';
import { binary, repoRoot } from './helpers/cli.js';

const session = `parley-add-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
const screen = () => {
  try {
    return tmux('capture-pane', '-p', '-t', session);
  } catch {
    return '';
  }
};
const keys = (...k: string[]) => tmux('send-keys', '-t', session, ...k);

async function waitFor(check: (text: string) => boolean): Promise<string> {
  let text = '';
  // Generous: under a full parallel test run, starting node in a pane can take seconds.
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    text = screen();
    if (check(text)) return text;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`screen never matched; last screen:\n${text}`);
}

/** The question the prompt is asking now (the last "? " line), if any. */
const question = (text: string) => text.split('\n').filter((l) => l.startsWith('? ')).at(-1);
/** How many questions have been answered (one "✔" line each). */
const finished = (text: string) => text.split('\n').filter((l) => l.startsWith('✔ ')).length;
/** The open question below the last answer, if it is up yet. */
const pending = (text: string) => {
  const lines = text.split('\n');
  const last = lines.findLastIndex((l) => l.startsWith('✔ '));
  return lines.slice(last + 1).find((l) => l.startsWith('? '));
};

let events: string;
beforeEach(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'parley-add-tty-'));
  events = join(dir, 'events');
  await cp(join(repoRoot, 'events'), events, { recursive: true });
});
afterEach(() => {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
});

const start = () => tmux('new-session', '-d', '-x', '160', '-y', '50', '-s', session, `node ${binary} add --log ${events} --source anadolu-2024-08-23 --sources ${join(events, '..')}; echo EXIT=$?; sleep 60`);

describe('parley add on a terminal', () => {
  it('asks for each field of the chosen type, offers catalog choices, and appends the answers', async () => {
    const file = join(events, 'anadolu-2024-08-23.jsonl');
    const before = await readFile(file, 'utf8');
    start();
    await waitFor((t) => question(t)?.includes('event type') === true);
    for (let i = 0; i < eventTypes.indexOf('talks.assessed'); i++) keys('Down');
    keys('Enter');
    // Answer by question, so a field added to the schema later gets its default (Enter) here.
    const answers: [string, string[]][] = [
      ['occurred', ['2024-08-23', 'Enter']],
      ['dateBasis', ['test: the publication day', 'Enter']],
      ['quote', ['The last round of mediated negotiations ended Friday in Doha, Qatar', 'Enter']],
      ['attribution.speaker', ['Anadolu', 'Enter']],
      ['attribution.onRecord', ['y', 'Enter']],
      ['summary', ['Anadolu reports that the round ended.', 'Enter']],
    ];
    const seen: string[] = [];
    for (let answered = 1; ; answered++) {
      // Wait until the previous answer is recorded (one more ✔ line) and the next question is up.
      const text = await waitFor((t) => t.includes('EXIT=') || (finished(t) === answered && pending(t) !== undefined));
      if (text.includes('EXIT=')) break;
      const q = pending(text)!;
      seen.push(q);
      if (q.startsWith('? attribution.party')) expect(text).toContain('egypt: Egypt');
      const answer = answers.find(([label]) => q === `? ${label}` || q.startsWith(`? ${label} `));
      keys(...(answer?.[1] ?? ['Enter']));
      if (seen.length > 40) throw new Error(`too many questions:\n${seen.join('\n')}`);
    }
    expect(seen.map((q) => q.slice(2).split(/[ ,(]/)[0])).toEqual(expect.arrayContaining(['occurred', 'precision', 'reported', 'attribution.party', 'tone', 'append']));
    expect(screen()).toContain('EXIT=0');
    const added = (await readFile(file, 'utf8')).slice(before.length).trim();
    expect(JSON.parse(added)).toMatchObject({ type: 'talks.assessed', occurred: '2024-08-23', reported: '2024-08-23', tone: 'optimistic', attribution: { speaker: 'Anadolu', onRecord: true } });
  });

  it('exits 130 on Ctrl-C and writes nothing', async () => {
    const file = join(events, 'anadolu-2024-08-23.jsonl');
    const before = await readFile(file, 'utf8');
    start();
    await waitFor((t) => question(t)?.includes('event type') === true);
    keys('C-c');
    expect(await waitFor((t) => t.includes('EXIT='))).toContain('EXIT=130');
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
