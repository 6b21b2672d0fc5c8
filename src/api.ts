// The one door into the transpiler: cli/ and the tests call these, nothing else.
import type { Diagnostic } from './diagnostics/diagnostic.js';

export type { Diagnostic } from './diagnostics/diagnostic.js';

export interface TranspileOptions {
  /** the file name shown in diagnostics ('<stdin>' when reading standard input) */
  filename: string;
  /** module specifier of the runtime in emitted imports; default 'pyts/runtime' */
  runtimeImport?: string;
  /** format with prettier (default true); `pyts run` skips it */
  format?: boolean;
}

export interface TranspileResult {
  /** the TypeScript, or null when an error diagnostic stopped the translation */
  code: string | null;
  diagnostics: Diagnostic[];
}

export const version = '0.1.0';

export async function transpile(source: string, options: TranspileOptions): Promise<TranspileResult> {
  void source;
  void options;
  throw new Error('transpile is not implemented yet');
}
