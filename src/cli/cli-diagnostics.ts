// The diagnostics the command line itself reports (6xxx: CLI and I/O; 9xxx: internal errors).
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A file named on the command line (or imported by the program) does not exist or cannot be read. */
export function fileNotFound(file: string): Diagnostic {
  return { code: 'PYTS6001', severity: 'error', message: `File '${file}' not found.`, file, range: null };
}

/**
 * The translator threw instead of returning diagnostics: reported against the file so a directory run goes on
 * with the next one (DESIGN.md: internal errors are caught per file).
 */
export function internalError(file: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'PYTS9001',
    severity: 'error',
    message: `Internal error while translating this file: ${reason.replace(/\.$/, '')}.`,
    file,
    range: null,
    hint: 'Run again with --debug to see the stack trace, and report it with the file.',
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
