// The CLI's one call into the translator, loaded on first use: loading it pulls in the translator and prettier,
// which `--help`, a cached `pyts run` and a convert whose files are all cached never need.
import type { Diagnostic, EncodedSourceMap, TranspileOptions } from '../api.js';
import { stat } from 'node:fs/promises';
import { lookupBesideFile, type ModuleKind } from '../parse/module-lookup.js';
import { internalError, notAPythonFile } from './cli-diagnostics.js';
import { readPythonInput, stdinName } from './source-input.js';

export interface Translation {
  /** the TypeScript, or null when an error stopped the translation */
  code: string | null;
  /** its source map, when one was asked for */
  map?: EncodedSourceMap | null;
  diagnostics: Diagnostic[];
}

/**
 * Translates one file. An exception thrown by the translator becomes a PYTS9001 diagnostic for this file (its stack
 * goes to stderr with `--debug`), so that a directory run goes on with the next file.
 */
export async function translateSource(source: string, options: TranspileOptions, debug: boolean): Promise<Translation> {
  const { transpile } = await import('../api.js');
  try {
    return await transpile(source, options);
  } catch (error) {
    if (debug) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    return { code: null, diagnostics: [internalError(options.filename, error)] };
  }
}

/** A file's translation together with its source text (for code frames). */
export interface FileTranslation extends Translation {
  /** the name diagnostics use: the path as given, or '<stdin>' */
  file: string;
  /** the decoded source, or null when it could not be read */
  source: string | null;
  /** every lookup of a program module the translation made (`[name, level, answer]`), for the cache to re-check */
  lookups: ModuleLookup[];
}

export type ModuleLookup = [name: string, level: number, kind: ModuleKind];

/** What changes a file's translation besides its source. */
export interface FileOptions {
  /** module specifier of the runtime in emitted imports (default 'pyts/runtime') */
  runtimeImport?: string;
  /** the project's prettier options for this output */
  prettierOptions?: Record<string, unknown>;
  /** also make the source map (FileTranslation.map) */
  sourceMap?: boolean;
  debug: boolean;
}

/**
 * Reads `path` ('-' for standard input) and translates it into formatted TypeScript. A file whose name does not
 * end in `.py` is refused (PYTS6002): it was probably named by mistake.
 */
export async function translateFile(path: string, options: FileOptions): Promise<FileTranslation> {
  const file = path === '-' ? stdinName : path;
  if (path !== '-' && !path.endsWith('.py') && (await isFile(path))) {
    return { file, source: null, code: null, diagnostics: [notAPythonFile(file)], lookups: [] };
  }
  const input = await readPythonInput(path);
  if (input.source === null) return { file, source: null, code: null, diagnostics: input.diagnostics, lookups: [] };
  const lookups: ModuleLookup[] = [];
  const lookup = lookupBesideFile(file);
  const translation = await translateSource(
    input.source,
    {
      filename: file,
      ...(options.runtimeImport !== undefined ? { runtimeImport: options.runtimeImport } : {}),
      ...(options.prettierOptions !== undefined ? { prettierOptions: options.prettierOptions } : {}),
      ...(options.sourceMap ? { sourceMap: true } : {}),
      resolveModule: (name, level) => {
        const kind = lookup(name, level);
        lookups.push([name, level, kind]);
        return kind;
      },
    },
    options.debug,
  );
  return {
    file,
    source: input.source,
    code: translation.code,
    ...(translation.map ? { map: translation.map } : {}),
    diagnostics: [...input.diagnostics, ...translation.diagnostics],
    lookups,
  };
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The source texts of some translations, keyed by file name, for the diagnostics renderers. */
export function sourceTexts(translations: readonly FileTranslation[]): Map<string, string> {
  return new Map(translations.flatMap((t) => (t.source === null ? [] : [[t.file, t.source] as const])));
}
