// The CLI's one call into the translator, loaded on first use: loading it pulls in the translator and prettier,
// which `--help`, a cached `pyts run` and a convert whose files are all cached never need.
import type { Diagnostic, EncodedSourceMap, TranspileOptions, UnformattedTranslation } from '../api.js';
import { stat } from 'node:fs/promises';
import { internalError, notAPythonFile } from './cli-diagnostics.js';
import { recordingLookups, type ModuleLookup } from './module-lookups.js';
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
  return guarded(options.filename, debug, () => transpile(source, options));
}

/** `work`'s result, or the internal error (PYTS9001) it threw (its stack on stderr with `--debug`). */
async function guarded<T>(file: string, debug: boolean, work: () => Promise<T>): Promise<T | Translation> {
  try {
    return await work();
  } catch (error) {
    if (debug) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    return { code: null, diagnostics: [internalError(file, error)] };
  }
}

/** A file's translation together with its source text (for code frames). */
export interface FileTranslation extends Translation {
  /** the name diagnostics use: the path as given, or '<stdin>' */
  file: string;
  /** the decoded source, or null when it could not be read */
  source: string | null;
  /** every lookup of a program module the translation made, for the cache to re-check */
  lookups: ModuleLookup[];
  /** with `formatLater`: what is left to do (`code` is null until finishFileTranslation has done it) */
  unformatted?: { translation: UnformattedTranslation; inputDiagnostics: Diagnostic[] };
}

export type { ModuleLookup } from './module-lookups.js';

/** What changes a file's translation besides its source. */
export interface FileOptions {
  /** module specifier of the runtime in emitted imports (default 'pyts/runtime') */
  runtimeImport?: string;
  /** the project's prettier options for this output */
  prettierOptions?: Record<string, unknown>;
  /** also make the source map (FileTranslation.map) */
  sourceMap?: boolean;
  /** translate only, leaving the formatting to finishFileTranslation (which may run in another thread) */
  formatLater?: boolean;
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
  const { lookups, options: lookupOptions } = await recordingLookups(file);
  const transpileOptions: TranspileOptions = {
    filename: file,
    ...(options.runtimeImport !== undefined ? { runtimeImport: options.runtimeImport } : {}),
    ...(options.prettierOptions !== undefined ? { prettierOptions: options.prettierOptions } : {}),
    ...(options.sourceMap ? { sourceMap: true } : {}),
    ...lookupOptions,
  };
  const result = (translation: Translation): FileTranslation => ({
    file,
    source: input.source,
    code: translation.code,
    ...(translation.map ? { map: translation.map } : {}),
    diagnostics: [...input.diagnostics, ...translation.diagnostics],
    lookups,
  });
  if (!options.formatLater) return result(await translateSource(input.source, transpileOptions, options.debug));
  const { translateUnformatted } = await import('../api.js');
  const source = input.source;
  const stage = await guarded(file, options.debug, async () => translateUnformatted(source, transpileOptions));
  if (!('unformatted' in stage)) return result('done' in stage ? stage.done : stage);
  const unformatted = { translation: stage.unformatted, inputDiagnostics: input.diagnostics };
  return { ...result({ code: null, diagnostics: stage.unformatted.diagnostics }), unformatted };
}

/** Formats a translation made with `formatLater`; any other is returned as it is. */
export async function finishFileTranslation(translation: FileTranslation, debug: boolean): Promise<FileTranslation> {
  if (translation.unformatted === undefined) return translation;
  const { translation: unformatted, inputDiagnostics } = translation.unformatted;
  const { formatTranslation } = await import('../api.js');
  const formatted = await guarded(translation.file, debug, () => formatTranslation(unformatted));
  const { unformatted: _, ...rest } = translation;
  return {
    ...rest,
    code: formatted.code,
    ...(formatted.map ? { map: formatted.map } : {}),
    diagnostics: [...inputDiagnostics, ...formatted.diagnostics],
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
