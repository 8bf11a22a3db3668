// Ids are user data, and user data must never reach an object's prototype.
// JSON.parse and YAML give "__proto__" as an ordinary own key, but a schema
// copying it into a fresh object either drops it silently or sets the copy's
// prototype. So the key is refused before any schema sees it, and id-keyed
// tables the schemas build have no prototype at all.

const FORBIDDEN = '__proto__';

/**
 * The dotted path of the first own "__proto__" key in a decoded value, at any
 * depth, or undefined. Iterative, so any depth is safe. Pure.
 */
export function prototypeKeyPath(value: unknown): string | undefined {
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, path: `${path}[${i}]` }));
      continue;
    }
    if (Object.hasOwn(v, FORBIDDEN)) return path === '' ? FORBIDDEN : `${path}.${FORBIDDEN}`;
    for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], path: path === '' ? k : `${path}.${k}` });
  }
  return undefined;
}

/** The message for a "__proto__" key. */
export const PROTOTYPE_KEY_MESSAGE = 'the key "__proto__" is not allowed (it names a JavaScript object\'s prototype)';

/** A copy of an id-keyed table with no prototype, so no id ("constructor", "toString") finds an inherited value. Pure. */
export function nullPrototype<V>(table: Readonly<Record<string, V>>): Record<string, V> {
  return Object.assign(Object.create(null) as Record<string, V>, table);
}
