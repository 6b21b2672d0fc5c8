// The typed Python tree every later stage reads. Node and field names follow CPython's `ast` module (3.11)
// so a reader can check them against https://docs.python.org/3.11/library/ast.html; tree-sitter's own names
// never leave parse/.

/** A position in the source: `line` is 1-based, `col` is 0-based and counts Unicode code points. */
export interface Position {
  line: number;
  col: number;
}

export interface Range {
  start: Position;
  end: Position;
}

interface NodeBase {
  range: Range;
}

// ---------------------------------------------------------------------------------------------- module

export interface Module extends NodeBase {
  kind: 'Module';
  body: Stmt[];
  /** the file's `# …` comments in source order (not part of CPython's ast; kept so the output can carry them) */
  comments: Comment[];
}

/** A `# …` comment: `text` is what follows the `#`, without the line end. */
export interface Comment {
  range: Range;
  text: string;
}

// ---------------------------------------------------------------------------------------------- statements

export type Stmt =
  | FunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | AugAssign
  | AnnAssign
  | For
  | While
  | If
  | With
  | Match
  | Raise
  | Try
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | ExprStmt
  | Pass
  | Break
  | Continue;

/** `def` and `async def` (ast's AsyncFunctionDef is FunctionDef with `isAsync`). */
export interface FunctionDef extends NodeBase {
  kind: 'FunctionDef';
  isAsync: boolean;
  name: Identifier;
  args: Arguments;
  body: Stmt[];
  decorators: Expr[];
  returns: Expr | null;
  /** The docstring, when the body starts with a string literal (it stays in `body` too). */
  docstring: string | null;
}

export interface ClassDef extends NodeBase {
  kind: 'ClassDef';
  name: Identifier;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorators: Expr[];
  docstring: string | null;
}

export interface Return extends NodeBase {
  kind: 'Return';
  value: Expr | null;
}

export interface Delete extends NodeBase {
  kind: 'Delete';
  targets: Expr[];
}

/** `a = b = value`: one target per `=`. */
export interface Assign extends NodeBase {
  kind: 'Assign';
  targets: Expr[];
  value: Expr;
}

export interface AugAssign extends NodeBase {
  kind: 'AugAssign';
  target: Expr;
  op: BinaryOperator;
  value: Expr;
}

export interface AnnAssign extends NodeBase {
  kind: 'AnnAssign';
  target: Expr;
  annotation: Expr;
  value: Expr | null;
}

