import { describe, expect, it } from 'vitest';
import { formatProblem, parseLog, type Problem, validateEvent } from '../src/index.js';
import { sampleCatalog } from '../src/testing/index.js';
import { reported } from './helpers/events.js';

const line = (o: unknown) => JSON.stringify(o);
const good = reported('2024-08-20', { type: 'position.stated', party: 'north', term: 'corridor', accepts: ['control'] });

function problemsOf(text: string, name = 'log.jsonl'): Problem[] {
  const result = parseLog(sampleCatalog, [{ name, text }]);
  return result.ok ? [] : result.problems;
}

describe('parsing an event file', () => {
  it('accepts a valid event and fills defaults', () => {
    const result = parseLog(sampleCatalog, [{ name: 'log.jsonl', text: `${line({ ...good, conditions: undefined })}\n\n` }]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.entries[0]!.event).toMatchObject({ conditions: [], hypothetical: false });
  });

  it('reports every bad line, each with file, line, event id and field', () => {
    const text = [
      '{not json',
      line({ ...good, id: 'evt-aaaaaa', accepts: 'control' }),
      line({ ...good, id: 'evt-bbbbbb', type: 'position.guessed' }),
      line({ ...good, id: 'evt-cccccc', term: 'airspace' }),
      line({ ...good, id: 'evt-dddddd', party: 'east' }),
      line({ ...good, id: 'evt-eeeeee', accepts: ['teleport'] }),
      line({ ...good, id: 'evt-ffffff', occurred: '2024-02-30' }),
      line({ ...good, id: 'evt-gggggg', source: 'gazette' }),
      line({ ...good, id: 'evt-hhhhhh', colour: 'blue' }),
      line({ ...good, id: 'evt-iiiiii', source: undefined }),
      line({ ...good, id: 'evt-jjjjjj', reported: '2024-08-01' }),
      '[1,2]',
    ].join('\n');
    const problems = problemsOf(text);
    const at = (n: number) => problems.filter((p) => p.line === n);
    expect(at(1)[0]!.message).toMatch(/not valid JSON/);
    expect(at(2)[0]).toMatchObject({ eventId: 'evt-aaaaaa', field: 'accepts' });
    expect(at(3)[0]).toMatchObject({ field: 'type', code: 'unknown-type', message: 'unknown event type "position.guessed"' });
    expect(at(3)[0]!.expected).toMatch(/^one of round\.opened/);
    expect(at(4)[0]).toMatchObject({ field: 'term' });
    expect(formatProblem(at(4)[0]!)).toMatch(/unknown term "airspace"; expected one of corridor, crossing, ceasefire \[unknown-term\]$/);
    expect(at(5)[0]).toMatchObject({ field: 'party' });
    expect(at(6)[0]).toMatchObject({ field: 'accepts[0]' });
    expect(at(7)[0]).toMatchObject({ field: 'occurred' });
    expect(at(8)[0]!.message).toMatch(/unknown source "gazette"/);
    expect(at(9)[0]!.message).toMatch(/unknown field\(s\) "colour"/);
    expect(at(10)[0]).toMatchObject({ field: 'source' });
    expect(at(10)[0]!.message).toMatch(/required for a reported event/);
    expect(at(11)[0]!.message).toMatch(/before it occurred/);
    expect(formatProblem(at(12)[0]!)).toMatch(/not a JSON object; expected a JSON object/);
  });

  it('accepts a sortDate only within a week- or month-precision period', () => {
    const at = (extra: Record<string, unknown>) => problemsOf(line({ ...good, ...extra }));
    expect(at({ occurred: '2024-05', precision: 'month', sortDate: '2024-05-25' })).toEqual([]);
    expect(at({ occurred: '2024-05', precision: 'month', sortDate: '2024-06-01' })[0]).toMatchObject({ field: 'sortDate', message: '2024-06-01 is outside the period of 2024-05 (month precision: the same month)' });
    expect(at({ occurred: '2024-05', precision: 'month', sortDate: '2024-05-25', reported: '2024-05-20' })[0]).toMatchObject({ field: 'sortDate', message: '2024-05-25 is after the event was reported (2024-05-20)' });
    expect(at({ occurred: '2024-05', precision: 'day' })[0]).toMatchObject({ field: 'precision', message: expect.stringContaining('has month precision') });
    expect(at({ precision: 'month' })[0]).toMatchObject({ field: 'occurred', message: 'month precision is written YYYY-MM (e.g. 2024-08)' });
    expect(at({ occurred: '2024-08-12', precision: 'week', sortDate: '2024-08-16' })).toEqual([]);
    expect(at({ sortDate: '2024-08-20' })[0]).toMatchObject({ field: 'sortDate', message: expect.stringContaining('only for week or month precision') });
  });

  it('formats a problem as one line a user can act on', () => {
    const [p] = problemsOf(line({ ...good, term: 'airspace' }), 'events/x.jsonl');
    expect(formatProblem(p!)).toBe(
      `events/x.jsonl:1: event ${good.id}: field "term": unknown term "airspace"; expected one of corridor, crossing, ceasefire [unknown-term]`,
    );
  });

  it('rejects an id used twice, across files', () => {
    const result = parseLog(sampleCatalog, [
      { name: 'a.jsonl', text: line(good) },
      { name: 'b.jsonl', text: `\n${line(good)}` },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ file: 'b.jsonl', line: 2, eventId: good.id, code: 'duplicate-id', field: 'id', message: 'duplicate id; first used at a.jsonl:1' }]);
  });

  it('lets hypothetical events omit source, quote, reported and attribution, but keeps them out of log files', () => {
    const hyp = { id: 'hyp-000001', type: 'concession.offered', occurred: '2024-08-22', precision: 'day', dateBasis: 'what-if', summary: 's', hypothetical: true, party: 'north', term: 'corridor', adds: ['reduced'] };
    expect(validateEvent(hyp, sampleCatalog, { file: 'scenario.yaml' }).ok).toBe(true);
    expect(problemsOf(line(hyp))).toEqual([
      { file: 'log.jsonl', line: 1, eventId: 'hyp-000001', code: 'hypothetical-in-log', field: 'hypothetical', message: 'a log file holds reported events only; put what-if events in a scenario file (parley scenario run)' },
    ]);
  });
});
