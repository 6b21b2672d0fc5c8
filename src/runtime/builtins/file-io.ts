// Python's open() for text files (Lib/_pyio.py TextIOWrapper over FileIO), synchronous like Python's: read, write,
// readline(s), iteration by line, `with` (`__enter__`/`__exit__`). Reading translates \r\n and \r to \n, as the
// default newline=None does. Binary modes are not supported.

import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import {
  FileExistsError, FileNotFoundError, IsADirectoryError, NotImplementedError, OSError, PermissionError, ValueError,
} from './exceptions.js';
import { repr } from './repr.js';

/** Python's io.UnsupportedOperation (an OSError and a ValueError in CPython; an OSError here). */
export class UnsupportedOperation extends OSError {
  static override __module__ = 'io';
}

const FLAGS: Record<string, string> = { r: 'r', w: 'w', a: 'a', x: 'wx', 'r+': 'r+', 'w+': 'w+', 'a+': 'a+', 'x+': 'wx+' };

// Node's error codes → the OSError subclasses CPython raises for them (Objects/exceptions.c errnomap).
function osError(error: NodeJS.ErrnoException, path: string): OSError {
  const message = (error.message.split(': ')[1] ?? error.message).replace(/, .*$/, '');
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  switch (error.code) {
    case 'ENOENT':
      return new FileNotFoundError(2, 'No such file or directory', path);
    case 'EISDIR':
      return new IsADirectoryError(21, 'Is a directory', path);
    case 'EACCES':
      return new PermissionError(13, 'Permission denied', path);
    case 'EEXIST':
      return new FileExistsError(17, 'File exists', path);
    default:
      return new OSError(-(error.errno ?? 0), text, path);
  }
}

/** A text file opened by `open()`. */
export class TextFile implements Iterable<string> {
  static readonly __pyname__ = 'TextIOWrapper';
  private fd: number | null;
  // The decoded contents not yet returned by a read (readable files read the whole file on first use).
  private pending: string | null = null;
  private readonly readable: boolean;
  private readonly writable: boolean;

  constructor(
    readonly name: string,
    readonly mode: string,
  ) {
    const base = mode.replace('t', '');
    const flags = FLAGS[base];
    if (flags === undefined) {
      if (mode.includes('b')) throw new NotImplementedError('binary files are not supported by the pyts runtime');
      throw new ValueError(`invalid mode: ${repr(mode)}`);
    }
    this.readable = base.startsWith('r') || base.includes('+');
    this.writable = !base.startsWith('r') || base.includes('+');
    try {
      this.fd = openSync(name, flags);
      // Opening a directory succeeds on Linux and reading it fails (EISDIR); CPython reports that at open time.
      if (this.readable) this.pending = normaliseNewlines(readFileSync(this.fd, 'utf8'));
    } catch (error) {
      throw osError(error as NodeJS.ErrnoException, name);
    }
  }

  /** True once `close()` was called. */
  get closed(): boolean {
    return this.fd === null;
  }

  /** `f.read(size=-1)`: the next `size` characters, or everything left. */
  read(size = -1): string {
    const text = this.readableText();
    const count = size < 0 ? text.length : size;
    this.pending = text.slice(count);
    return text.slice(0, count);
  }

  /** `f.readline()`: the next line with its '\n', or '' at the end. */
  readline(): string {
    const text = this.readableText();
    const end = text.indexOf('\n');
    const line = end < 0 ? text : text.slice(0, end + 1);
    this.pending = text.slice(line.length);
    return line;
  }

  /** `f.readlines()`. */
  readlines(): string[] {
    return [...this];
  }

  /** `f.write(s)`: the number of characters written. */
  write(text: string): number {
    const fd = this.open();
    if (!this.writable) throw new UnsupportedOperation('not writable');
    writeSync(fd, text);
    return text.length;
  }

  /** `f.writelines(lines)`. */
  writelines(lines: Iterable<string>): void {
    for (const line of lines) this.write(line);
  }

  /** `f.flush()`: writes go straight to the file, so there is nothing to do but check the file is open. */
  flush(): void {
    this.open();
  }

  /** `f.close()`; closing twice is allowed. */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  __enter__(): this {
    this.open();
    return this;
  }

  __exit__(): boolean {
    this.close();
    return false;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let line = this.readline(); line !== ''; line = this.readline()) yield line;
  }

  __repr__(): string {
    return `<_io.TextIOWrapper name=${repr(this.name)} mode=${repr(this.mode)} encoding='UTF-8'>`;
  }

  private open(): number {
    if (this.fd === null) throw new ValueError('I/O operation on closed file.');
    return this.fd;
  }

  private readableText(): string {
    this.open();
    if (!this.readable || this.pending === null) throw new UnsupportedOperation('not readable');
    return this.pending;
  }
}

function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Python's `open(file, mode='r')` for text files, UTF-8. */
export function open(file: string, mode = 'r'): TextFile {
  return new TextFile(file, mode);
}
