// Loads the cases recorded from CPython by fixtures/record-cpython.py and decodes their values.

import { readFileSync } from 'node:fs';
import { asFloat } from '../../../src/runtime/builtins/py-float.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { tuple } from '../../../src/runtime/builtins/tuple.js';

export type Encoded =
  | { int: number }
  | { float: string }
  | { str: string }
  | { bool: boolean }
  | { none: null }
  | { tuple: Encoded[] }
  | { list: Encoded[] };

/** A recorded result: the text CPython produced, or its error as `Name: message`. */
export type Outcome = { out: string } | { error: string };

const FLOAT_WORDS: Record<string, number> = { inf: Infinity, '-inf': -Infinity, nan: NaN };

/** The plain JS number of a recorded float (no float marker). */
export function parseFloatRepr(text: string): number {
  return FLOAT_WORDS[text] ?? Number(text);
}

/** The runtime value standing for a recorded Python value (floats carry the float marker). */
export function decode(value: Encoded): unknown {
  if ('int' in value) return value.int;
  if ('float' in value) return asFloat(parseFloatRepr(value.float));
  if ('str' in value) return value.str;
  if ('bool' in value) return value.bool;
  if ('tuple' in value) return tuple(...value.tuple.map(decode));
  if ('list' in value) return value.list.map(decode);
  return null;
}

/** Run `thunk` and describe its result as the recorder does. */
export function observe(thunk: () => unknown): Outcome {
  try {
    return { out: thunk() as string };
  } catch (e) {
    const exc = e as { constructor: { name: string }; __str__?: () => string };
    if (typeof exc.__str__ !== 'function') throw e;
    const text = exc.__str__();
    return { error: exc.constructor.name + (text === '' ? '' : ': ' + text) };
  }
}

/** The recorded cases of one section of fixtures/cpython-cases.json. */
export function recordedCases<T>(section: string): T[] {
  const url = new URL('./fixtures/cpython-cases.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'))[section] as T[];
}

/** A recorded result value: its repr and whether it was a float, or the error raised. */
export type ResultOutcome = { repr: string; isFloat: boolean } | { error: string };

/**
 * Run `thunk` and describe its result like the recorder's `result()`: the repr, printed as a float when CPython's
 * result was a float (JS numbers do not say), or the Python error.
 */
export function observeResult(thunk: () => unknown, expected: ResultOutcome): ResultOutcome {
  const isFloat = 'isFloat' in expected && expected.isFloat;
  const outcome = observe(() => {
    const value = thunk();
    return isFloat && typeof value === 'number' ? repr(asFloat(value)) : repr(value);
  });
  return 'out' in outcome ? { repr: outcome.out, isFloat } : outcome;
}

/** One line per case, for diffs that show exactly which cases differ. */
export function caseLine(input: unknown, outcome: Outcome | ResultOutcome): string {
  const shown = 'error' in outcome ? outcome.error : 'out' in outcome ? JSON.stringify(outcome.out) : outcome.repr;
  return `${JSON.stringify(input)} -> ${shown}`;
}
