// Python's lookup of a script's own modules, on the file system (no tree-sitter): shared by the translator and by
// the CLI's cache, which checks that a cached translation's imports still resolve the same way.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** What `import name` names: a module file, a package folder, or nothing of the program (a library). */
export type ModuleKind = 'module' | 'package' | null;

/** Python's lookup of `import name` for a script: a `name.py` or a `name/__init__.py` beside it (`..` per extra dot). */
export function lookupBesideFile(filename: string): (name: string, level: number) => ModuleKind {
  const folder = dirname(resolve(filename));
  return (name, level) => {
    const base = resolve(folder, ...Array<string>(Math.max(0, level - 1)).fill('..'));
    const path = join(base, ...name.split('.').filter(Boolean));
    if (name && existsSync(`${path}.py`)) return 'module';
    if (existsSync(join(path, '__init__.py'))) return 'package';
    return null;
  };
}
