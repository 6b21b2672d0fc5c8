// Python's input() and sys.stdin (Python/bltinmodule.c builtin_input_impl, TextIOWrapper over fd 0), reading the
// process's stdin synchronously, as Python does: both block the whole process, event loop included. Lines end at
// '\n' only and '\r' is kept, as CPython's stdin does on POSIX (Python/pylifecycle.c create_stdio: newline="\n").

import { fs } from './node-modules.js';
import { EOFError, PermissionError } from './exceptions.js';
import { endReceived, registerDescriptor, type ReadinessSource, type Refable } from './file-descriptors.js';
import { str } from './repr.js';
import { flushStdout, writeStdout } from './stdio.js';

// Bytes read from stdin and not yet returned, shared by input() and sys.stdin.
let buffered = Buffer.alloc(0);
let atEnd = false;
const chunk = Buffer.alloc(65536);

// Read more of stdin into `buffered`; false at end of input.
function fill(): boolean {
  if (atEnd) return false;
  if (takeFromStream()) return true;
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

// loop.add_reader(sys.stdin, …): while stdin is watched, Node's own stdin stream reads descriptor 0 in paused mode,
// so that its 'readable' event says when input is there, as select() would. What it has read joins `buffered` before
// any synchronous read, so input() and sys.stdin see the bytes in order. Like the descriptor CPython watches, stdin
// is ready while bytes wait that no read took yet, or at EOF: lines already in `buffered` do not make it ready.
let stream: NodeJS.ReadStream | null = null;
const watchers = new Set<() => void>();
const notify = (): void => {
  for (const listener of [...watchers]) listener();
};

// Move what the stream has read into `buffered`; true if there was something.
function takeFromStream(): boolean {
  if (stream === null) return false;
  const taken: Buffer[] = [];
  for (let data = stream.read() as Buffer | null; data !== null; data = stream.read() as Buffer | null)
    taken.push(data);
  if (taken.length === 0) return false;
  buffered = Buffer.concat([buffered, ...taken]);
  return true;
}

const stdinSource: ReadinessSource = {
  _readyToRead(): boolean {
    return stream !== null && (stream.readableLength > 0 || endReceived(stream));
  },
  _readyToWrite(): boolean {
    return false;
  },
  _watch(listener: () => void): void {
    if (stream === null) {
      // epoll_ctl refuses a regular file (stdin redirected from one), as CPython's selector reports
      const stat = fs.fstatSync(0);
      if (stat.isFile() || stat.isDirectory()) throw new PermissionError(1, 'Operation not permitted');
      stream = process.stdin;
    }
    if (watchers.size === 0) {
      stream.on('readable', notify);
      stream.on('end', notify);
    }
    watchers.add(listener);
  },
  _unwatch(listener: () => void): void {
    watchers.delete(listener);
    if (watchers.size > 0 || stream === null) return;
    stream.off('readable', notify);
    stream.off('end', notify);
  },
  _refable(): Refable | null {
    return stream;
  },
};
registerDescriptor(0, stdinSource);

/** `sys.stdin`: `readline()` (with the newline, '' at the end), `read()`, `readlines()`, iteration by line. */
export const stdin = {
  /** Descriptor 0, which loop.add_reader can watch (a pipe, a socket or a terminal). */
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
