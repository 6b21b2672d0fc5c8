// The diagnostics the command line itself reports (6xxx: CLI and I/O; 9xxx: internal errors).
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/codes.js';

/** A file named on the command line (or imported by the program) does not exist or cannot be read. */
export function fileNotFound(file: string): Diagnostic {
  return createDiagnostic('file-not-found', { file, range: null, args: [file] });
}

/** A file given to convert, check or diff whose name does not end in `.py`. */
export function notAPythonFile(file: string): Diagnostic {
  return createDiagnostic('not-a-python-file', { file, range: null, args: [file] });
}

/**
 * The translator threw instead of returning diagnostics: reported against the file so a directory run goes on
 * with the next one (DESIGN.md: internal errors are caught per file).
 */
export function internalError(file: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return createDiagnostic('internal-error', {
    file,
    range: null,
    args: [reason.replace(/\.$/, '')],
    hint: 'Run again with --debug to see the stack trace.',
  });
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
