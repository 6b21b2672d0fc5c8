// Python's sys.stdout and sys.stderr. Like CPython writing to a pipe or file, stdout is block-buffered: text is
// kept and written in large chunks, flushed before anything goes to stderr (so the two streams interleave as the
// program wrote them), before the process exits, and whenever the event loop goes idle. A terminal gets each line
// as soon as it ends, as CPython's line buffering does. stderr is never buffered.

import { fs } from './node-modules.js';

const STDOUT_FD = 1;
const STDERR_FD = 2;
// Above this many buffered characters, stdout is flushed (CPython's buffer is 8 KiB; larger chunks cost less here).
const FLUSH_THRESHOLD = 1 << 16;

let pending = '';
let lineBuffered: boolean | undefined;

/** Append `text` to stdout's buffer. */
export function writeStdout(text: string): void {
  pending += text;
  if (pending.length > FLUSH_THRESHOLD) flushStdout();
  else if ((lineBuffered ??= process.stdout.isTTY === true) && text.includes('\n')) flushStdout();
}

/** Write everything buffered for stdout now. The event loop calls it when it goes idle. */
export function flushStdout(): void {
  if (pending.length === 0) return;
  const text = pending;
  pending = '';
  writeFully(STDOUT_FD, text);
}

/** Write `text` to stderr at once, after flushing stdout. */
export function writeStderr(text: string): void {
  flushStdout();
  writeFully(STDERR_FD, text);
}

// A non-blocking pipe may accept part of a write (or none: EAGAIN); keep writing until all bytes are out.
// A closed pipe (EPIPE, e.g. `| head`) drops the output, as there is nobody left to read it.
function writeFully(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EPIPE') return;
      throw error;
    }
  }
}

/** A Python text stream (`sys.stdout`, `sys.stderr`, or any object with `write`) that `print` can write to. */
export interface TextStream {
  write(text: string): unknown;
  flush?(): unknown;
}

/** `sys.stdout`: `write` returns the number of characters written, as Python's does. */
export const stdout = {
  write(text: string): number {
    writeStdout(text);
    return text.length;
  },
  flush(): void {
    flushStdout();
  },
} satisfies TextStream;

/** `sys.stderr`: unbuffered; writing flushes stdout first. */
export const stderr = {
  write(text: string): number {
    writeStderr(text);
    return text.length;
  },
  flush(): void {},
} satisfies TextStream;
