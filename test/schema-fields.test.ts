import { describe, expect, it } from 'vitest';
import { eventSchemas } from '../src/domain/event-schema.js';
import { fieldAt, fieldsOf, leafPaths } from '../src/domain/schema-fields.js';
import { positionStatedSchema } from '../src/event-types/position-stated.js';
import { proposalTabledSchema } from '../src/event-types/proposal-tabled.js';

describe('the fields of an event type, from its schema', () => {
  it('lists every field of every event type, in schema order', () => {
    for (const schema of eventSchemas) expect(fieldsOf(schema).map((f) => f.name)).toEqual(Object.keys(schema.shape));
  });

  it('reads kinds and optionality from the schema', () => {
    const fields = fieldsOf(positionStatedSchema);
    expect(fieldAt(fields, 'precision')).toMatchObject({ kind: 'choice', options: ['day', 'week', 'month'], required: true });
    expect(fieldAt(fields, 'type')).toMatchObject({ kind: 'fixed', value: 'position.stated' });
    expect(fieldAt(fields, 'accepts')).toMatchObject({ kind: 'list', required: false });
    expect(fieldAt(fields, 'prefers')).toMatchObject({ kind: 'text', required: false });
    expect(fieldAt(fields, 'conditions')).toMatchObject({ kind: 'json', required: false });
    expect(fieldAt(fields, 'attribution.onRecord')).toMatchObject({ kind: 'yes-no', required: true });
    expect(fieldAt(fieldsOf(proposalTabledSchema), 'terms')).toMatchObject({ kind: 'json' });
    expect(leafPaths(fields)).toContain('attribution.speaker');
  });

  it("validates one answer with the field's own schema", () => {
    const occurred = fieldAt(fieldsOf(positionStatedSchema), 'occurred')!;
    expect(occurred.schema.safeParse('2024-08-22').success).toBe(true);
    expect(occurred.schema.safeParse('2024-08-32').success).toBe(false);
  });
});
