// Machine-readable diagnostics: a JSON array, one object per diagnostic, lines and columns 1-based.
import type { Diagnostic } from '../diagnostic.js';

export interface JsonDiagnostic {
  file: string;
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  /** 1-based; null when the diagnostic concerns the whole file */
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  hint: string | null;
}

/** Converts one diagnostic to its JSON shape. */
export function toJson(diagnostic: Diagnostic): JsonDiagnostic {
  const range = diagnostic.range;
  return {
    file: diagnostic.file,
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    line: range === null ? null : range.start.line,
    column: range === null ? null : range.start.col + 1,
    endLine: range === null ? null : range.end.line,
    endColumn: range === null ? null : range.end.col + 1,
    hint: diagnostic.hint ?? null,
  };
}

/** The whole list as pretty-printed JSON (an array, also when empty), ending with a newline. */
export function renderJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(diagnostics.map(toJson), null, 2) + '\n';
}
