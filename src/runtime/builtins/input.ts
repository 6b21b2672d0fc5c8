// Python's input() (Python/bltinmodule.c builtin_input_impl) reading the process's stdin synchronously.

import { readSync } from 'node:fs';
import { EOFError } from './exceptions.js';
import { str } from './repr.js';
import { flushStdout, writeStdout } from './stdio.js';

// Bytes read from stdin past the last line returned.
let buffered = Buffer.alloc(0);

/**
 * Python's `input(prompt='')`: writes the prompt (flushing stdout), then returns the next line of stdin without
 * its newline; `EOFError: EOF when reading a line` at end of input. Blocks the whole process, as Python's does.
 */
export function input(prompt: unknown = ''): string {
  writeStdout(str(prompt));
  flushStdout();
  const chunk = Buffer.alloc(65536);
  for (;;) {
    const newline = buffered.indexOf(10);
    if (newline >= 0) {
      const line = buffered.subarray(0, newline).toString('utf8');
      buffered = buffered.subarray(newline + 1);
      return line.endsWith('\r') ? line.slice(0, -1) : line;
    }
    let count: number;
    try {
      count = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EOF') count = 0;
      else throw error;
    }
    if (count === 0) {
      if (buffered.length === 0) throw new EOFError('EOF when reading a line');
      const line = buffered.toString('utf8');
      buffered = Buffer.alloc(0);
      return line;
    }
    buffered = Buffer.concat([buffered, chunk.subarray(0, count)]);
  }
}
