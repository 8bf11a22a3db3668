// The registry holds one complete definition per event type of the schema:
// the compiler checks the keys; this checks what the compiler cannot see.
import { describe, expect, it } from 'vitest';
import { eventSchemas, eventTypes } from '../src/domain/event-schema.js';
import { eventRegistry } from '../src/event-types/registry.js';

describe('event registry', () => {
  it('has exactly the schema union\'s event types, each with its own schema and every part', () => {
    expect(Object.keys(eventRegistry).sort()).toEqual([...eventTypes].sort());
    for (const schema of eventSchemas) {
      const type = schema.shape.type.value;
      const definition = eventRegistry[type];
      expect(definition.type).toBe(type);
      expect(definition.schema).toBe(schema);
      expect(definition.description).toMatch(/^\S.{9,}$/);
      expect(typeof definition.check).toBe('function');
      expect(typeof definition.apply).toBe('function');
      expect(typeof definition.summarise).toBe('function');
      expect(definition.machineEvent === null || typeof definition.machineEvent === 'function').toBe(true);
    }
  });

  it('sends a statechart event exactly for the lifecycle types', () => {
    const lifecycle = Object.values(eventRegistry).filter((d) => d.machineEvent !== null).map((d) => d.type).sort();
    expect(lifecycle).toEqual(['agreement.reached', 'hostilities.resumed', 'phase.completed', 'phase.extended', 'phase.started', 'release.made', 'round.closed', 'round.opened']);
  });
});
