// The only file that calls tree-sitter. It parses with one reused Parser and copies the concrete syntax tree into
// plain JS objects (`CstNode`) in a single TreeCursor walk, so the converter never pays a native call per field
// lookup (BASELINES.md: a cursor walk costs 0.37 µs a node; `node.children` costs several times that).
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';

/**
 * A tree-sitter node copied out of the native tree, without comments and line continuations. Offsets are UTF-16
 * code-unit indices into the source.
 */
export interface CstNode {
  /** tree-sitter's node type (`function_definition`, `(`, `ERROR`…) */
  type: string;
  /** the field this node fills in its parent (`name`, `body`…), or null */
  field: string | null;
  named: boolean;
  /** true for a token tree-sitter invented during error recovery */
  missing: boolean;
  start: number;
  end: number;
  children: CstNode[];
}

/** The result of one parse: the copied tree, whether tree-sitter recovered from errors, and the deepest nesting. */
export interface ConcreteTree {
  root: CstNode;
  hasError: boolean;
  maxDepth: number;
  /** the `# …` comments, as UTF-16 offsets, in source order (kept apart: ast has no place for them) */
  comments: { start: number; end: number }[];
}

let sharedParser: Parser | null = null;

function parser(): Parser {
  if (sharedParser === null) {
    sharedParser = new Parser();
    sharedParser.setLanguage(Python as unknown as Parser.Language);
  }
  return sharedParser;
}

// Leaves share one empty list (most nodes are leaves: one allocation less each, and less GC); it is replaced,
// never mutated, when a first child arrives.
const NO_CHILDREN: CstNode[] = [];

// Per-language lookups filled on first sight, so each node costs numeric native calls only (no string marshalling).
const typeNames: string[] = [];
const typeIsNamed: boolean[] = [];
const fieldNames: (string | null)[] = [];

/**
 * Parses `source` and copies the tree. The native tree is dropped before returning: the node binding frees its
 * memory only after V8 collects the wrapper and the event loop turns (BASELINES.md, "Memory finding"), so callers
 * converting many files in one synchronous loop should yield to the event loop (and may call `gc()`) every few
 * hundred files to keep memory flat.
 */
export function parseConcrete(source: string): ConcreteTree {
  const tree = parser().parse(source);
  const hasError = tree.rootNode.hasError;
  const cursor = tree.walk();
  const rootTypeId = typeIdOf(cursor);
  const root = copyCurrent(cursor, source, rootTypeId, fieldOf(cursor), hasError);
  // Iterative pre-order walk: recursion here would overflow on deeply nested input.
  const stack: CstNode[] = [root];
  /** the type ids of `stack`'s nodes */
  const typeIdStack: number[] = [rootTypeId];
  const comments: { start: number; end: number }[] = [];
  let maxDepth = 0;
  if (cursor.gotoFirstChild()) {
    for (;;) {
      const typeId = typeIdOf(cursor);
      // In a tree without errors, only the child types the grammar allows in one of the parent's fields can have
      // a field: the others save a native call (two nodes in three).
      const mayFillField = hasError || fieldTypesOf[typeIdStack[typeIdStack.length - 1]!]!.has(typeNames[typeId]!);
      const field = mayFillField ? fieldOf(cursor) : null;
      // Comments and backslash continuations may sit anywhere and carry no meaning for ast; in a tree without
      // errors, keywords, brackets and string contents that no converter reads are not copied either (fewer
      // objects to collect).
      // (tree-sitter may report a field on a comment, so extras are tested by type alone.)
      const skipped = extraTypes[typeId] || (!hasError && unreadTypes[typeId] && field === null);
      if (commentTypes[typeId]) comments.push({ start: cursor.startIndex, end: cursor.endIndex });
      if (!skipped) {
        const node = copyCurrent(cursor, source, typeId, field, hasError);
        const parent = stack[stack.length - 1]!;
        if (parent.children === NO_CHILDREN) parent.children = [node];
        else parent.children.push(node);
        // Tokens never have children: not asking saves a native call each.
        if (!leafTypes[typeId] && cursor.gotoFirstChild()) {
          stack.push(node);
          typeIdStack.push(typeId);
          if (stack.length > maxDepth) maxDepth = stack.length;
          continue;
        }
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || stack.length === 1) {
          stack.length = 0;
          break;
        }
        stack.pop();
        typeIdStack.pop();
      }
      if (stack.length === 0) break;
    }
  }
  return { root, hasError, maxDepth, comments };
}

/**
 * Tokens the converter never reads when the tree has no errors (it reads operators, `,`, `:`, `;`, `=`, `*`,
 * `**`, `-`, `+`, `_`, `async`, `from`, `print`/`exec` and anything filling a field). Comments and line
 * continuations are always skipped.
 */
// prettier-ignore
const SKIPPED_WHEN_VALID = new Set([
  '(', ')', '[', ']', '{', '}', '.', '->', 'def', 'class', 'return', 'if', 'elif', 'else', 'for', 'in', 'while',
  'try', 'except', 'finally', 'with', 'as', 'import', 'lambda', 'pass', 'break', 'continue', 'global', 'nonlocal',
  'del', 'assert', 'raise', 'await', 'match', 'case', 'yield', 'not', 'and', 'or', 'is', '@',
]);
/**
 * Named nodes the converter never reads when the tree has no errors: a string's text is read from the source
 * between its `string_start` and `string_end` (a twentieth of all nodes are string contents and their escapes).
 */
