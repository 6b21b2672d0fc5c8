// Line origins for formatted text. Positions cannot ride through prettier (it reprints the file from its own tree),
// so they ride on structure: prettier keeps the statements, their nesting and their order. The marked text and the
// formatted one are both parsed with TypeScript's parser, and the n-th statement of the formatted text takes the
// marker of the n-th statement of the marked one. A statement without a marker (one Python statement written as
// two, a hoisted declaration) takes its previous sibling's origin, else its parent's; the imports at the head of the
// file have none. Every line of a statement maps to it, except the lines of the statements it contains and lines
// that hold only a comment. Loaded only when a formatted module's map is asked for: it loads TypeScript.
import { ts } from 'ts-morph';
import { parseSourceMarker, type StatementOrigin } from '../translate/source-markers.js';
import type { LineOrigin } from './source-map.js';

/**
 * For each line of `code` (0-based), the Python statement it belongs to, or null (imports, comments, blank lines).
 * `marked` is the text `code` was formatted from, with its source markers. Null when the two do not have the same
 * statements, which would be a bug in pyts: the map is then left out rather than wrong.
 */
export function formattedLineOrigins(marked: string, code: string): (LineOrigin | null)[] | null {
  const markedFile = ts.createSourceFile('marked.ts', marked, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const origins = statementsOf(markedFile).map(({ node }) => markerOf(node, marked));
  const file = ts.createSourceFile('module.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const statements = statementsOf(file);
  if (statements.length !== origins.length) return null;
  const lineStarts = file.getLineStarts();
  const lines: (LineOrigin | null)[] = lineStarts.map(() => null);
  // Outer statements come first (pre-order), so the statements inside overwrite their lines.
  const effective: (StatementOrigin | null)[] = [];
  for (const [i, { node, parentIndex, previousIndex }] of statements.entries()) {
    const inherited =
      previousIndex !== null ? effective[previousIndex] : parentIndex !== null ? effective[parentIndex] : null;
    const origin = origins[i] ?? inherited ?? null;
    effective.push(origin);
    if (origin === null) continue;
    const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
    const last = file.getLineAndCharacterOfPosition(node.end).line;
    for (let line = first; line <= last; line++) {
      const column = code.slice(lineStarts[line], lineStarts[line + 1] ?? code.length).search(/\S/);
      if (column !== -1) lines[line] = { ...origin, generatedColumn: column };
    }
  }
  for (const line of commentLines(file)) lines[line] = null;
  return lines;
}

interface StatementEntry {
  node: ts.Node;
  /** index of the enclosing statement, and of the previous statement of the same list */
  parentIndex: number | null;
  previousIndex: number | null;
}

/** The file's statements and class members in pre-order (the order is what the two parses have in common). */
function statementsOf(file: ts.SourceFile): StatementEntry[] {
  const entries: StatementEntry[] = [];
  const visit = (node: ts.Node, parentIndex: number | null): void => {
    let previousIndex: number | null = null;
    ts.forEachChild(node, (child) => {
      if (isStatementLike(child, node)) {
        const index = entries.length;
        entries.push({ node: child, parentIndex, previousIndex });
        previousIndex = index;
        visit(child, index);
      } else {
        visit(child, parentIndex);
      }
    });
  };
  visit(file, null);
  return entries;
}

function isStatementLike(node: ts.Node, parent: ts.Node): boolean {
  // prettier drops empty statements; a block is a statement only in a list of statements, not as a body
  if (node.kind === ts.SyntaxKind.EmptyStatement) return false;
  if (ts.isBlock(node)) return ts.isSourceFile(parent) || ts.isBlock(parent) || ts.isCaseOrDefaultClause(parent);
  if (ts.isClassElement(node)) return node.kind !== ts.SyntaxKind.SemicolonClassElement;
  return (
    (node.kind >= ts.SyntaxKind.FirstStatement && node.kind <= ts.SyntaxKind.LastStatement) ||
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isImportDeclaration(node) ||
    ts.isExportDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isInterfaceDeclaration(node)
  );
}

function markerOf(node: ts.Node, text: string): StatementOrigin | null {
  for (const range of ts.getLeadingCommentRanges(text, node.pos) ?? []) {
    const origin = parseSourceMarker(text.slice(range.pos, range.end));
    if (origin !== null) return origin;
  }
  return null;
}

/** Lines that hold only a comment (or part of one): they belong to no statement. */
function commentLines(file: ts.SourceFile): number[] {
  const seen = new Set<number>();
  const lines: number[] = [];
  const collect = (position: number) => {
    for (const range of ts.getLeadingCommentRanges(file.text, position) ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      const first = file.getLineAndCharacterOfPosition(range.pos);
      // a comment after code on its line leaves the line to the code
      if (file.text.slice(file.getLineStarts()[first.line], range.pos).trim() !== '') continue;
      const last = file.getLineAndCharacterOfPosition(range.end).line;
      for (let line = first.line; line <= last; line++) lines.push(line);
    }
  };
  const visit = (node: ts.Node): void => {
    collect(node.pos);
    collect(node.end);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return lines;
}