/** `for` and `async for`. */
export interface For extends NodeBase {
  kind: 'For';
  isAsync: boolean;
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

export interface While extends NodeBase {
  kind: 'While';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

/** `elif` chains are nested Ifs in `orelse`, as in ast. */
export interface If extends NodeBase {
  kind: 'If';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

/** `with` and `async with`. */
export interface With extends NodeBase {
  kind: 'With';
  isAsync: boolean;
  items: WithItem[];
  body: Stmt[];
}

export interface WithItem extends NodeBase {
  kind: 'WithItem';
  contextExpr: Expr;
  optionalVars: Expr | null;
}

export interface Match extends NodeBase {
  kind: 'Match';
  subject: Expr;
  cases: MatchCase[];
}

export interface MatchCase extends NodeBase {
  kind: 'MatchCase';
  pattern: Pattern;
  guard: Expr | null;
  body: Stmt[];
}

export type Pattern =
  | MatchValue
  | MatchSingleton
  | MatchSequence
  | MatchMapping
  | MatchClass
  | MatchStar
  | MatchAs
  | MatchOr;

export interface MatchValue extends NodeBase {
  kind: 'MatchValue';
  value: Expr;
}
export interface MatchSingleton extends NodeBase {
  kind: 'MatchSingleton';
  value: true | false | null;
}
export interface MatchSequence extends NodeBase {
  kind: 'MatchSequence';
  patterns: Pattern[];
}
export interface MatchMapping extends NodeBase {
  kind: 'MatchMapping';
  keys: Expr[];
  patterns: Pattern[];
  rest: Identifier | null;
}
export interface MatchClass extends NodeBase {
  kind: 'MatchClass';
  cls: Expr;
  patterns: Pattern[];
  kwdAttrs: Identifier[];
  kwdPatterns: Pattern[];
}
/** `*rest` inside a sequence pattern; `name` null for `*_`. */
export interface MatchStar extends NodeBase {
  kind: 'MatchStar';
  name: Identifier | null;
}
/** `pattern as name`, a bare capture `name` (pattern null) or the wildcard `_` (both null). */
export interface MatchAs extends NodeBase {
  kind: 'MatchAs';
  pattern: Pattern | null;
  name: Identifier | null;
}
export interface MatchOr extends NodeBase {
  kind: 'MatchOr';
  patterns: Pattern[];
}

export interface Raise extends NodeBase {
  kind: 'Raise';
  exc: Expr | null;
  cause: Expr | null;
}

/** `try` and `try`/`except*` (ast's TryStar is Try with `isStar`). */
export interface Try extends NodeBase {
  kind: 'Try';
  isStar: boolean;
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}

export interface ExceptHandler extends NodeBase {
  kind: 'ExceptHandler';
  /** null for a bare `except:` */
  type: Expr | null;
  name: Identifier | null;
  body: Stmt[];
}

export interface Assert extends NodeBase {
  kind: 'Assert';
  test: Expr;
  msg: Expr | null;
}

export interface Import extends NodeBase {
  kind: 'Import';
  names: Alias[];
}

export interface ImportFrom extends NodeBase {
  kind: 'ImportFrom';
  /** null for `from . import x` */
  module: string | null;
  names: Alias[];
  /** number of leading dots */
  level: number;
}

/** `name as asname`; `name` may be dotted (`os.path`) or `*`. */
export interface Alias extends NodeBase {
  kind: 'Alias';
  name: string;
  asname: Identifier | null;
}

export interface Global extends NodeBase {
  kind: 'Global';
  names: Identifier[];
}

export interface Nonlocal extends NodeBase {
  kind: 'Nonlocal';
  names: Identifier[];
}

/** An expression used as a statement (ast's `Expr`, renamed so the union `Expr` can keep its name). */
export interface ExprStmt extends NodeBase {
  kind: 'ExprStmt';
  value: Expr;
}

export interface Pass extends NodeBase {
  kind: 'Pass';
}
export interface Break extends NodeBase {
  kind: 'Break';
}
export interface Continue extends NodeBase {
  kind: 'Continue';
}

// ---------------------------------------------------------------------------------------------- expressions

export type Expr =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | SetExpr
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Await
  | Yield
  | YieldFrom
  | Compare
  | Call
  | FormattedValue
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice;

export interface BoolOp extends NodeBase {
  kind: 'BoolOp';
  op: 'and' | 'or';
  values: Expr[];
}

export interface NamedExpr extends NodeBase {
  kind: 'NamedExpr';
  target: Name;
  value: Expr;
}

export type BinaryOperator = '+' | '-' | '*' | '@' | '/' | '//' | '%' | '**' | '<<' | '>>' | '|' | '^' | '&';

export interface BinOp extends NodeBase {
  kind: 'BinOp';
  left: Expr;
  op: BinaryOperator;
  right: Expr;
}

export interface UnaryOp extends NodeBase {
  kind: 'UnaryOp';
  op: 'not' | '-' | '+' | '~';
  operand: Expr;
}

export interface Lambda extends NodeBase {
  kind: 'Lambda';
  args: Arguments;
  body: Expr;
}

export interface IfExp extends NodeBase {
  kind: 'IfExp';
  test: Expr;
  body: Expr;
  orelse: Expr;
}

/** `{k: v, **other}`: a `**other` entry has key null. */
export interface Dict extends NodeBase {
  kind: 'Dict';
  keys: (Expr | null)[];
  values: Expr[];
}

/** A set display `{a, b}` (ast's `Set`; renamed to avoid the global `Set`). */
export interface SetExpr extends NodeBase {
  kind: 'Set';
  elts: Expr[];
}

export interface Comprehension extends NodeBase {
  kind: 'Comprehension';
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  isAsync: boolean;
}

export interface ListComp extends NodeBase {
  kind: 'ListComp';
  elt: Expr;
  generators: Comprehension[];
}
export interface SetComp extends NodeBase {
  kind: 'SetComp';
  elt: Expr;
  generators: Comprehension[];
}
export interface DictComp extends NodeBase {
  kind: 'DictComp';
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}
export interface GeneratorExp extends NodeBase {
  kind: 'GeneratorExp';
  elt: Expr;
  generators: Comprehension[];
}

export interface Await extends NodeBase {
  kind: 'Await';
  value: Expr;
}
export interface Yield extends NodeBase {
  kind: 'Yield';
  value: Expr | null;
}
export interface YieldFrom extends NodeBase {
  kind: 'YieldFrom';
  value: Expr;
}

export type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'is' | 'is not' | 'in' | 'not in';

/** `a < b <= c`: `ops.length === comparators.length`. */
export interface Compare extends NodeBase {
  kind: 'Compare';
  left: Expr;
  ops: CompareOperator[];
  comparators: Expr[];
}

/** Positional arguments may include `Starred` (`*xs`); `**kw` is a Keyword with `arg` null. */
export interface Call extends NodeBase {
  kind: 'Call';
  func: Expr;
  args: Expr[];
  keywords: Keyword[];
}

export interface Keyword extends NodeBase {
  kind: 'Keyword';
  /** null for `**mapping` */
  arg: Identifier | null;
  value: Expr;
}

/** One `{...}` of an f-string. `conversion` is 'r', 's', 'a' or null; `formatSpec` is itself a JoinedStr. */
export interface FormattedValue extends NodeBase {
  kind: 'FormattedValue';
  value: Expr;
  conversion: 'r' | 's' | 'a' | null;
  formatSpec: JoinedStr | null;
  /**
   * `f"{x=}"`: the literal text `x=` (with its spaces) that Python prints before the value. Unlike CPython's ast,
   * it is not also repeated as a Constant in the JoinedStr's values. With `=` and neither a conversion nor a
   * format spec, `conversion` is 'r', as in CPython.
   */
  debugText: string | null;
}

/** An f-string, or several adjacent string literals at least one of which is an f-string. */
export interface JoinedStr extends NodeBase {
  kind: 'JoinedStr';
  /** Constant (str) pieces and FormattedValues, in order, adjacent constants merged. */
  values: (Constant | FormattedValue)[];
}

export type ConstantValue =
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'complex'; imag: number }
  | { type: 'str'; value: string }
  | { type: 'bytes'; value: Uint8Array }
  | { type: 'bool'; value: boolean }
  | { type: 'None' }
  | { type: 'Ellipsis' };

/** Literals. Adjacent plain string literals are already concatenated. */
export interface Constant extends NodeBase {
  kind: 'Constant';
  value: ConstantValue;
}

export type ExprContext = 'Load' | 'Store' | 'Del';

export interface Attribute extends NodeBase {
  kind: 'Attribute';
  value: Expr;
  attr: Identifier;
  ctx: ExprContext;
}

export interface Subscript extends NodeBase {
  kind: 'Subscript';
  value: Expr;
  /** a Slice, a Tuple for `a[1, 2]` / `a[1:2, 3]`, or any expression */
  slice: Expr;
  ctx: ExprContext;
}

export interface Starred extends NodeBase {
  kind: 'Starred';
  value: Expr;
  ctx: ExprContext;
}

export interface Name extends NodeBase {
  kind: 'Name';
  id: string;
  ctx: ExprContext;
}

export interface List extends NodeBase {
  kind: 'List';
  elts: Expr[];
  ctx: ExprContext;
}

export interface Tuple extends NodeBase {
  kind: 'Tuple';
  elts: Expr[];
  ctx: ExprContext;
  /** true when written with parentheses; `for a, b in x` has none */
  parenthesized: boolean;
}

export interface Slice extends NodeBase {
  kind: 'Slice';
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}

// ---------------------------------------------------------------------------------------------- parameters

/** `def f(a, /, b=1, *args, c, d=2, **kw)`: defaults align with the END of posonlyargs+args, as in ast. */
export interface Arguments extends NodeBase {
  kind: 'Arguments';
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** one entry per kwonlyarg; null where it has no default */
  kwDefaults: (Expr | null)[];
  kwarg: Arg | null;
  defaults: Expr[];
}

export interface Arg extends NodeBase {
  kind: 'Arg';
  arg: string;
  annotation: Expr | null;
}

/** A bare name in a declaration position (function, class, parameter names…), with its range. */
export interface Identifier extends NodeBase {
  kind: 'Identifier';
  id: string;
}

export type Node =
  | Module
  | Stmt
  | Expr
  | ExceptHandler
  | WithItem
  | MatchCase
  | Pattern
  | Comprehension
  | Keyword
  | Alias
  | Arguments
  | Arg
  | Identifier;
