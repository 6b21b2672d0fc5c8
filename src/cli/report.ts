// Writes diagnostics to stderr in the format the user chose; the renderers live in diagnostics/render.
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export const diagnosticFormats = ['pretty', 'json', 'github'] as const;
export type DiagnosticFormat = (typeof diagnosticFormats)[number];

/** The source text of each file named in the diagnostics, for code frames. */
export type SourceTexts = ReadonlyMap<string, string>;

/**
 * Renders `diagnostics` (nothing for an empty list) and writes them to stderr. The renderers are loaded on demand:
 * a run without diagnostics never loads them.
 */
export async function reportDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: SourceTexts,
  format: DiagnosticFormat,
): Promise<void> {
  if (diagnostics.length === 0) return;
  const text = await renderDiagnostics(diagnostics, sources, format);
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

async function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: SourceTexts,
  format: DiagnosticFormat,
): Promise<string> {
  switch (format) {
    case 'pretty':
      return (await import('../diagnostics/render/pretty.js')).renderPretty(diagnostics, sources, {
        color: process.stderr.isTTY === true,
      });
    case 'json':
      return (await import('../diagnostics/render/json.js')).renderJson(diagnostics);
    case 'github':
      return (await import('../diagnostics/render/github.js')).renderGithub(diagnostics);
  }
}
