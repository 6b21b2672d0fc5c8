// pyts/runtime/pathlib: Python's pathlib for POSIX paths (PurePosixPath/PosixPath behaviour): joining with `/`,
// the name parts, and the file-system methods scripts use (read_text/write_text, exists, mkdir, iterdir, glob…).
// Text goes through the builtin open(), so encoding and newline handling are the same as open()'s.

import { fs } from '../builtins/node-modules.js';
import type { Stats } from 'node:fs';
import { homedir } from 'node:os';
import { posix } from 'node:path';
import { PyBytes } from '../builtins/bytes.js';
import { NotImplemented } from '../builtins/equality.js';
import { FileExistsError, OSError, TypeError, ValueError } from '../builtins/exceptions.js';
import { open, osError, type TextFile } from '../builtins/file-io.js';
import { repr } from '../builtins/repr.js';
import { tuple } from '../builtins/tuple.js';
import { typeName } from '../builtins/type-name.js';

type PathLike = string | PosixPath | { __fspath__(): string };

function fspath(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x instanceof PosixPath) return x.toString();
  if (typeof x === 'object' && x !== null && typeof (x as { __fspath__?: unknown }).__fspath__ === 'function') {
    return (x as { __fspath__(): string }).__fspath__();
  }
  throw new TypeError(`expected str, bytes or os.PathLike object, not ${typeName(x)}`);
}

// PurePosixPath's normalisation: repeated and trailing slashes and '.' components go; '..' stays.
function joinParts(parts: readonly unknown[]): string {
  let path = '';
  for (const part of parts.map(fspath)) {
    if (part.startsWith('/')) path = part;
    else if (part !== '') path = path === '' || path.endsWith('/') ? path + part : `${path}/${part}`;
  }
  const absolute = path.startsWith('/') ? (path.startsWith('//') && !path.startsWith('///') ? '//' : '/') : '';
  const names = path.split('/').filter((name) => name !== '' && name !== '.');
  const body = names.join('/');
  return absolute + body || (absolute === '' ? '.' : absolute);
}

/** os.stat_result: the fields of stat(2) (times in seconds, as floats). */
export class StatResult {
  static readonly __pyname__ = 'stat_result';
  readonly stMode: number;
  readonly stIno: number;
  readonly stDev: number;
  readonly stNlink: number;
  readonly stUid: number;
  readonly stGid: number;
  readonly stSize: number;
  readonly stAtime: number;
  readonly stMtime: number;
  readonly stCtime: number;

  constructor(stats: Stats) {
    this.stMode = stats.mode;
    this.stIno = stats.ino;
    this.stDev = stats.dev;
    this.stNlink = stats.nlink;
    this.stUid = stats.uid;
    this.stGid = stats.gid;
    this.stSize = stats.size;
    this.stAtime = stats.atimeMs / 1000;
    this.stMtime = stats.mtimeMs / 1000;
    this.stCtime = stats.ctimeMs / 1000;
  }

  __repr__(): string {
    return (
      `os.stat_result(st_mode=${this.stMode}, st_ino=${this.stIno}, st_dev=${this.stDev}, st_nlink=${this.stNlink}, ` +
      `st_uid=${this.stUid}, st_gid=${this.stGid}, st_size=${this.stSize}, st_atime=${Math.trunc(this.stAtime)}, ` +
      `st_mtime=${Math.trunc(this.stMtime)}, st_ctime=${Math.trunc(this.stCtime)})`
    );
  }
}

/** A POSIX path (pathlib.PosixPath). `Path(...)` makes one. */
export class PosixPath {
  static readonly __pyname__ = 'PosixPath';
  private readonly _path: string;

  constructor(...parts: unknown[]) {
    this._path = joinParts(parts);
  }

  toString(): string {
    return this._path;
  }

  __str__(): string {
    return this._path;
  }

  __fspath__(): string {
    return this._path;
  }

  __repr__(): string {
    return `PosixPath(${repr(this._path)})`;
  }

  __eq__(other: unknown): boolean {
    return other instanceof PosixPath && other._path === this._path;
  }

  __equalityKey__(): string {
    return `PosixPath\u0000${this._path}`;
  }

  __hash__(): number {
    let h = 0;
    for (let i = 0; i < this._path.length; i++) h = (Math.imul(h, 31) + this._path.charCodeAt(i)) | 0;
    return h;
  }

  /** `path / 'name'`. */
  __truediv__(other: unknown): PosixPath | typeof NotImplemented {
    try {
      return new PosixPath(this, fspath(other));
    } catch {
      return NotImplemented;
    }
  }

