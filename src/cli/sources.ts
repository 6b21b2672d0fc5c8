// Which Python files a command works on: files, folders and globs named on the command line (or in the config's
// `include`), less what `.gitignore` files and the `exclude` globs leave out, each with the path its TypeScript
// takes under the output folder.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { UsageError } from './usage-error.js';

/** A Python file and where its translation goes. */
export interface SourceFile {
  /** the path shown in diagnostics and summaries: relative to the current folder */
  source: string;
  absolute: string;
  /** the output's path relative to the output folder (`a/b.ts` for `SRC/a/b.py`); may climb out with `..` */
  target: string;
}

/** Exclude globs and the folder they are relative to. */
export interface ExcludeRule {
  folder: string;
  patterns: readonly string[];
}

export interface SourceOptions {
  cwd: string;
  /** every output mirrors the tree below this folder (absolute); default: each source's own base */
  rootDir?: string;
  exclude: readonly ExcludeRule[];
  /** never searched: the output folder (absolute), so that converting `.` does not walk its own output */
  outDir?: string;
}

/** Folders never searched for sources: caches, dependencies and hidden folders. */
const skippedFolders = ['**/node_modules/**', '**/__pycache__/**', '**/.*/**'];

/**
 * Expands `specs` into the Python files they name, sorted by path, each file once. A folder stands for every `.py`
 * below it and a glob for its matches: these are filtered by `.gitignore` and `exclude`. A file named outright is
 * always kept (also when it does not exist or is not Python: reading it then reports why).
 */
export async function collectSources(specs: readonly string[], options: SourceOptions): Promise<SourceFile[]> {
  const found = new Map<string, SourceFile>();
  const filters = new SourceFilter(options);
  const add = (absolute: string, base: string): void => {
    if (found.has(absolute)) return;
    const root = options.rootDir ?? base;
    found.set(absolute, {
      source: relative(options.cwd, absolute) || absolute,
      absolute,
      target: toTypeScriptName(relative(root, absolute)),
    });
  };
  for (const spec of specs) {
    const path = resolve(options.cwd, spec);
    const scan = picomatch.scan(spec);
    const searched = !existsSync(path) && scan.isGlob;
    if (!searched && !isDirectory(path)) {
      add(path, dirname(path));
      continue;
    }
    // A folder stands for the .py files below it; a glob is searched from its fixed part and keeps the .py files.
    const base = searched ? resolve(options.cwd, scan.base) : path;
    const pattern = searched ? scan.glob : '**/*.py';
    const matches = await glob([pattern], { cwd: base, absolute: true, ignore: skippedFolders, onlyFiles: true });
    const kept = matches.filter((match) => match.endsWith('.py') && filters.keeps(match, base));
    // A mistyped glob or folder would otherwise pass `pyts check` in CI without checking anything.
    if (kept.length === 0) throw new UsageError(`'${spec}' holds no Python file to translate`);
    for (const match of kept) add(match, base);
  }
  return [...found.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/** `a/b.py` → `a/b.ts`. */
export function toTypeScriptName(pythonPath: string): string {
  return pythonPath.replace(/\.py$/, '') + '.ts';
}

/**
 * The `.gitignore` files of the repository holding each source folder (or of that folder outside a repository),
 * and the exclude globs.
 */
class SourceFilter {
  private readonly gitRoots = new Map<string, string>();
  private readonly gitignores = new Map<string, Ignore | null>();
  private readonly excludes: Array<{ folder: string; matches: (path: string) => boolean }>;

  constructor(private readonly options: SourceOptions) {
    this.excludes = options.exclude
      .filter((rule) => rule.patterns.length > 0)
      .map((rule) => ({ folder: rule.folder, matches: picomatch([...rule.patterns], { dot: true, basename: true }) }));
  }

  /** Whether `absolute`, found below the folder `base` the user named, is a source. */
  keeps(absolute: string, base: string): boolean {
    if (this.options.outDir !== undefined && isInside(this.options.outDir, absolute)) return false;
    return !this.isExcluded(absolute) && !this.isGitIgnored(absolute, base);
  }

  /** A file is excluded when its path, or the path of a folder above it, matches an exclude glob. */
  private isExcluded(absolute: string): boolean {
    for (const { folder, matches } of this.excludes) {
      const path = relative(folder, absolute).split(sep);
      for (let end = path.length; end > 0; end--) if (matches(path.slice(0, end).join('/'))) return true;
    }
    return false;
  }

  /**
   * Git's rules: a path is ignored by the last rule matching it (or a folder above it) in the `.gitignore` files
   * from the repository's root down to its folder. `base` itself was named by the user, so it counts even when
   * ignored, as a file named outright does: the rules that ignore `base` (or a folder above it) are left out.
   */
  private isGitIgnored(absolute: string, base: string): boolean {
    const root = this.gitRootOf(base);
    let ignored = false;
    const folders = relative(root, dirname(absolute)).split(sep).filter(Boolean);
    for (let depth = 0; depth <= folders.length; depth++) {
      const folder = join(root, ...folders.slice(0, depth));
      const rules = this.gitignoreOf(folder, base);
      if (rules === null) continue;
      const verdict = rules.test(relative(folder, absolute).split(sep).join('/'));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private gitRootOf(base: string): string {
    let root = this.gitRoots.get(base);
    if (root === undefined) {
      root = findGitRoot(base) ?? base;
      this.gitRoots.set(base, root);
    }
    return root;
  }

  /** The rules of `folder`'s `.gitignore` that apply below `base`; null when there are none. */
  private gitignoreOf(folder: string, base: string): Ignore | null {
    const key = `${folder}\0${base}`;
    let rules = this.gitignores.get(key);
    if (rules === undefined) {
      let lines = readTextOrNull(join(folder, '.gitignore'))?.split(/\r?\n/) ?? null;
      if (lines !== null && folder !== base && isInside(folder, base)) {
        const named = `${relative(folder, base).split(sep).join('/')}/`;
        lines = lines.filter((line) => !ignore().add(line).ignores(named));
      }
      rules = lines === null ? null : ignore().add(lines);
      this.gitignores.set(key, rules);
    }
    return rules;
  }
}

function findGitRoot(cwd: string): string | null {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) return null;
  }
}

/** Whether `path` is `folder` or lies below it (both absolute). */
export function isInside(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readTextOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
