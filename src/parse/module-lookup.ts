// Python's lookup of a script's own modules, on the file system (no tree-sitter): shared by the translator and by
// the CLI's cache, which checks that a cached translation's imports still resolve the same way.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** What `import name` names: a module file, a package folder, or nothing of the program (a library). */
export type ModuleKind = 'module' | 'package' | null;

/**
 * Python's lookup of `import name` for a script: a `name.py` or a `name/__init__.py` beside it (`..` per extra dot).
 * `find` may be shared with the summaries of the same translation, so that each name is looked for once.
 */
export function lookupBesideFile(
  filename: string,
  find: ModuleFileLookup = moduleFileBeside(filename),
): (name: string, level: number) => ModuleKind {
  return (name, level) => find(name, level)?.kind ?? null;
}

/** What moduleFileBeside makes: the file `import name` loads, or null. */
export type ModuleFileLookup = (name: string, level: number) => { kind: 'module' | 'package'; path: string } | null;

/**
 * The file `import name` (level = leading dots) loads for a script: `name.py`, or `name/__init__.py` of a package.
 * Each name is looked up once per function made (translation asks at every use of an imported name, and one
 * translation may assume the folder does not change under it).
 */
export function moduleFileBeside(filename: string): ModuleFileLookup {
  const folder = dirname(resolve(filename));
  const found = new Map<string, { kind: 'module' | 'package'; path: string } | null>();
  return (name, level) => {
    const key = `${level}:${name}`;
    let file = found.get(key);
    if (file === undefined) {
      file = findModuleFile(folder, name, level);
      found.set(key, file);
    }
    return file;
  };
}

function findModuleFile(
  folder: string,
  name: string,
  level: number,
): { kind: 'module' | 'package'; path: string } | null {
  const base = resolve(folder, ...Array<string>(Math.max(0, level - 1)).fill('..'));
  const path = join(base, ...name.split('.').filter(Boolean));
  if (name && existsSync(`${path}.py`)) return { kind: 'module', path: `${path}.py` };
  const init = join(path, '__init__.py');
  if (existsSync(init)) return { kind: 'package', path: init };
  return null;
}
