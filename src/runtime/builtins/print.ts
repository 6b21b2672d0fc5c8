// Python's print() (Python/bltinmodule.c builtin_print).

import { TypeError } from './exceptions.js';
import { isKw } from './kw.js';
import { str } from './repr.js';
import { stdout, writeStdout, type TextStream } from './stdio.js';
import { typeName } from './type-name.js';

/** print's keyword arguments, given as a trailing `kw({...})`. */
export interface PrintOptions {
  sep?: string | null;
  end?: string | null;
  file?: TextStream | null;
  flush?: boolean;
}

/** Python's `print(*values, sep=' ', end='\n', file=sys.stdout, flush=False)`; options come as `kw({...})`. */
export function print(...values: unknown[]): void {
  let count = values.length;
  const last = values[count - 1];
  if (count > 0 && isKw(last)) {
    printWithOptions(values, count - 1, last as PrintOptions);
    return;
  }
  // The common case, kept free of allocations beyond the text itself.
  if (count === 1) {
    const value = values[0];
    writeStdout((typeof value === 'string' ? value : str(value)) + '\n');
    return;
  }
  let text = count > 0 ? str(values[0]) : '';
  for (let i = 1; i < count; i++) text += ' ' + str(values[i]);
  writeStdout(text + '\n');
}

function printWithOptions(values: unknown[], count: number, options: PrintOptions): void {
  const sep = checkSeparator('sep', options.sep, ' ');
  const end = checkSeparator('end', options.end, '\n');
  let text = '';
  for (let i = 0; i < count; i++) text += (i > 0 ? sep : '') + str(values[i]);
  const file = options.file ?? stdout;
  if (file === stdout) writeStdout(text + end);
  else file.write(text + end);
  if (options.flush === true) file.flush?.();
}

function checkSeparator(name: string, value: unknown, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string') throw new TypeError(`${name} must be None or a string, not ${typeName(value)}`);
  return value;
}
