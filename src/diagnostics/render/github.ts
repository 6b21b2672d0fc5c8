// GitHub Actions workflow commands, one per diagnostic, so CI shows annotations on the pull request:
// `::error file=app.py,line=12,col=5,endLine=12,endColumn=9,title=PYTS4102::message`.
import type { Diagnostic } from '../diagnostic.js';

const COMMAND: Record<Diagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/** One workflow command per line; the hint follows the message after a (escaped) newline. */
export function renderGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(renderOne).join('\n') + (diagnostics.length > 0 ? '\n' : '');
}

function renderOne(diagnostic: Diagnostic): string {
  const properties = [`file=${escapeProperty(diagnostic.file)}`];
  const range = diagnostic.range;
  if (range !== null) {
    properties.push(
      `line=${range.start.line}`,
      `col=${range.start.col + 1}`,
      `endLine=${range.end.line}`,
      `endColumn=${range.end.col + 1}`,
    );
  }
  properties.push(`title=${escapeProperty(diagnostic.code)}`);
  const message = diagnostic.hint === undefined ? diagnostic.message : `${diagnostic.message}\nhint: ${diagnostic.hint}`;
  return `::${COMMAND[diagnostic.severity]} ${properties.join(',')}::${escapeData(message)}`;
}

// The escaping rules of @actions/core (`toCommandValue`/`escapeData`/`escapeProperty` in its command.ts).
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
