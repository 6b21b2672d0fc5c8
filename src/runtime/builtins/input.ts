// Python's input() and sys.stdin (Python/bltinmodule.c builtin_input_impl, TextIOWrapper over fd 0), reading the
// process's stdin synchronously, as Python does: both block the whole process, event loop included. Lines end at
// '\n' only and '\r' is kept, as CPython's stdin does on POSIX (Python/pylifecycle.c create_stdio: newline="\n").

import { fs } from './node-modules.js';
import { EOFError } from './exceptions.js';
import { str } from './repr.js';
import { flushStdout, writeStdout } from './stdio.js';

// Bytes read from stdin and not yet returned, shared by input() and sys.stdin.
let buffered = Buffer.alloc(0);
let atEnd = false;
const chunk = Buffer.alloc(65536);

// Read more of stdin into `buffered`; false at end of input.
function fill(): boolean {
  if (atEnd) return false;
  for (;;) {
    let count: number;
    try {
      count = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code !== 'EOF') throw error;
      count = 0;
    }
    if (count === 0) {
      atEnd = true;
      return false;
    }
    buffered = Buffer.concat([buffered, chunk.subarray(0, count)]);
    return true;
  }
}

// The next line of stdin with its '\n', or '' at end of input.
function readLine(): string {
  for (;;) {
    const newline = buffered.indexOf(10);
    if (newline >= 0) {
      const line = buffered.subarray(0, newline + 1).toString('utf8');
      buffered = buffered.subarray(newline + 1);
      return line;
    }
    if (!fill()) {
      const rest = buffered.toString('utf8');
      buffered = Buffer.alloc(0);
      return rest;
    }
  }
}

/**
 * Python's `input(prompt='')`: writes the prompt (flushing stdout), then returns the next line of stdin without
 * its newline; `EOFError: EOF when reading a line` at end of input.
 */
export function input(prompt: unknown = ''): string {
  writeStdout(str(prompt));
  flushStdout();
  const line = readLine();
  if (line === '') throw new EOFError('EOF when reading a line');
  return line.endsWith('\n') ? line.slice(0, -1) : line;
}

/** `sys.stdin`: `readline()` (with the newline, '' at the end), `read()`, `readlines()`, iteration by line. */
export const stdin = {
  /** Descriptor 0 (loop.add_reader refuses it: Node cannot report its readiness while it is read synchronously). */
  fileno(): number {
    return 0;
  },
  readline(): string {
    return readLine();
  },
  read(): string {
    while (fill());
    const text = buffered.toString('utf8');
    buffered = Buffer.alloc(0);
    return text;
  },
  readlines(): string[] {
    return [...stdin];
  },
  *[Symbol.iterator](): Iterator<string> {
    for (let line = readLine(); line !== ''; line = readLine()) yield line;
  },
};