  /** `'dir' / path`. */
  __rtruediv__(other: unknown): PosixPath | typeof NotImplemented {
    try {
      return new PosixPath(fspath(other), this);
    } catch {
      return NotImplemented;
    }
  }

  joinpath(...others: unknown[]): PosixPath {
    return new PosixPath(this, ...others);
  }

  get parts(): readonly string[] {
    const names = this._path.split('/').filter(Boolean);
    return this._path.startsWith('/') ? tuple('/', ...names) : tuple(...names);
  }

  get name(): string {
    return this._path === '/' || this._path === '.' ? '' : posix.basename(this._path);
  }

  get suffix(): string {
    const name = this.name;
    const dot = name.lastIndexOf('.');
    return dot > 0 && dot < name.length - 1 ? name.slice(dot) : '';
  }

  get suffixes(): string[] {
    const name = this.name;
    if (name.endsWith('.')) return [];
    return name
      .replace(/^\.+/, '')
      .split('.')
      .slice(1)
      .map((s) => `.${s}`);
  }

  get stem(): string {
    const suffix = this.suffix;
    return suffix ? this.name.slice(0, -suffix.length) : this.name;
  }

  get parent(): PosixPath {
    if (this._path === '/' || this._path === '.') return this;
    const dir = posix.dirname(this._path);
    return new PosixPath(dir);
  }

  get anchor(): string {
    return this._path.startsWith('/') ? '/' : '';
  }

  isAbsolute(): boolean {
    return this._path.startsWith('/');
  }

  withName(name: string): PosixPath {
    if (this.name === '') throw new ValueError(`${repr(this)} has an empty name`);
    if (name === '' || name.includes('/') || name === '.') throw new ValueError(`Invalid name ${repr(name)}`);
    return new PosixPath(this.parent, name);
  }

  withSuffix(suffix: string): PosixPath {
    if (suffix !== '' && (!suffix.startsWith('.') || suffix === '.'))
      throw new ValueError(`Invalid suffix ${repr(suffix)}`);
    if (this.name === '') throw new ValueError(`${repr(this)} has an empty name`);
    return new PosixPath(this.parent, this.stem + suffix);
  }

  withStem(stem: string): PosixPath {
    return this.withName(stem + this.suffix);
  }

  relativeTo(other: unknown): PosixPath {
    const base = joinParts([other]);
    if (this._path === base) return new PosixPath('.');
    const prefix = base.endsWith('/') ? base : `${base}/`;
    if (!this._path.startsWith(prefix)) {
      throw new ValueError(
        `${repr(this._path)} is not in the subpath of ${repr(base)} OR one path is relative and the other is absolute.`,
      );
    }
    return new PosixPath(this._path.slice(prefix.length));
  }

  // ------------------------------------------------------------------------------------------- file system

  static cwd(): PosixPath {
    return new PosixPath(process.cwd());
  }

  static home(): PosixPath {
    return new PosixPath(homedir());
  }

  absolute(): PosixPath {
    return this.isAbsolute() ? this : new PosixPath(process.cwd(), this);
  }

  resolve(): PosixPath {
    return new PosixPath(posix.resolve(this._path));
  }

  expanduser(): PosixPath {
    return this._path === '~' || this._path.startsWith('~/') ? new PosixPath(homedir() + this._path.slice(1)) : this;
  }

  stat(): StatResult {
    return new StatResult(this._fs(() => fs.statSync(this._path)));
  }

  exists(): boolean {
    return fs.existsSync(this._path);
  }

  isFile(): boolean {
    return this._statOrNull()?.isFile() ?? false;
  }

  isDir(): boolean {
    return this._statOrNull()?.isDirectory() ?? false;
  }

  isSymlink(): boolean {
    try {
      return fs.lstatSync(this._path).isSymbolicLink();
    } catch {
      return false;
    }
  }

  /** `open(mode='r', …)` on this path: the builtin open(). */
  open(...args: unknown[]): TextFile {
    return (open as (file: unknown, ...rest: unknown[]) => TextFile)(this._path, ...args);
  }

  /** The file's text (`encoding`, `errors` as open() takes them). */
  readText(...args: unknown[]): string {
    const f = (open as (file: unknown, ...rest: unknown[]) => TextFile)(this._path, 'r', -1, ...args);
    try {
      return f.read();
    } finally {
      f.close();
    }
  }

  /** Write `data` as the whole file; returns the number of characters written. */
  writeText(data: unknown, ...args: unknown[]): number {
    if (typeof data !== 'string') throw new TypeError(`data must be str, not ${typeName(data)}`);
    const f = (open as (file: unknown, ...rest: unknown[]) => TextFile)(this._path, 'w', -1, ...args);
    try {
      return f.write(data);
    } finally {
      f.close();
    }
  }

