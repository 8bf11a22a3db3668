import { describe, expect, it } from 'vitest';
import { fieldLines, lineOfField, mayNestTooDeep } from '../src/domain/field-lines.js';

describe('field lines', () => {
  it('finds the line of a field in YAML and JSON, and of the enclosing object for a missing one', () => {
    const yaml = fieldLines('title: t\nevents:\n  - type: x\n    party: israel\n  - type: y\n');
    expect(lineOfField(yaml, 'events[0].party')).toBe(4);
    expect(lineOfField(yaml, 'events[1].summary')).toBe(5);
    const json = fieldLines('[\n  {\n    "id": "a"\n  },\n  {\n    "id": "b"\n  }\n]');
    expect(lineOfField(json, '[1].id')).toBe(6);
    expect(lineOfField(json, '[1].label')).toBe(5);
  });

  it('gives nothing for a text that does not parse, and does not crash on deep nesting', () => {
    expect(fieldLines('{ "a": ').size).toBe(0);
    expect(fieldLines(`${'['.repeat(100_000)}${']'.repeat(100_000)}`).size).toBe(0);
    expect(mayNestTooDeep('[[[', 3)).toBe(false);
    expect(mayNestTooDeep('"[[" [[', 3)).toBe(true);
  });
});
