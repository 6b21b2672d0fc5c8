// The one door into the transpiler: cli/ and the tests call these, nothing else.
// parse → analyze → translate → emit, each stage reporting diagnostics as data.
import { analyze } from './analyze/index.js';
import { createDiagnostic } from './diagnostics/codes.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { emitModule } from './emit/index.js';
import { parse } from './parse/index.js';
import { translateModule } from './translate/index.js';

export type { Diagnostic } from './diagnostics/diagnostic.js';

export interface TranspileOptions {
  /** the file name shown in diagnostics ('<stdin>' when reading standard input) */
  filename: string;
  /** module specifier of the runtime in emitted imports; default 'pyts/runtime' */
  runtimeImport?: string;
  /** format with prettier (default true); `pyts run` skips it */
  format?: boolean;
  /** whether `import name` refers to a module of the user's program (a sibling file or package) */
  isLocalModule?: (name: string) => boolean;
}

export interface TranspileResult {
  /** the TypeScript, or null when an error diagnostic stopped the translation */
  code: string | null;
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
      ...(options.isLocalModule ? { isLocalModule: options.isLocalModule } : {}),
    });
    const code = await emitModule(translated, { format: options.format !== false });
    return { code, diagnostics: [...parsed.diagnostics, ...translated.diagnostics] };
  } catch (error) {
    // a bug in pyts: reported as a diagnostic naming the file, never a stack trace
    const message = error instanceof Error ? error.message : String(error);
    return { code: null, diagnostics: [...parsed.diagnostics, createDiagnostic('PYTS9001', { file: options.filename, range: null, args: [message] })] };
  }
}
