import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withSourceEntry } from '../src/domain/sources-file.js';

const entry = (id: string) => ({ id, outlet: 'O', title: 'T', published: '2024-08-01', publishedBasis: 'dated', document: `${id}.txt` });

describe('adding a source to a registry', () => {
  it('property: keeps every existing byte up to the closing bracket and adds exactly the entry', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 5 }), fc.constantFrom(0, 1, 2), fc.stringMatching(/^[a-z]{9,12}$/), (ids, indent, newId) => {
        const text = `${JSON.stringify(ids.map(entry), null, indent)}\n`;
        const r = withSourceEntry(text, entry(newId));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const body = text.slice(0, text.lastIndexOf(']')).trimEnd();
        expect(r.text.startsWith(body)).toBe(true);
        expect(JSON.parse(r.text)).toEqual([...ids.map(entry), entry(newId)]);
      }),
    );
  });

  it('refuses a registered id or document, and a broken registry', () => {
    const text = JSON.stringify([entry('daily')]);
    expect(withSourceEntry(text, entry('daily'))).toMatchObject({ ok: false, problems: [{ code: 'duplicate-source' }] });
    expect(withSourceEntry(text, { ...entry('wire'), document: 'daily.txt' })).toMatchObject({ ok: false, problems: [{ code: 'duplicate-document' }] });
    expect(withSourceEntry('[{', entry('wire'))).toMatchObject({ ok: false, problems: [{ code: 'invalid-catalog' }] });
  });
});
