// Python's `__name__` for translated modules: '__main__' for the program being run, the module's name otherwise.

import { PyDict } from './dict.js';
import { fs } from './node-modules.js';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let mainModulePath: string | null | undefined;

/** Declare which file is the program being run (`pyts run` calls it when node's entry point is a loader). */
export function setMainModule(url: string): void {
  mainModulePath = withoutExtension(realPath(fileURLToPath(url)));
}

function realPath(path: string): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return path;
  }
}

function withoutExtension(path: string): string {
  return path.slice(0, path.length - extname(path).length);
}

// The script node was started with (process.argv[1]), extension dropped so `node main` and `node main.js` agree.
function mainPath(): string | null {
  if (mainModulePath === undefined) {
    const entry = process.argv[1];
    mainModulePath = entry === undefined ? null : withoutExtension(realPath(entry));
  }
  return mainModulePath;
}

/** `__name__ == '__main__'` for the module at `url` (its `import.meta.url`). */
export function isMain(url: string): boolean {
  if (!url.startsWith('file:')) return false;
  return withoutExtension(realPath(fileURLToPath(url))) === mainPath();
}

/**
 * Python's `__file__` for the module at `url` translated from `pythonFile`. `pyts run` names the file by the
 * absolute path CPython would give; `pyts convert` by its base name, and the Python file is taken to be beside the
 * translated module (where the migrated program keeps what it finds relative to `__file__`).
 */
export function moduleFile(url: string, pythonFile: string): string {
  if (isAbsolute(pythonFile)) return pythonFile;
  return url.startsWith('file:') ? join(dirname(fileURLToPath(url)), pythonFile) : resolve(pythonFile);
}

/** Python's `__name__` for the module at `url`: '__main__' or the file's name without extension. */
export function moduleName(url: string): string {
  if (isMain(url)) return '__main__';
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  return basename(path, extname(path));
}

/**
 * Python's `globals()`: the module's variables that hold a value now, each read through its getter (a variable
 * not assigned yet throws a ReferenceError or reads `undefined`, and is left out). A copy: writing into it sets
 * nothing (the translator refuses such writes).
 */
export function globalsOf(variables: Record<string, () => unknown>): PyDict<string, unknown> {
  const entries: [string, unknown][] = [];
  for (const [name, read] of Object.entries(variables)) {
    let value: unknown;
    try {
      value = read();
    } catch (error) {
      if (error instanceof ReferenceError) continue;
      throw error;
    }
    if (value !== undefined) entries.push([name, value]);
  }
  return new PyDict(entries);
}
