// Finds the one syntax error CPython would report for a source that tree-sitter could not parse cleanly:
// first the tokenizer-level errors (strings, brackets, indentation, tabs), then targeted checks for common
// mistakes at tree-sitter's ERROR/MISSING nodes, then "invalid syntax" at the innermost first error.
import type { ConcreteTree, CstNode } from './cst.js';
import { type ConvertContext, PythonSyntaxError } from './convert/context.js';
import { findTokenizerError } from './tokenizer-checks.js';

const BLOCK_KEYWORDS = new Set(['if', 'elif', 'else', 'while', 'for', 'def', 'class', 'try', 'except', 'finally', 'with', 'match', 'case']);

/**
 * The first syntax error, or null when the source is valid as far as the tree and the tokenizer tell. The
 * tokenizer pass always runs: tree-sitter accepts some invalid indentation (tabs mixed with spaces, a missing
 * block) without any error node.
 */
export function findSyntaxError(tree: ConcreteTree, ctx: ConvertContext): PythonSyntaxError | null {
  const finding = findTokenizerError(ctx.source);
  let treeError: PythonSyntaxError | null = null;
  let specific = false;
  /** the parser would stop right there whatever follows: a token tree-sitter had to invent, or a stray ',' / ':' */
  let deadEnd = false;
  if (tree.hasError) {
    const afterSemicolon = compoundAfterSemicolon(tree.root, ctx.source);
    if (afterSemicolon !== null) return afterSemicolon;
    const site = innermostFirstError(tree.root);
    const targeted = site === null ? null : targetedError(site, ctx);
    specific = targeted !== null;
    treeError = targeted ?? (site === null ? new PythonSyntaxError('invalid syntax', 0) : genericError(site.node, ctx));
    deadEnd = site !== null && (site.node.missing || [',', ':'].includes(firstLeaf(site.node).type));
  }
  if (finding === null) return treeError;
  // A missing ':' is certain only when tree-sitter agrees the source is invalid.
  if (finding.kind === 'header' && treeError === null) return null;
  if (treeError === null) return finding.error;
  // Mirrors Parser/pegen_errors.c `_PyPegen_set_syntax_error`: a bracket left open is blamed when the parser
  // fails on a later line; a generic "invalid syntax" gives way to any tokenizer error in the rest of the file.
  switch (finding.kind) {
    case 'unclosed': {
      // CPython's parser reads on through the open bracket to the end of the file (and then blames the bracket)
      // unless it is stopped at once on the bracket's line: `def f(:`, `foo(1,, 2`.
      const stopsOnBracketLine =
        deadEnd && treeError.start > finding.error.start && ctx.lines.position(treeError.start).line === finding.bracketLine;
      return stopsOnBracketLine ? treeError : finding.error;
    }
    case 'block':
      return finding.error.start < treeError.start ? finding.error : treeError;
    case 'fstring':
      return specific && treeError.start < finding.tokenStart ? treeError : finding.error;
    case 'header':
      // tree-sitter places a generic error anywhere on such a line; a specific one earlier in the file stands.
      return specific && treeError.start < finding.error.start ? treeError : finding.error;
    case 'tokenizer':
      return specific && treeError.start < finding.error.start ? treeError : finding.error;
  }
}

/** Statements that open a block: CPython only accepts them at the start of a line. */
export const COMPOUND_STATEMENTS = new Set([
  'if_statement', 'for_statement', 'while_statement', 'try_statement', 'with_statement', 'function_definition',
  'class_definition', 'decorated_definition', 'match_statement',
]);

/** `x = 1; if y: …`: a compound statement after ';' is "invalid syntax" at its keyword. */
function compoundAfterSemicolon(root: CstNode, source: string): PythonSyntaxError | null {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = node.children;
    for (let i = 1; i < children.length; i++) {
      const child = children[i]!;
      const previous = children[i - 1]!;
      const endsWithSemicolon = previous.type === ';' || (previous.type === 'ERROR' && previous.children[previous.children.length - 1]?.type === ';');
      if (!endsWithSemicolon || source.slice(previous.end, child.start).includes('\n')) continue;
      const startsBlock = COMPOUND_STATEMENTS.has(child.type) || (child.type === 'ERROR' && BLOCK_KEYWORDS.has(child.children[0]?.type ?? ''));
      if (startsBlock) return new PythonSyntaxError('invalid syntax', child.start, firstLeaf(child).end);
    }
    stack.push(...children);
  }
  return null;
}

interface ErrorSite {
  node: CstNode;
  parent: CstNode;
}

/**
 * The first ERROR or MISSING node in source order that holds no other error: tree-sitter often wraps a whole
 * region (even the whole file) in an ERROR, while the cause sits in a small ERROR inside it.
 */
function innermostFirstError(root: CstNode): ErrorSite | null {
  const stack: ErrorSite[] = [{ node: root, parent: root }];
  let best: ErrorSite | null = null;
  while (stack.length > 0) {
    const site = stack.pop()!;
    const { node } = site;
    if (best !== null && node.start > best.node.start) continue;
    const isError = node.type === 'ERROR' || node.missing;
    if (isError && !node.children.some(containsError)) {
      if (best === null || node.start < best.node.start) best = site;
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, parent: node });
  }
  return best;
}

function containsError(node: CstNode): boolean {
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'ERROR' || current.missing) return true;
    stack.push(...current.children);
  }
  return false;
}

