// os.path for POSIX (Lib/posixpath.py): pure string functions with CPython's exact results, plus the
// file-system queries (exists, isfile, isdir, getsize) through node:fs.

import { fs } from '../builtins/node-modules.js';
import { homedir } from 'node:os';
import { tuple } from '../builtins/tuple.js';

export const sep = '/';

/** `os.path.join(a, *p)`: an absolute component discards everything before it. */
export function join(a: string, ...p: string[]): string {
  let path = a;
  for (const b of p) {
    if (b.startsWith('/')) path = b;
    else if (path === '' || path.endsWith('/')) path += b;
    else path += '/' + b;
  }
  return path;
}

/** `os.path.split(p)`: (head, tail) around the last slash; the head keeps a root made only of slashes. */
export function split(p: string): readonly [string, string] {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  const tail = p.slice(i);
  if (head !== '' && head !== '/'.repeat(head.length)) head = head.replace(/\/+$/, '');
  return tuple(head, tail);
}

/** `os.path.basename(p)`: the part after the last slash. */
export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** `os.path.dirname(p)`: the part before the last slash, without trailing slashes. */
export function dirname(p: string): string {
  return split(p)[0];
}

/** `os.path.splitext(p)`: (root, ext); leading dots of the file name do not start an extension. */
export function splitext(p: string): readonly [string, string] {
  const sepIndex = p.lastIndexOf('/');
  const dotIndex = p.lastIndexOf('.');
  if (dotIndex > sepIndex) {
    // Lib/genericpath.py _splitext: skip all leading dots of the file name.
    let filenameIndex = sepIndex + 1;
    while (filenameIndex < dotIndex) {
      if (p[filenameIndex] !== '.') return tuple(p.slice(0, dotIndex), p.slice(dotIndex));
      filenameIndex++;
    }
  }
  return tuple(p, '');
}

/** `os.path.isabs(p)`. */
export function isabs(p: string): boolean {
  return p.startsWith('/');
}

/** `os.path.normpath(p)`: collapse `//`, `.` and `a/..`; POSIX keeps exactly two leading slashes. */
export function normpath(p: string): string {
  if (p === '') return '.';
  const initialSlashes = p.startsWith('//') && !p.startsWith('///') ? 2 : p.startsWith('/') ? 1 : 0;
  const parts: string[] = [];
  for (const comp of p.split('/')) {
    if (comp === '' || comp === '.') continue;
    if (comp !== '..' || (initialSlashes === 0 && parts.length === 0) || parts[parts.length - 1] === '..') {
      parts.push(comp);
    } else if (parts.length > 0) {
      parts.pop();
    }
  }
  const path = '/'.repeat(initialSlashes) + parts.join('/');
  return path === '' ? '.' : path;
}

/** `os.path.abspath(p)`: joined to the current directory and normalised. */
export function abspath(p: string): string {
  return normpath(isabs(p) ? p : join(process.cwd(), p));
}

/** `os.path.expanduser(p)`: a leading `~` becomes the home directory. */
export function expanduser(p: string): string {
  if (p !== '~' && !p.startsWith('~/')) return p;
  const home = process.env.HOME ?? homedir();
  return (home.replace(/\/+$/, '') || '/') + p.slice(1);
}

function stat(p: string) {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

/** `os.path.exists(p)`, `isfile(p)`, `isdir(p)`: false for paths that cannot be read. */
export function exists(p: string): boolean {
  return stat(p) !== null;
}
export function isfile(p: string): boolean {
  return stat(p)?.isFile() ?? false;
}
export function isdir(p: string): boolean {
  return stat(p)?.isDirectory() ?? false;
}

/** `os.path.getsize(p)`: the size in bytes. */
export function getsize(p: string): number {
  return fs.statSync(p).size;
}