  readBytes(): PyBytes {
    const data = this._fs(() => fs.readFileSync(this._path));
    return new PyBytes(new Uint8Array(data.buffer, data.byteOffset, data.length));
  }

  writeBytes(data: unknown): number {
    if (!(data instanceof PyBytes))
      throw new TypeError(`memoryview: a bytes-like object is required, not '${typeName(data)}'`);
    this._fs(() => fs.writeFileSync(this._path, data.data));
    return data.data.length;
  }

  touch(options?: { existOk?: boolean }): void {
    if (this.exists()) {
      if (options?.existOk === false) throw new FileExistsError(17, 'File exists', this._path);
      return;
    }
    this._fs(() => fs.closeSync(fs.openSync(this._path, 'a')));
  }

  mkdir(options?: { parents?: boolean; existOk?: boolean; mode?: number }): void {
    if (this.exists()) {
      if (options?.existOk && this.isDir()) return;
      throw new FileExistsError(17, 'File exists', this._path);
    }
    this._fs(() => fs.mkdirSync(this._path, { recursive: options?.parents ?? false }));
  }

  rmdir(): void {
    this._fs(() => fs.rmdirSync(this._path));
  }

  unlink(options?: { missingOk?: boolean }): void {
    if (options?.missingOk && !fs.existsSync(this._path)) return;
    this._fs(() => fs.unlinkSync(this._path));
  }

  /** Rename to `target` and return the new path. */
  rename(target: unknown): PosixPath {
    const to = fspath(target);
    this._fs(() => fs.renameSync(this._path, to));
    return new PosixPath(to);
  }

  replace(target: unknown): PosixPath {
    return this.rename(target);
  }

  /** The entries of this directory, in the order the file system gives them. */
  *iterdir(): Generator<PosixPath> {
    for (const name of this._fs(() => fs.readdirSync(this._path))) yield new PosixPath(this, name);
  }

  /** Entries matching a pattern of `*`, `?` and `[…]` in one directory level, or `**` for every level below. */
  *glob(pattern: string): Generator<PosixPath> {
    const recursive = pattern.startsWith('**/');
    const leaf = recursive ? pattern.slice(3) : pattern;
    if (leaf.includes('/')) throw new ValueError('pyts supports glob patterns of one level, or **/ then one level');
    const matcher = globRegExp(leaf);
    const walk = function* (dir: PosixPath): Generator<PosixPath> {
      for (const entry of dir.iterdir()) {
        if (matcher.test(entry.name)) yield entry;
        if (recursive && entry.isDir() && !entry.isSymlink()) yield* walk(entry);
      }
    };
    yield* walk(this);
  }

  *rglob(pattern: string): Generator<PosixPath> {
    yield* this.glob(`**/${pattern}`);
  }

  private _statOrNull(): Stats | null {
    try {
      return fs.statSync(this._path);
    } catch {
      return null;
    }
  }

  private _fs<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      if (error instanceof OSError) throw error;
      throw osError(error as NodeJS.ErrnoException, this._path);
    }
  }
}

// Python's attribute access gives a bound method: `asyncio.to_thread(path.read_text)` passes one, which the
// translation passes as `path.readText`. Reading a method of a path binds it, so it keeps its path.
for (const name of Object.getOwnPropertyNames(PosixPath.prototype)) {
  const descriptor = Object.getOwnPropertyDescriptor(PosixPath.prototype, name)!;
  const method = descriptor.value as unknown;
  if (name === 'constructor' || name.startsWith('_') || typeof method !== 'function') continue;
  Object.defineProperty(PosixPath.prototype, name, {
    get(this: PosixPath) {
      return (method as Function).bind(this);
    },
    configurable: true,
  });
}

function globRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) source += '\\[';
      else {
        source += `[${pattern
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  // a leading dot is matched only by a pattern that starts with one
  return new RegExp(pattern.startsWith('.') ? `^${source}$` : `^(?!\\.)${source}$`);
}

/** `pathlib.Path(*parts)`: a PosixPath (callable with or without `new`; `isinstance(p, Path)` holds). */
export const Path = function Path(...parts: unknown[]): PosixPath {
  return new PosixPath(...parts);
} as unknown as {
  (...parts: unknown[]): PosixPath;
  new (...parts: unknown[]): PosixPath;
  cwd(): PosixPath;
  home(): PosixPath;
};
Object.assign(Path, { prototype: PosixPath.prototype, cwd: PosixPath.cwd, home: PosixPath.home, __pyname__: 'Path' });

/** pathlib.PurePath and PurePosixPath: the same class here (no separate pure paths). */
export const PurePath = Path;
export const PurePosixPath = Path;
export type { PathLike };
