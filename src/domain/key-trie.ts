// Sequences of values as small numbers: equal sequences, equal numbers. The
// replay names every claim's claimant and content by such a number, so that
// comparing two is one step. A sequence is walked value by value through a
// trie of Maps instead of being joined into a key string: the values are
// strings the log already holds (their hashes cached), so a walk allocates
// nothing once the sequence has been met, where a joined key was a new
// string, hashed in full, per claim. Numbers only identify, never order.
// The value pool (value-pool.ts) finds the lists and records it has pooled
// by the same walk.

/**
 * Values a key is made of, told apart as a Map tells its keys apart (so -0 is
 * 0, and an object is itself). The replay's keys are strings and null, with
 * numbers as marks between parts (no id is a number); the value pool's are
 * JSON values it has pooled, and symbols for the kind of a value.
 */
export type KeyPart = NonNullable<unknown> | null;

/** A place in a trie: the sequence walked so far. */
export interface KeyNode {
  next: Map<KeyPart, KeyNode> | null;
  id: number;
}

/** The sequences met so far; `count` numbers have been handed out. */
export interface KeyTrie {
  readonly root: KeyNode;
  count: number;
}

const node = (): KeyNode => ({ next: null, id: -1 });

/** A new, empty trie. */
export function newKeyTrie(): KeyTrie {
  return { root: node(), count: 0 };
}

/** The node of the sequence at `from` followed by `part`, if the trie has it. Pure. */
export function keyChild(from: KeyNode, part: KeyPart): KeyNode | undefined {
  return from.next?.get(part);
}

/** The node of the sequence at `from` followed by `part`, made if new. Mutates the trie (adds nodes only). */
export function keyStep(from: KeyNode, part: KeyPart): KeyNode {
  let next = from.next?.get(part);
  if (next === undefined) (from.next ??= new Map()).set(part, (next = node()));
  return next;
}

/**
 * The number of the sequence that ends at `at`: the same for the same
 * sequence for as long as the trie lives, and different for different ones.
 * Mutates the trie (hands out the next number the first time).
 */
export function keyNumber(trie: KeyTrie, at: KeyNode): number {
  if (at.id < 0) at.id = trie.count++;
  return at.id;
}
