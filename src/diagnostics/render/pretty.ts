// tsc's `--pretty` form: `file.py:12:5 - error PYTS4102: message`, the numbered source line with `^~~~` under the
// span, an optional `hint:`, and a closing count. Positions print 1-based. Colours only when asked.
import type { Diagnostic } from '../diagnostic.js';

export interface PrettyOptions {
  /** ANSI colours (the CLI passes true for a TTY) */
  color?: boolean;
}

const ANSI = { red: '31', yellow: '33', cyan: '36', grey: '90', blue: '34', reverse: '7' } as const;

/**
 * Renders diagnostics for a terminal. `sources` maps each file name to its text; a file without text (or a
 * diagnostic without a range) is shown without a code frame.
 */
export function renderPretty(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  options: PrettyOptions = {},
): string {
  const paint = (code: string, text: string): string => (options.color === true ? `\u001b[${code}m${text}\u001b[0m` : text);
  const blocks: string[] = [];
  // each file's lines, split once (a file may have hundreds of diagnostics)
  const linesOf = new Map<string, string[]>();
  for (const diagnostic of diagnostics) {
    const severityColor = diagnostic.severity === 'error' ? ANSI.red : diagnostic.severity === 'warning' ? ANSI.yellow : ANSI.blue;
    const where =
      diagnostic.range === null
        ? paint(ANSI.cyan, diagnostic.file)
        : `${paint(ANSI.cyan, diagnostic.file)}:${paint(ANSI.yellow, String(diagnostic.range.start.line))}:${paint(ANSI.yellow, String(diagnostic.range.start.col + 1))}`;
    const lines = [`${where} - ${paint(severityColor, diagnostic.severity)} ${paint(ANSI.grey, diagnostic.code + ':')} ${diagnostic.message}`];
    const source = sources.get(diagnostic.file);
    if (diagnostic.range !== null && source !== undefined) {
      let sourceLines = linesOf.get(diagnostic.file);
      if (sourceLines === undefined) {
        sourceLines = source.split(/\r\n?|\n/);
        linesOf.set(diagnostic.file, sourceLines);
      }
      lines.push('', ...codeFrame(sourceLines, diagnostic.range, paint, severityColor));
    }
    if (diagnostic.hint !== undefined) lines.push('', `${paint(ANSI.grey, 'hint:')} ${diagnostic.hint}`);
    blocks.push(lines.join('\n'));
  }
  if (diagnostics.length > 0) blocks.push(summary(diagnostics));
  return blocks.join('\n\n') + '\n';
}

type Paint = (code: string, text: string) => string;

/** The line holding the span's start, numbered, with `^` under its first character and `~` under the rest. */
function codeFrame(
  sourceLines: readonly string[],
  range: NonNullable<Diagnostic['range']>,
  paint: Paint,
  color: string,
): string[] {
  const lineText = sourceLines[range.start.line - 1];
  if (lineText === undefined) return [];
  const characters = Array.from(lineText.replace(/\t/g, ' '));
  const startCol = Math.min(range.start.col, characters.length);
  const endCol = range.end.line === range.start.line ? Math.max(range.end.col, startCol + 1) : Math.max(characters.length, startCol + 1);
  const gutter = String(range.start.line);
  const lead = displayWidth(characters.slice(0, startCol));
  const spanWidth = Math.max(1, displayWidth(characters.slice(startCol, endCol)) || endCol - startCol);
  const marker = '^' + '~'.repeat(spanWidth - 1);
  return [
    `${paint(ANSI.reverse, gutter)} ${characters.join('')}`,
    `${paint(ANSI.reverse, ' '.repeat(gutter.length))} ${' '.repeat(lead)}${paint(color, marker)}`,
  ];
}

/** Terminal cells taken by `characters`: East Asian wide characters (Chinese, Japanese, Korean) take two. */
function displayWidth(characters: readonly string[]): number {
  let width = 0;
  for (const character of characters) width += isWide(character.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** `Found 2 errors in 1 file.` (warnings counted separately when present). */
function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  const counts: string[] = [];
  if (errors > 0 || warnings === 0) counts.push(plural(errors, 'error'));
  if (warnings > 0) counts.push(plural(warnings, 'warning'));
  return `Found ${counts.join(' and ')} in ${plural(files, 'file')}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
