// Python's `__name__` for translated modules: '__main__' for the program being run, the module's name otherwise.

import { fs } from './node-modules.js';
import { basename, extname } from 'node:path';
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

/** Python's `__name__` for the module at `url`: '__main__' or the file's name without extension. */
export function moduleName(url: string): string {
  if (isMain(url)) return '__main__';
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  return basename(path, extname(path));
}
