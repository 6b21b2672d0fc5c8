// Python's open() for text files (Lib/_pyio.py TextIOWrapper over FileIO), synchronous like Python's: read, write,
// readline(s), iteration by line, `with` (`__enter__`/`__exit__`), with Python's `newline` rules (the default None
// reads \r\n and \r as \n). Binary modes are not supported (pathlib's read_bytes/write_bytes are).

import { fs } from './node-modules.js';
import {
  FileExistsError,
  FileNotFoundError,
  IsADirectoryError,
  LookupError,
  NotImplementedError,
  OSError,
  PermissionError,
  TypeError,
  ValueError,
} from './exceptions.js';
import { splitKw } from './kw.js';
import { repr } from './repr.js';
import { typeName } from './type-name.js';

/** Python's io.UnsupportedOperation (an OSError and a ValueError in CPython; an OSError here). */
export class UnsupportedOperation extends OSError {
  static override __module__ = 'io';
}

const FLAGS: Record<string, string> = {
  r: 'r',
  w: 'w',
  a: 'a',
  x: 'wx',
  'r+': 'r+',
  'w+': 'w+',
  'a+': 'a+',
  'x+': 'wx+',
};

/** Node's error codes → the OSError subclasses CPython raises for them (Objects/exceptions.c errnomap). */
export function osError(error: NodeJS.ErrnoException, path: string): OSError {
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

  private readonly newline: string | null;
  private readonly encoding: BufferEncoding;

  constructor(
    readonly name: string,
    readonly mode: string,
    options: { encoding?: string | null; newline?: string | null } = {},
  ) {
    this.newline = options.newline ?? null;
    if (this.newline !== null && !['', '\n', '\r', '\r\n'].includes(this.newline)) {
      throw new ValueError(`illegal newline value: ${this.newline}`);
    }
    this.encoding = nodeEncoding(options.encoding ?? 'utf-8');
    const base = mode.replace('t', '');
    const flags = FLAGS[base];
    if (flags === undefined) {
      if (mode.includes('b')) throw new NotImplementedError('binary files are not supported by the pyts runtime');
      throw new ValueError(`invalid mode: ${repr(mode)}`);
    }
    this.readable = base.startsWith('r') || base.includes('+');
    this.writable = !base.startsWith('r') || base.includes('+');
    try {
      this.fd = fs.openSync(name, flags);
      // Opening a directory succeeds on Linux and reading it fails (EISDIR); CPython reports that at open time.
      if (this.readable) {
        const text = fs.readFileSync(this.fd, this.encoding);
        // newline=None translates \r\n and \r to \n on reading; any other value keeps the text as it is
        this.pending = this.newline === null ? normaliseNewlines(text) : text;
      }
    } catch (error) {
      throw osError(error as NodeJS.ErrnoException, name);
    }
  }

  /** The file's descriptor; ValueError once closed. */
  fileno(): number {
    if (this.fd === null) throw new ValueError('I/O operation on closed file');
    return this.fd;
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

  /** `f.readline()`: the next line with its line ending, or '' at the end. */
  readline(): string {
    const text = this.readableText();
    const line = text.slice(0, this.lineEnd(text));
    this.pending = text.slice(line.length);
    return line;
  }

  // Where the first line ends: at '\n' (newline None or '\n'), at any of \r, \n, \r\n (''), or at the given one.
  private lineEnd(text: string): number {
    if (this.newline === null || this.newline === '\n' || this.newline === '\r' || this.newline === '\r\n') {
      const sep = this.newline ?? '\n';
      const end = text.indexOf(sep);
      return end < 0 ? text.length : end + sep.length;
    }
    const match = /\r\n|\r|\n/.exec(text);
    return match === null ? text.length : match.index + match[0].length;
  }

  /** `f.readlines()`. */
  readlines(): string[] {
    return [...this];
  }

  /** `f.write(s)`: the number of characters written. */
  write(text: string): number {
    const fd = this.open();
    if (!this.writable) throw new UnsupportedOperation('not writable');
    // newline None and '' write '\n' as it is (os.linesep is '\n'); '\r' and '\r\n' replace it
    const written = this.newline === '\r' || this.newline === '\r\n' ? text.replace(/\n/g, this.newline) : text;
    fs.writeSync(fd, Buffer.from(written, this.encoding));
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
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  __enter__(): this {
    this.open();
    return this;
  }

  __exit__(..._exc: unknown[]): boolean {
    this.close();
    return false;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let line = this.readline(); line !== ''; line = this.readline()) yield line;
  }

  __repr__(): string {
    const encoding = this.encoding === 'utf8' ? 'UTF-8' : this.encoding === 'latin1' ? 'latin-1' : 'ascii';
    return `<_io.TextIOWrapper name=${repr(this.name)} mode=${repr(this.mode)} encoding=${repr(encoding)}>`;
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

// The text encodings open() supports here, as Node names them.
function nodeEncoding(encoding: string): BufferEncoding {
  const name = encoding.toLowerCase().replace(/_/g, '-');
  if (name === 'utf-8' || name === 'utf8' || name === 'u8') return 'utf8';
  if (name === 'latin-1' || name === 'latin1' || name === 'iso-8859-1' || name === 'l1') return 'latin1';
  if (name === 'ascii' || name === 'us-ascii') return 'ascii';
  throw new LookupError(`unknown encoding: ${encoding}`);
}

// open()'s parameters after `file`, by position or keyword (the translator passes keywords as a kw() object).
const OPEN_PARAMS = ['mode', 'buffering', 'encoding', 'errors', 'newline'] as const;

/**
 * Python's `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None)` for text files: `file`
 * is a str or a path-like object; encodings UTF-8 (the default), Latin-1 and ASCII; `newline` as Python's.
 */
export function open(file: unknown, ...args: unknown[]): TextFile {
  // keywords come as a kw() object from translated calls, as a plain object from pathlib's methods
  const last = args[args.length - 1];
  const plain = typeof last === 'object' && last !== null && Object.getPrototypeOf(last) === Object.prototype;
  const [positional, keywords] = plain
    ? [args.slice(0, -1), last as Record<string, unknown>]
    : splitKw<Record<string, unknown>>(args);
  const given: Record<string, unknown> = { ...keywords };
  positional.forEach((value, i) => (given[OPEN_PARAMS[i]!] = value));
  const path =
    typeof file === 'string'
      ? file
      : typeof (file as { __fspath__?: unknown } | null)?.__fspath__ === 'function'
        ? (file as { __fspath__(): string }).__fspath__()
        : null;
  if (path === null) throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(file)}`);
  return new TextFile(path, (given.mode as string | undefined) ?? 'r', {
    encoding: given.encoding as string | null | undefined,
    newline: given.newline as string | null | undefined,
  });
}
