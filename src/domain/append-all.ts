// push(...items) passes every item as an argument, and past about 10^5 of
// them the engine throws "Maximum call stack size exceeded". Lists that grow
// with the input (problems, claims, output lines) are appended with this.

/** Appends every item of `items` to `target`, in order, whatever their number; returns `target`. Mutates `target` only. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
