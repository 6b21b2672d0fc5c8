// Python's lookup of a script's own modules, on the file system (no tree-sitter): shared by the translator and by
// the CLI's cache, which checks that a cached translation's imports still resolve the same way.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** What `import name` names: a module file, a package folder, or nothing of the program (a library). */
export type ModuleKind = 'module' | 'package' | null;

/** Python's lookup of `import name` for a script: a `name.py` or a `name/__init__.py` beside it (`..` per extra dot). */
export function lookupBesideFile(filename: string): (name: string, level: number) => ModuleKind {
  const find = moduleFileBeside(filename);
  return (name, level) => find(name, level)?.kind ?? null;
}

/** The file `import name` (level = leading dots) loads for a script: `name.py`, or `name/__init__.py` of a package. */
export function moduleFileBeside(
  filename: string,
): (name: string, level: number) => { kind: 'module' | 'package'; path: string } | null {
  const folder = dirname(resolve(filename));
  return (name, level) => {
    const base = resolve(folder, ...Array<string>(Math.max(0, level - 1)).fill('..'));
    const path = join(base, ...name.split('.').filter(Boolean));
    if (name && existsSync(`${path}.py`)) return { kind: 'module', path: `${path}.py` };
    const init = join(path, '__init__.py');
    if (existsSync(init)) return { kind: 'package', path: init };
    return null;
  };
}
