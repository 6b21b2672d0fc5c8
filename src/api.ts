// The one door into the transpiler: cli/ and the tests call these, nothing else.
// parse → analyze → translate → emit, each stage reporting diagnostics as data.
import { basename } from 'node:path';
import { analyze } from './analyze/index.js';
import { expandStarImports } from './analyze/star-imports.js';
import { createDiagnostic } from './diagnostics/codes.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { assembleModule, finishModule, type EmitOptions, type EncodedSourceMap } from './emit/index.js';
import { parse } from './parse/index.js';
import { lookupBesideFile, moduleFileBeside } from './parse/module-lookup.js';
import { summaryBesideFile, type ModuleSummary } from './parse/module-summary.js';
import { translateModule } from './translate/index.js';

export type { Diagnostic } from './diagnostics/diagnostic.js';
export type { EncodedSourceMap } from './emit/index.js';
export type { ModuleSummary } from './parse/module-summary.js';

export interface TranspileOptions {
  /** the file name shown in diagnostics ('<stdin>' when reading standard input) */
  filename: string;
  /** module specifier of the runtime in emitted imports; default 'pyts/runtime' */
  runtimeImport?: string;
  /** format with prettier (default true); `pyts run` skips it */
  format?: boolean;
  /** prettier options (e.g. the project's, from `prettier.resolveConfig`) laid over pyts's defaults */
  prettierOptions?: Record<string, unknown>;
  /**
   * Whether `import name` (level = number of leading dots) is a module of the user's program: a file ('module') or
   * a folder with `__init__.py` ('package'). Default: looked up beside `filename`, as Python finds them.
   */
  resolveModule?: (name: string, level: number) => 'module' | 'package' | null;
  /**
   * What the program's module `import name` names defines at its top level (its coroutine functions, generators,
   * functions and classes), so that calls of them translate as in that module; null for a library. Default: that
   * module's file beside `filename`, read and summarised.
   */
  moduleSummary?: (name: string, level: number) => ModuleSummary | null;
  /** export the module's top-level functions, classes and variables (for programs made of several modules) */
  exportTopLevel?: boolean;
  /**
   * Also return a source map (version 3) from each line of the TypeScript to the Python line it came from, with the
   * Python text embedded. `file` names the TypeScript file in it (default: `filename` with `.ts`), `source` the
   * Python file as seen from where the map will be (default: `filename`).
   */
  sourceMap?: boolean | { file?: string; source?: string };
  /**
   * How the emitted code names the module's Python file (`__file__`, the origin of its functions). Default: the
   * file's base name, which the runtime resolves beside the translated module, so that the TypeScript does not
   * depend on the folder pyts ran in (`pyts check` from any folder agrees with `pyts convert`). `pyts run` gives
   * the absolute path CPython would show.
   */
  pythonFile?: string;
}

export interface TranspileResult {
  /** the TypeScript, or null when an error diagnostic stopped the translation */
  code: string | null;
  /** the source map, when one was asked for and the TypeScript was written */
  map?: EncodedSourceMap | null;
  diagnostics: Diagnostic[];
}

export const version = '0.1.0';

export async function transpile(source: string, options: TranspileOptions): Promise<TranspileResult> {
  const translated = translateUnformatted(source, options);
  return 'done' in translated ? translated.done : formatTranslation(translated.unformatted);
}

/**
 * A translation with its formatting (prettier, and the source map's lines) still to do: plain data, so that another
 * thread can finish it. `pyts convert` translates in some worker threads and formats in others, so that each thread
 * warms up (loads and JIT-compiles) only one of the two, which on a few hundred files is much of their cost.
 */
export interface UnformattedTranslation {
  /** the module's text before formatting, with source markers when a map is due */
  text: string;
  emit: EmitOptions;
  filename: string;
  diagnostics: Diagnostic[];
  /** how many of `diagnostics` parsing reported: the ones a failure to format keeps */
  parseDiagnostics: number;
}

/** `transpile` up to formatting: its result when it ends before (an error, or nothing to format), or what is left. */
export function translateUnformatted(
  source: string,
  options: TranspileOptions,
): { done: TranspileResult } | { unformatted: UnformattedTranslation } {
  const parsed = parse(source, options.filename);
  if (!parsed.module) return { done: { code: null, diagnostics: parsed.diagnostics } };
  try {
    // one lookup of each imported name's file, shared by the summaries and the translation
    const find = moduleFileBeside(options.filename);
    const summaries = options.moduleSummary ?? summaryBesideFile(options.filename, find);
    const module = expandStarImports(parsed.module, summaries);
    const analysis = analyze(module, summaries);
    const translated = translateModule(module, analysis, {
      file: options.filename,
      pythonFile: options.pythonFile ?? basename(options.filename),
      runtimeSpecifier: options.runtimeImport ?? 'pyts/runtime',
      resolveModule: options.resolveModule ?? lookupBesideFile(options.filename, find),
      exportTopLevel: options.exportTopLevel ?? false,
      sourceMarkers: Boolean(options.sourceMap),
    });
    return {
      unformatted: {
        text: assembleModule(translated),
        emit: {
          format: options.format !== false,
          ...(options.prettierOptions ? { prettierOptions: options.prettierOptions } : {}),
          ...(options.sourceMap ? { sourceMap: sourceMapNames(options.sourceMap, options.filename, source) } : {}),
        },
        filename: options.filename,
        diagnostics: [...parsed.diagnostics, ...translated.diagnostics],
        parseDiagnostics: parsed.diagnostics.length,
      },
    };
  } catch (error) {
    return { done: internalError(error, options.filename, parsed.diagnostics) };
  }
}

/** The second half of `transpile`: formats an unformatted translation and maps it when asked. */
export async function formatTranslation(translation: UnformattedTranslation): Promise<TranspileResult> {
  try {
    const { code, map } = await finishModule(translation.text, translation.emit);
    const { diagnostics } = translation;
    return translation.emit.sourceMap ? { code, map, diagnostics } : { code, diagnostics };
  } catch (error) {
    const parsed = translation.diagnostics.slice(0, translation.parseDiagnostics);
    return internalError(error, translation.filename, parsed);
  }
}

/** A bug in pyts: reported as a diagnostic naming the file, never a stack trace. */
function internalError(error: unknown, file: string, parseDiagnostics: Diagnostic[]): TranspileResult {
  const message = error instanceof Error ? error.message : String(error);
  return { code: null, diagnostics: [...parseDiagnostics, createDiagnostic('PYTS9001', { file, range: null, args: [message] })] };
}

function sourceMapNames(
  option: true | { file?: string; source?: string },
  filename: string,
  source: string,
): { file: string; source: string; sourceContent: string } {
  const names = option === true ? {} : option;
  return {
    file: names.file ?? filename.replace(/\.py$/, '') + '.ts',
    source: names.source ?? filename,
    sourceContent: source,
  };
}
