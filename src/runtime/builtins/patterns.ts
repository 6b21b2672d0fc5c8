// Structural pattern matching (PEP 634) support for translated `match` statements: the checks a pattern makes on
// its subject. Captures and sub-patterns are written out by the translator; these answer the questions only the
// run-time value can: is it a sequence, a mapping, and what is left over for `*rest` / `**rest`.
import { PyDict } from './dict.js';
import { eq } from './equality.js';
import { PyRange } from './range.js';
import { isTuple } from './tuple.js';

/**
 * The items a sequence pattern looks at: a list or tuple itself, the items of a range or a deque (the other
 * sequences a translated program meets; CPython unpacks them the same way), null for anything else (str, bytes,
 * mappings, iterators are not sequences to `match`). Typed `any`, as the match subject it stands for: each case's
 * `matchSequence` narrows it afresh.
 */
export function sequenceItems(subject: unknown): any {
  if (Array.isArray(subject) || isTuple(subject)) return subject as readonly unknown[];
  const pyName = (subject as { constructor?: { __pyname__?: string } } | null)?.constructor?.__pyname__;
  if (subject instanceof PyRange || pyName === 'deque') return Array.from(subject as Iterable<unknown>);
  return null;
}

/**
 * A sequence pattern matches lists, tuples and other sequences — never str, bytes or mappings — of exactly
 * `length` items, or at least `length` when the pattern has a star.
 */
export function matchSequence(subject: unknown, length: number, hasStar: boolean): subject is readonly unknown[] {
  if (!Array.isArray(subject) && !isTuple(subject)) return false;
  const n = (subject as readonly unknown[]).length;
  return hasStar ? n >= length : n === length;
}

/** A mapping pattern matches a dict that has every key the pattern names (extra keys are ignored). */
export function matchMapping(subject: unknown, keys: readonly unknown[]): subject is PyDict<unknown, unknown> {
  return subject instanceof PyDict && keys.every((k) => subject.has(k));
}

/** `**rest` in a mapping pattern: a new dict of the keys the pattern did not name. */
export function mappingRest(subject: PyDict<unknown, unknown>, keys: readonly unknown[]): PyDict<unknown, unknown> {
  const rest = new PyDict<unknown, unknown>();
  for (const key of subject) if (!keys.some((k) => eq(k, key))) rest.setItem(key, subject.getItem(key));
  return rest;
}
