// Helpers for the stdlib runtime tests: CPython's recorded output for each case (fixtures/<module>.json, written
// by fixtures/record.py from fixtures/<module>.cases.py), and `printed`, which captures what a case prints.

import { readFileSync } from 'node:fs';
import { str } from '../../../src/runtime/builtins/repr.js';
import { formatExceptionOnly } from '../../../src/runtime/builtins/traceback.js';

/** The recorded CPython stdout of every case of `fixtures/<module>.cases.py`, by case sentence. */
export function recorded(module: string): Record<string, string> {
  const url = new URL(`./fixtures/${module}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, string>;
}

/** A stand-in for `sys.stdout` whose writes go into the captured text. */
export interface CapturedStream {
  write(text: string): number;
  flush(): void;
}

/**
 * Run `body` with a `print` that records lines as Python's print would write them (`str` of each value, joined by
 * spaces) and a `stdout` stream writing into the same text; an exception escaping `body` is recorded as CPython's
 * last traceback line, `uncaught: Type: message`.
 */
export function printed(body: (print: (...values: unknown[]) => void, stdout: CapturedStream) => void): string {
  let text = '';
  const print = (...values: unknown[]): void => {
    text += values.map((value) => str(value)).join(' ') + '\n';
  };
  const stdout = { write: (chunk: string) => (text += chunk).length, flush: () => {} };
  try {
    body(print, stdout);
  } catch (error) {
    text += `uncaught: ${formatExceptionOnly(error)}\n`;
  }
  return text;
}
