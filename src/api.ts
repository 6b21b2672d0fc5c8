// The one door into the transpiler: cli/ and the tests call these, nothing else.
// parse → analyze → translate → emit, each stage reporting diagnostics as data.
import { analyze } from './analyze/index.js';
import { createDiagnostic } from './diagnostics/codes.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { emitModule, type EncodedSourceMap } from './emit/index.js';
import { parse } from './parse/index.js';
import { lookupBesideFile } from './parse/module-lookup.js';
import { translateModule } from './translate/index.js';

export type { Diagnostic } from './diagnostics/diagnostic.js';
export type { EncodedSourceMap } from './emit/index.js';

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
  /** export the module's top-level functions, classes and variables (for programs made of several modules) */
  exportTopLevel?: boolean;
  /**
   * Also return a source map (version 3) from each line of the TypeScript to the Python line it came from, with the
   * Python text embedded. `file` names the TypeScript file in it (default: `filename` with `.ts`), `source` the
   * Python file as seen from where the map will be (default: `filename`).
   */
  sourceMap?: boolean | { file?: string; source?: string };
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
  const parsed = parse(source, options.filename);
  if (!parsed.module) return { code: null, diagnostics: parsed.diagnostics };
  try {
    const analysis = analyze(parsed.module);
    const translated = translateModule(parsed.module, analysis, {
      file: options.filename,
      runtimeSpecifier: options.runtimeImport ?? 'pyts/runtime',
      resolveModule: options.resolveModule ?? lookupBesideFile(options.filename),
      exportTopLevel: options.exportTopLevel ?? false,
      sourceMarkers: Boolean(options.sourceMap),
    });
    const { code, map } = await emitModule(translated, {
      format: options.format !== false,
      ...(options.prettierOptions ? { prettierOptions: options.prettierOptions } : {}),
      ...(options.sourceMap ? { sourceMap: sourceMapNames(options.sourceMap, options.filename, source) } : {}),
    });
    const diagnostics = [...parsed.diagnostics, ...translated.diagnostics];
    return options.sourceMap ? { code, map, diagnostics } : { code, diagnostics };
  } catch (error) {
    // a bug in pyts: reported as a diagnostic naming the file, never a stack trace
    const message = error instanceof Error ? error.message : String(error);
    return { code: null, diagnostics: [...parsed.diagnostics, createDiagnostic('PYTS9001', { file: options.filename, range: null, args: [message] })] };
  }
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