/** CPython's specific messages for the mistakes people make most (Grammar/python.gram `invalid_*` rules). */
function targetedError(site: ErrorSite, ctx: ConvertContext): PythonSyntaxError | null {
  const { node, parent } = site;
  if (node.missing) {
    if (node.type === ':') return new PythonSyntaxError("expected ':'", node.start, node.start);
    return null;
  }
  const children = node.children;
  const first = children[0];
  if (first === undefined) return null;
  // `if x = 1:` — an assignment where a condition belongs.
  if (first.type === '=' && ['if_statement', 'elif_clause', 'while_statement'].includes(parent.type)) {
    const condition = parent.children.find((child) => child.field === 'condition');
    const last = children[children.length - 1]!;
    if (condition !== undefined) {
      return new PythonSyntaxError("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", condition.start, last.end);
    }
  }
  const keywordIndex = first.type === 'async' ? 1 : 0;
  const keyword = children[keywordIndex];
  if (keyword !== undefined && !keyword.named && BLOCK_KEYWORDS.has(keyword.type)) {
    if (isStrayClause(keyword.type, node, parent)) return new PythonSyntaxError('invalid syntax', keyword.start, keyword.end);
    return blockHeaderError(children, keywordIndex, ctx);
  }
  // `f(a b)` — two expressions side by side inside brackets.
  if (parent.type === 'argument_list' || parent.type === 'list' || parent.type === 'tuple' || parent.type === 'set') {
    const index = parent.children.indexOf(node);
    const before = parent.children[index - 1];
    if (before !== undefined && before.named && first.named) {
      return new PythonSyntaxError('invalid syntax. Perhaps you forgot a comma?', before.start, first.end);
    }
  }
  return null;
}

/** Which statement each clause continues. */
const CLAUSE_OWNERS: Record<string, string[]> = {
  else: ['if_statement', 'for_statement', 'while_statement', 'try_statement'],
  elif: ['if_statement'],
  except: ['try_statement'],
  finally: ['try_statement'],
};

/** `else:` (or elif/except/finally) with no statement before it to continue: CPython stops at the keyword. */
function isStrayClause(keyword: string, node: CstNode, parent: CstNode): boolean {
  const owners = CLAUSE_OWNERS[keyword];
  if (owners === undefined) return false;
  const index = parent.children.indexOf(node);
  let previous: CstNode | undefined;
  for (let i = index - 1; i >= 0 && previous === undefined; i--) if (parent.children[i]!.named) previous = parent.children[i];
  return previous === undefined || !owners.includes(previous.type);
}

/**
 * A compound statement's header that tree-sitter could not parse: an assignment or two operands side by side
 * where the condition belongs, a missing '(' after `def name`, or a missing ':'.
 */
function blockHeaderError(children: CstNode[], keywordIndex: number, ctx: ConvertContext): PythonSyntaxError | null {
  const keyword = children[keywordIndex]!;
  const name = children[keywordIndex + 1];
  if (keyword.type === 'def' || keyword.type === 'class') {
    if (name === undefined) return new PythonSyntaxError('invalid syntax', keyword.end, keyword.end);
    if (name.type !== 'identifier') return new PythonSyntaxError('invalid syntax', name.start, name.end);
  }
  if (keyword.type === 'def') {
    // What follows the name decides, read from the source: tree-sitter may have cut the ERROR short after it.
    const afterName = name!.end + /^[ \t]*/.exec(ctx.source.slice(name!.end, name!.end + 200))![0].length;
    if (ctx.source[afterName] !== '(') return new PythonSyntaxError("expected '('", afterName, afterName + 1);
  }
  // The header ends at the last child before a line break; CPython expects the ':' right after it.
  let headerEnd = keyword.end;
  let previous: CstNode | null = null;
  for (let i = keywordIndex + 1; i < children.length; i++) {
    const child = children[i]!;
    if (ctx.source.slice(headerEnd, child.start).includes('\n')) break;
    if (child.type === ':') return null;
    if (child.type === '=' && previous !== null) {
      const value = children[i + 1];
      return new PythonSyntaxError("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", children[keywordIndex + 1]!.start, value?.end ?? child.end);
    }
    if (previous !== null && previous.named && child.named && !(keyword.type === 'def' || keyword.type === 'class')) {
      return new PythonSyntaxError('invalid syntax', child.start, child.end);
    }
    previous = child;
    headerEnd = child.end;
  }
  return new PythonSyntaxError("expected ':'", headerEnd, headerEnd);
}

/**
 * "invalid syntax" where CPython's parser stops: at the first token tree-sitter could not fit. An ERROR that ends
 * with an operator (`x = 1 +`) is reported just after it, where the missing operand belongs.
 */
function genericError(node: CstNode, ctx: ConvertContext): PythonSyntaxError {
  if (node.missing) return new PythonSyntaxError('invalid syntax', node.start, node.start);
  const last = node.children[node.children.length - 1];
  if (last !== undefined && !last.named && /^[-+*/%@&|^<>=!.~]+$/.test(last.type)) {
    const lineEnd = ctx.source.indexOf('\n', last.end);
    const at = lineEnd === -1 ? ctx.source.length : lineEnd;
    return new PythonSyntaxError('invalid syntax', at, at);
  }
  const firstToken = firstLeaf(node);
  return new PythonSyntaxError('invalid syntax', firstToken.start, firstToken.end);
}

function firstLeaf(node: CstNode): CstNode {
  let current = node;
  while (current.children.length > 0) current = current.children[0]!;
  return current;
}
