// Finds every Python module a program imports from its own folder, compiled (from the cache when unchanged).
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { fileNotFound } from '../cli-diagnostics.js';
import { lookupsStillHold, type ModuleLookup } from '../module-lookups.js';
import { compileModule } from './compile-module.js';
import { moduleKey, readCachedModule, writeCachedModule } from './translation-cache.js';

/** One module of the program, as it will be written and imported. */
export interface ProgramModule {
  /** the Python file (absolute) */
  sourcePath: string;
  /** the name diagnostics use: the script path as given, or the module's path relative to the working folder */
  file: string;
  /** the path the emitted imports expect, relative to the folder holding the main module's output */
  importPath: string;
  /** the cache key of its compilation */
  key: string;
  javascript: string;
  /** the module's source map (JSON text), or null */
  sourceMap: string | null;
}

export interface Program {
  /** the main module first; empty when a module failed to compile or could not be found */
  modules: ProgramModule[];
  /** all diagnostics of all modules (warnings are kept when the program runs) */
  diagnostics: Diagnostic[];
  /** source texts by diagnostic file name, for code frames */
  sources: Map<string, string>;
}

/**
 * Compiles `scriptPath` and, transitively, the local modules it imports (`import helper` → `./helper.js` →
 * `helper.py` beside the importer, or `helper/__init__.py`), as Python finds them from the script's folder.
 */
export async function loadProgram(scriptPath: string, cache: string, debug: boolean): Promise<Program> {
  const program: Program = { modules: [], diagnostics: [], sources: new Map() };
  // `__file__` as CPython gives it: the script as named on the command line joined to the working folder, not
  // normalised (`python3 ./app.py` gives `/cwd/./app.py`); an imported module's absolute path
  const pythonFile = isAbsolute(scriptPath) ? scriptPath : `${process.cwd()}${sep}${scriptPath}`;
  const pending = [{ sourcePath: resolve(scriptPath), pythonFile, file: scriptPath, importPath: `${moduleStem(scriptPath)}.js` }];
  const seen = new Set(pending.map((m) => m.importPath));
  let failed = false;
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    const compiled = await compileCached(next, cache, debug);
    program.diagnostics.push(...compiled.diagnostics);
    if (compiled.source !== null) program.sources.set(next.file, compiled.source);
    if (compiled.javascript === null) {
      failed = true;
      continue;
    }
    const { pythonFile: _, ...module } = next;
    program.modules.push({ ...module, key: compiled.key, javascript: compiled.javascript, sourceMap: compiled.sourceMap });
    for (const specifier of compiled.localImports) {
      const importPath = posix.normalize(posix.join(posix.dirname(next.importPath), specifier));
      if (seen.has(importPath)) continue;
      seen.add(importPath);
      const sourcePath = await findModuleSource(dirname(next.sourcePath), specifier);
      if (typeof sourcePath !== 'string') {
        program.diagnostics.push(fileNotFound(relative(process.cwd(), sourcePath.expected) || sourcePath.expected));
        failed = true;
        continue;
      }
      pending.push({ sourcePath, pythonFile: sourcePath, file: relative(process.cwd(), sourcePath), importPath });
    }
  }
  if (failed) program.modules = [];
  return program;
}

interface CompiledSource {
  /** the cache key, or (uncached builds) a hash of the JavaScript: either names the program folder's content */
  key: string;
  source: string | null;
  javascript: string | null;
  sourceMap: string | null;
  localImports: string[];
  diagnostics: Diagnostic[];
}

/** A module's compilation: from the cache when its bytes are unchanged, else compiled and stored. */
async function compileCached(
  { sourcePath, pythonFile, file }: { sourcePath: string; pythonFile: string; file: string },
  cache: string,
  debug: boolean,
): Promise<CompiledSource> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(sourcePath);
  } catch {
    return { key: '', source: null, javascript: null, sourceMap: null, localImports: [], diagnostics: [fileNotFound(file)] };
  }
  const key = moduleKey(file, pythonFile, bytes);
  const cached = key === null ? null : await readCachedModule(cache, key);
  if (key !== null && cached !== null && (await lookupsStillHold(file, cached.lookups))) {
    const { lookups, ...module } = cached;
    return { key: folderKey(key, lookups), source: Buffer.from(bytes).toString('utf8'), ...module };
  }
  const { readSource } = await import('../../parse/read-source.js');
  const input = readSource(bytes, file);
  if (input.source === null) {
    return { key: '', source: null, javascript: null, sourceMap: null, localImports: [], diagnostics: input.diagnostics };
  }
  const compiled = await compileModule(input.source, file, pythonFile, debug);
  const diagnostics = [...input.diagnostics, ...compiled.diagnostics];
  if (key !== null && compiled.javascript !== null) {
    await writeCachedModule(cache, key, {
      javascript: compiled.javascript,
      sourceMap: compiled.sourceMap,
      localImports: compiled.localImports,
      lookups: compiled.lookups,
      diagnostics,
    });
  }
  return {
    key: key === null ? contentHash(compiled.javascript ?? '') : folderKey(key, compiled.lookups),
    source: input.source,
    javascript: compiled.javascript,
    sourceMap: compiled.sourceMap,
    localImports: compiled.localImports,
    diagnostics,
  };
}

/**
 * The Python file behind a relative import specifier of emitted code: `./helper.js` → `helper.py`, then
 * `helper/__init__.py` (a package); `./pkg/index.js` → `pkg/__init__.py`. Returns the first candidate when none exists.
 */
async function findModuleSource(folder: string, specifier: string): Promise<string | { expected: string }> {
  const base = resolve(folder, specifier.replace(/\.js$/, ''));
  const candidates = [`${base}.py`, join(base, '__init__.py')];
  if (basename(base) === 'index' || basename(base) === '__init__') candidates.push(join(dirname(base), '__init__.py'));
  for (const candidate of candidates) {
    if (
      await access(candidate).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  return { expected: candidates[0] ?? base };
}

/** The cache key with what the module's imports found: a module compiled anew because a module it imports changed
 *  what it defines must not be taken for the old compilation in a program folder. */
function folderKey(key: string, lookups: readonly ModuleLookup[]): string {
  return lookups.some(([, , , summary]) => summary !== null) ? contentHash(`${key}\0${JSON.stringify(lookups)}`) : key;
}

function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `dir/prog.py` → `prog`. */
function moduleStem(path: string): string {
  return (path.split(sep).at(-1) ?? path).replace(/\.py$/, '');
}
