// Which Python files a command works on, and where each one's TypeScript goes.
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A source file and the output file it maps to. */
export interface SourceTarget {
  /** the Python file, as a path joined onto the source the user named */
  source: string;
  /** the TypeScript file: `OUT/a/b.ts` for `SRC/a/b.py` */
  target: string;
}

/** Folders never searched for sources: caches, dependencies and hidden folders. */
function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === '__pycache__' || name === 'node_modules';
}

/**
 * The `.py` files under `root` (or `root` itself when it is not a folder), sorted so that output and summaries are
 * stable, each with its mirrored `.ts` path under `outDir`.
 */
export async function findSourceTargets(root: string, outDir: string): Promise<SourceTarget[]> {
  // A path that is not a folder (or does not exist) is one source: reading it reports what is wrong with it.
  if (
    !(await stat(root).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    return [{ source: root, target: join(outDir, toTypeScriptName(root.split(sep).at(-1) ?? root)) }];
  }
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const sources = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.py'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !relative(root, path).split(sep).slice(0, -1).some(isSkippedFolder))
    .sort();
  return sources.map((source) => ({ source, target: join(outDir, toTypeScriptName(relative(root, source))) }));
}

/** `a/b.py` → `a/b.ts`. */
export function toTypeScriptName(pythonPath: string): string {
  return pythonPath.replace(/\.py$/, '') + '.ts';
}