const NAMED_SKIPPED_WHEN_VALID = new Set(['string_content']);
const EXTRAS = new Set(['comment', 'line_continuation']);
/** per type id: an extra (never copied) */
const extraTypes: boolean[] = [];
/** per type id: a comment (recorded apart) */
const commentTypes: boolean[] = [];
/** per type id: a token in SKIPPED_WHEN_VALID or a node in NAMED_SKIPPED_WHEN_VALID */
const unreadTypes: boolean[] = [];
/** per type id: a token, which never has children */
const leafTypes: boolean[] = [];
/**
 * The named types that are tokens (`identifier`, `integer`, `string_start`…): in the grammar's node-types, the
 * types with neither fields nor subtypes (every other named type lists its fields, if only as `{}`).
 */
const NAMED_TOKENS = new Set(
  (Python.nodeTypeInfo as Array<{ type: string; named: boolean }>)
    .filter((info) => info.named && !('fields' in info) && !('subtypes' in info))
    .map((info) => info.type),
);

/** per type id: the child types that may fill one of its fields (none for a token) */
const fieldTypesOf: ReadonlySet<string>[] = [];
const NO_FIELD_TYPES: ReadonlySet<string> = new Set();

/**
 * For each named type with fields, the child types the grammar's node-types allow in any of them, supertypes
 * (`expression`, `pattern`…) expanded into their members.
 */
const FIELD_TYPES = fieldTypesByParent(Python.nodeTypeInfo as NodeTypeInfo[]);

/** An entry of the grammar's node-types, as far as read here. */
interface NodeTypeInfo {
  type: string;
  subtypes?: { type: string }[];
  fields?: Record<string, { types: { type: string }[] }>;
}

function fieldTypesByParent(infos: NodeTypeInfo[]): Map<string, ReadonlySet<string>> {
  const subtypes = new Map(
    infos.filter((info) => info.subtypes !== undefined).map((info) => [info.type, info.subtypes!]),
  );
  const result = new Map<string, ReadonlySet<string>>();
  for (const info of infos) {
    if (info.fields === undefined) continue;
    const types = new Set<string>();
    const pending = Object.values(info.fields).flatMap((field) => field.types.map((t) => t.type));
    while (pending.length > 0) {
      const type = pending.pop()!;
      if (types.has(type)) continue;
      types.add(type);
      pending.push(...(subtypes.get(type) ?? []).map((t) => t.type));
    }
    result.set(info.type, types);
  }
  return result;
}

/** The current node's type id, registering its name, named-ness and skippability on first sight. */
function typeIdOf(cursor: Parser.TreeCursor): number {
  const typeId = cursor.nodeTypeId;
  if (typeNames[typeId] === undefined) {
    const type = cursor.nodeType;
    const named = cursor.nodeIsNamed;
    typeNames[typeId] = type;
    typeIsNamed[typeId] = named;
    extraTypes[typeId] = EXTRAS.has(type);
    commentTypes[typeId] = type === 'comment';
    unreadTypes[typeId] = named ? NAMED_SKIPPED_WHEN_VALID.has(type) : SKIPPED_WHEN_VALID.has(type);
    leafTypes[typeId] = !named || NAMED_TOKENS.has(type);
    fieldTypesOf[typeId] = (named && FIELD_TYPES.get(type)) || NO_FIELD_TYPES;
  }
  return typeId;
}

/** The current node's field name, or null. */
function fieldOf(cursor: Parser.TreeCursor): string | null {
  const fieldId = cursor.currentFieldId;
  if (fieldId === 0 || fieldId === undefined) return null;
  let name = fieldNames[fieldId];
  if (name === undefined) {
    name = cursor.currentFieldName ?? null;
    fieldNames[fieldId] = name;
  }
  return name;
}

/** The current node, without its children. */
function copyCurrent(
  cursor: Parser.TreeCursor,
  source: string,
  typeId: number,
  field: string | null,
  checkMissing: boolean,
): CstNode {
  const type = typeNames[typeId]!;
  const named = typeIsNamed[typeId]!;
  const start = cursor.startIndex;
  const missing = checkMissing ? cursor.nodeIsMissing : false;
  let end: number;
  if (missing) end = cursor.endIndex;
  else if (named) {
    // A fifth of all nodes are identifiers, nearly all ASCII: their end is read off the source.
    end = type === 'identifier' ? asciiIdentifierEnd(source, start) : -1;
    if (end === -1) end = cursor.endIndex;
  } else {
    // An anonymous token's text is its type (`def`, `(`, `+=`), so its end needs no native call; the aliases
    // `not in` and `is not` may hold any whitespace, and a MISSING token is empty.
    end = type.includes(' ') ? cursor.endIndex : start + type.length;
  }
  return { type, field, named, missing, start, end, children: NO_CHILDREN };
}

/**
 * The end of the identifier starting at `start`, found by scanning ASCII letters, digits and '_', or -1 when it
 * meets a non-ASCII character (which may continue the identifier: tree-sitter then knows best).
 */
function asciiIdentifierEnd(source: string, start: number): number {
  let i = start + 1;
  for (; i < source.length; i++) {
    const c = source.charCodeAt(i);
    const letterOrDigit =
      (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
    if (letterOrDigit) continue;
    return c < 0x80 ? i : -1;
  }
  return i;
}
