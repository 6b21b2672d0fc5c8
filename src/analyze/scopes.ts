// Python scopes and bindings, and where each binding is declared in the TypeScript.
//
// Python decides locality per function: a name stored anywhere in a function body is local to the whole body
// (unless declared `global`/`nonlocal`). TypeScript's `let` is block-scoped, so each binding is declared in the
// smallest block that encloses every reference to it: at its first assignment when that assignment is a statement
// of that block and precedes every read (`const` when it is the only assignment), else hoisted to the block's start.
import type * as ast from '../parse/ast.js';
import { UNKNOWN, type PyType } from './types.js';

export type ScopeKind = 'module' | 'function' | 'class' | 'lambda' | 'comprehension';

export type BindingKind = 'param' | 'variable' | 'function' | 'class' | 'import' | 'except';

export interface Binding {
  name: string;
  scope: Scope;
  kind: BindingKind;
  /** every Name/Identifier that stores to it, in source order */
  stores: Ref[];
  loads: Ref[];
  /** true when a nested function assigns it through `nonlocal` or `global` */
  assignedFromInside: boolean;
  /** filled by declare(): how and where the TS declaration goes */
  declaration: Declaration;
  type: PyType;
}

/** A reference, with the chain of statement blocks leading to it inside its binding's scope. */
export interface Ref {
  node: ast.Name | ast.Identifier | ast.Arg;
  path: BlockStep[];
  /** the statement that performs the store (Assign, For, With…), for stores */
  statement: ast.Stmt | null;
  /** true when the reference is inside a nested function: it runs later, so it does not order declarations */
  fromNested?: boolean;
}

export interface BlockStep {
  block: readonly ast.Stmt[];
  index: number;
}

export type Declaration =
  /** declared where it is first stored: `const x = …` / `let x = …` / `for (const x of …)` */
  | { at: 'store'; keyword: 'const' | 'let'; node: Ref['node'] }
  /** `let x: T;` at the start of `block` */
  | { at: 'hoist'; block: readonly ast.Stmt[] }
  /** declared by its own statement or by the language: parameters, def, class, import, except */
  | { at: 'self' }
  /** not yet decided */
  | { at: 'none' };

export interface Scope {
  kind: ScopeKind;
  node:
    | ast.Module
    | ast.FunctionDef
    | ast.ClassDef
    | ast.Lambda
    | ast.ListComp
    | ast.SetComp
    | ast.DictComp
    | ast.GeneratorExp;
  parent: Scope | null;
  bindings: Map<string, Binding>;
  globals: Set<string>;
  nonlocals: Set<string>;
  /** the block of statements of this scope (empty for lambdas and comprehensions) */
  body: readonly ast.Stmt[];
}

export interface ScopeTable {
  module: Scope;
  scopeOf: Map<ast.Node, Scope>;
  /** the binding each Name (load or store) resolves to; absent for builtins and undefined names */
  resolved: Map<ast.Name | ast.Identifier | ast.Arg, Binding>;
  /** blocks whose start must declare these hoisted bindings */
  hoisted: Map<readonly ast.Stmt[], Binding[]>;
}

/** Build every scope of a module and decide where each binding is declared. */
export function buildScopes(module: ast.Module): ScopeTable {
  const table: ScopeTable = {
    module: null as unknown as Scope,
    scopeOf: new Map(),
    resolved: new Map(),
    hoisted: new Map(),
  };
  const builder = new ScopeBuilder(table);
  table.module = builder.buildModule(module);
  builder.resolveAll();
  for (const scope of table.scopeOf.values()) declareBindings(scope, table);
  return table;
}

interface PendingLoad {
  node: ast.Name;
  scope: Scope;
  path: BlockStep[];
  /** for stores through `global`/`nonlocal`: the storing statement */
  statement: ast.Stmt | null;
}

class ScopeBuilder {
  private pendingLoads: PendingLoad[] = [];
  private globalsCalls: PendingLoad[] = [];
  /** nested scopes with the path of the statement that contains them in their parent scope */
  private nestedAt = new Map<Scope, BlockStep[]>();
  private path: BlockStep[] = [];
  private scope!: Scope;
  private statement: ast.Stmt | null = null;

  constructor(private table: ScopeTable) {}

  buildModule(module: ast.Module): Scope {
    const scope = this.newScope('module', module, null, module.body);
    this.inScope(scope, [], () => this.visitBlock(module.body));
    return scope;
  }

  private newScope(kind: ScopeKind, node: Scope['node'], parent: Scope | null, body: readonly ast.Stmt[]): Scope {
    const scope: Scope = { kind, node, parent, bindings: new Map(), globals: new Set(), nonlocals: new Set(), body };
    this.table.scopeOf.set(node, scope);
    return scope;
  }

  private inScope(scope: Scope, path: BlockStep[], fn: () => void): void {
    const saved = { scope: this.scope, path: this.path, statement: this.statement };
    if (saved.scope) this.nestedAt.set(scope, [...saved.path]);
    this.scope = scope;
    this.path = path;
    fn();
    this.scope = saved.scope;
    this.path = saved.path;
    this.statement = saved.statement;
  }

  private bind(name: string, kind: BindingKind, node: Ref['node'], statement: ast.Stmt | null): void {
    const scope = this.scope;
    if (scope.globals.has(name) || scope.nonlocals.has(name)) {
      // resolved later to the outer binding; remember it as a store from inside
      this.pendingLoads.push({ node: node as ast.Name, scope, path: [...this.path], statement });
      return;
    }
    let binding = scope.bindings.get(name);
    if (!binding) {
      binding = {
        name,
        scope,
        kind,
        stores: [],
        loads: [],
        assignedFromInside: false,
        declaration: { at: 'none' },
        type: UNKNOWN,
      };
      scope.bindings.set(name, binding);
    } else if (kind !== 'variable' && kind !== 'except' && binding.kind === 'variable') {
      binding.kind = kind;
    } else if (kind === 'variable' && binding.kind === 'except') {
      // `except E as e` and `e = …` in one scope: one variable, declared like any other (the handler's `catch (e)`
      // shadows it, as Python unbinds `e` after the handler)
      binding.kind = 'variable';
    }
    binding.stores.push({ node, path: [...this.path], statement });
    this.table.resolved.set(node, binding);
  }

  private visitBlock(block: readonly ast.Stmt[]): void {
    block.forEach((stmt, index) => {
      this.path.push({ block, index });
      const saved = this.statement;
      this.statement = stmt;
      this.visitStmt(stmt);
      this.statement = saved;
      this.path.pop();
    });
  }

  private visitStmt(s: ast.Stmt): void {
    switch (s.kind) {
      case 'FunctionDef': {
        s.decorators.forEach((d) => this.visitExpr(d));
        this.visitDefaults(s.args);
        this.visitAnnotations(s.args, s.returns);
        this.bind(s.name.id, 'function', s.name, s);
        const fn = this.newScope('function', s, this.scope, s.body);
        this.inScope(fn, [], () => {
          this.declareGlobals(s.body);
          for (const a of allArgs(s.args)) this.bind(a.arg, 'param', a, null);
          this.visitBlock(s.body);
        });
        return;
      }
      case 'ClassDef': {
        s.decorators.forEach((d) => this.visitExpr(d));
        s.bases.forEach((b) => this.visitExpr(b));
        s.keywords.forEach((k) => this.visitExpr(k.value));
        this.bind(s.name.id, 'class', s.name, s);
        const cls = this.newScope('class', s, this.scope, s.body);
        this.inScope(cls, [], () => this.visitBlock(s.body));
        return;
      }
      case 'Return':
        if (s.value) this.visitExpr(s.value);
        return;
      case 'Delete':
        // `del x` unbinds x: for declarations it counts as one more assignment (of nothing)
        s.targets.forEach((t) => (t.kind === 'Name' ? this.bind(t.id, 'variable', t, s) : this.visitExpr(t)));
        return;
      case 'Assign':
        this.visitExpr(s.value);
        s.targets.forEach((t) => this.visitTarget(t));
        return;
      case 'AugAssign':
        this.visitExpr(s.value);
        this.visitExpr(asLoad(s.target));
        this.visitTarget(s.target);
        return;
      case 'AnnAssign':
        if (this.scope.kind !== 'class') this.visitExpr(s.annotation);
        if (s.value) this.visitExpr(s.value);
        if (s.value || s.target.kind === 'Name') this.visitTarget(s.target);
        return;
      case 'For':
        this.visitExpr(s.iter);
        this.visitTarget(s.target);
        this.visitBlock(s.body);
        this.visitBlock(s.orelse);
        return;
      case 'While':
        this.visitExpr(s.test);
        this.visitBlock(s.body);
        this.visitBlock(s.orelse);
        return;
      case 'If':
        this.visitExpr(s.test);
        this.visitBlock(s.body);
        this.visitBlock(s.orelse);
        return;
      case 'With':
        for (const item of s.items) {
          this.visitExpr(item.contextExpr);
          if (item.optionalVars) this.visitTarget(item.optionalVars);
        }
        this.visitBlock(s.body);
        return;
      case 'Match':
        this.visitExpr(s.subject);
        for (const c of s.cases) {
          this.visitPattern(c.pattern);
          if (c.guard) this.visitExpr(c.guard);
          this.visitBlock(c.body);
        }
        return;
      case 'Raise':
        if (s.exc) this.visitExpr(s.exc);
        if (s.cause) this.visitExpr(s.cause);
        return;
      case 'Try':
        this.visitBlock(s.body);
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(h.type);
          if (h.name) this.bind(h.name.id, 'except', h.name, s);
          this.visitBlock(h.body);
        }
        this.visitBlock(s.orelse);
        this.visitBlock(s.finalbody);
        return;
      case 'Assert':
        this.visitExpr(s.test);
        if (s.msg) this.visitExpr(s.msg);
        return;
      case 'Import':
        for (const a of s.names) {
          const local = a.asname ? a.asname : null;
          if (local) this.bind(local.id, 'import', local, s);
          else
            this.bind(
              a.name.split('.')[0]!,
              'import',
              { kind: 'Identifier', id: a.name.split('.')[0]!, range: a.range },
              s,
            );
        }
        return;
      case 'ImportFrom':
        for (const a of s.names) {
          if (a.name === '*') continue;
          const id = a.asname ?? { kind: 'Identifier' as const, id: a.name, range: a.range };
          this.bind(id.id, 'import', id, s);
        }
        return;
      case 'Global':
      case 'Nonlocal':
        return;
      case 'ExprStmt':
        this.visitExpr(s.value);
        return;
      case 'Pass':
      case 'Break':
      case 'Continue':
        return;
    }
  }

  /** `global`/`nonlocal` apply to the whole function body, wherever they are written. */
  private declareGlobals(body: readonly ast.Stmt[]): void {
    const visit = (block: readonly ast.Stmt[]) => {
      for (const s of block) {
        if (s.kind === 'Global') s.names.forEach((n) => this.scope.globals.add(n.id));
        else if (s.kind === 'Nonlocal') s.names.forEach((n) => this.scope.nonlocals.add(n.id));
        else if (s.kind === 'If' || s.kind === 'While' || s.kind === 'For') {
          visit(s.body);
          visit(s.orelse);
        } else if (s.kind === 'With') visit(s.body);
        else if (s.kind === 'Try') {
          visit(s.body);
          s.handlers.forEach((h) => visit(h.body));
          visit(s.orelse);
          visit(s.finalbody);
        }
      }
    };
    visit(body);
  }

  private visitDefaults(args: ast.Arguments): void {
    args.defaults.forEach((d) => this.visitExpr(d));
    args.kwDefaults.forEach((d) => d && this.visitExpr(d));
  }

  private visitAnnotations(args: ast.Arguments, returns: ast.Expr | null): void {
    for (const a of allArgs(args)) if (a.annotation) this.visitExpr(a.annotation);
    if (returns) this.visitExpr(returns);
  }

  private visitTarget(t: ast.Expr): void {
    switch (t.kind) {
      case 'Name':
        this.bind(t.id, 'variable', t, this.statement);
        return;
      case 'Tuple':
      case 'List':
        t.elts.forEach((e) => this.visitTarget(e));
        return;
      case 'Starred':
        this.visitTarget(t.value);
        return;
      default:
        this.visitExpr(t);
    }
  }

  private visitPattern(p: ast.Pattern): void {
    switch (p.kind) {
      case 'MatchValue':
        this.visitExpr(p.value);
        return;
      case 'MatchSingleton':
        return;
      case 'MatchSequence':
      case 'MatchOr':
        p.patterns.forEach((q) => this.visitPattern(q));
        return;
      case 'MatchMapping':
        p.keys.forEach((k) => this.visitExpr(k));
        p.patterns.forEach((q) => this.visitPattern(q));
        if (p.rest) this.bind(p.rest.id, 'variable', p.rest, this.statement);
        return;
      case 'MatchClass':
        this.visitExpr(p.cls);
        p.patterns.forEach((q) => this.visitPattern(q));
        p.kwdPatterns.forEach((q) => this.visitPattern(q));
        return;
      case 'MatchStar':
        if (p.name) this.bind(p.name.id, 'variable', p.name, this.statement);
        return;
      case 'MatchAs':
        if (p.pattern) this.visitPattern(p.pattern);
        if (p.name) this.bind(p.name.id, 'variable', p.name, this.statement);
        return;
    }
  }

  private readonly visitChild = (e: ast.Expr): void => this.visitExpr(e);

  private visitExpr(e: ast.Expr): void {
    switch (e.kind) {
      case 'Name':
        if (e.ctx === 'Load' || e.ctx === 'Del')
          this.pendingLoads.push({ node: e, scope: this.scope, path: [...this.path], statement: null });
        else this.visitTarget(e);
        return;
      case 'Lambda': {
        this.visitDefaults(e.args);
        const scope = this.newScope('lambda', e, this.scope, []);
        this.inScope(scope, [], () => {
          for (const a of allArgs(e.args)) this.bind(a.arg, 'param', a, null);
          this.visitExpr(e.body);
        });
        return;
      }
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
      case 'DictComp': {
        // the first iterable is evaluated in the enclosing scope, everything else in the comprehension's own
        const first = e.generators[0];
        if (first) this.visitExpr(first.iter);
        const scope = this.newScope('comprehension', e, this.scope, []);
        this.inScope(scope, [...this.path], () => {
          e.generators.forEach((g, i) => {
            if (i > 0) this.visitExpr(g.iter);
            this.visitTarget(g.target);
            g.ifs.forEach((c) => this.visitExpr(c));
          });
          if (e.kind === 'DictComp') {
            this.visitExpr(e.key);
            this.visitExpr(e.value);
          } else this.visitExpr(e.elt);
        });
        return;
      }
      case 'Call':
        // `globals()` reads every module variable (resolveAll adds the references once all are known)
        if (e.func.kind === 'Name' && e.func.id === 'globals' && e.args.length === 0) {
          this.globalsCalls.push({ node: e.func, scope: this.scope, path: [...this.path], statement: null });
        }
        forEachChildExpr(e, this.visitChild);
        return;
      case 'NamedExpr': {
        // `:=` binds in the nearest enclosing non-comprehension scope
        this.visitExpr(e.value);
        let target = this.scope;
        while (target.kind === 'comprehension' && target.parent) target = target.parent;
        const saved = this.scope;
        this.scope = target;
        this.bind(e.target.id, 'variable', e.target, this.statement);
        this.scope = saved;
        return;
      }
      default:
        forEachChildExpr(e, this.visitChild);
    }
  }

  /** Resolve loads after all stores are known (a function may read a module name assigned after it). */
  resolveAll(): void {
    // `global x` then `x = …` in a function creates the module-level name, for every reader of it
    for (const load of this.pendingLoads) {
      const name = load.node.id;
      if (load.node.ctx === 'Store' && load.scope.globals.has(name) && !this.table.module.bindings.has(name))
        this.moduleBinding(name);
    }
    for (const load of this.pendingLoads) {
      const binding = this.lookup(load.node.id, load.scope);
      if (!binding) continue;
      this.table.resolved.set(load.node, binding);
      // seen from the binding's scope, a reference inside a nested scope sits at the nested scope's statement
      let path = load.path;
      let scope: Scope | null = load.scope;
      let fromNested = false;
      while (scope && scope !== binding.scope) {
        if (scope.kind === 'function' || scope.kind === 'lambda') fromNested = true;
        path = this.nestedAt.get(scope) ?? path;
        scope = scope.parent;
      }
      const ref: Ref = { node: load.node, path, statement: load.statement, fromNested };
      if (load.node.ctx === 'Store') {
        binding.assignedFromInside = true;
        binding.stores.push(ref);
      } else binding.loads.push(ref);
    }
    for (const call of this.globalsCalls) {
      if (this.lookup('globals', call.scope)) continue;
      const { path, fromNested } = this.pathInModule(call);
      for (const binding of this.table.module.bindings.values()) {
        binding.loads.push({ node: call.node, path, statement: null, fromNested });
      }
    }
  }

  /** Where a reference made in a nested scope sits, seen from the module. */
  private pathInModule(load: PendingLoad): { path: BlockStep[]; fromNested: boolean } {
    let path = load.path;
    let fromNested = false;
    for (let scope: Scope | null = load.scope; scope && scope !== this.table.module; scope = scope.parent) {
      if (scope.kind === 'function' || scope.kind === 'lambda') fromNested = true;
      path = this.nestedAt.get(scope) ?? path;
    }
    return { path, fromNested };
  }

  private moduleBinding(name: string): Binding {
    const module = this.table.module;
    const binding: Binding = {
      name,
      scope: module,
      kind: 'variable',
      stores: [],
      loads: [],
      assignedFromInside: true,
      declaration: { at: 'none' },
      type: UNKNOWN,
    };
    module.bindings.set(name, binding);
    return binding;
  }

  private lookup(name: string, from: Scope): Binding | null {
    if (from.globals.has(name)) return this.table.module.bindings.get(name) ?? null;
    let scope: Scope | null = from;
    let first = true;
    while (scope) {
      // class bodies are not visible from the functions nested in them
      if (scope.kind !== 'class' || first) {
        if (!(first && scope.nonlocals.has(name))) {
          const b = scope.bindings.get(name);
          if (b) return b;
        }
      }
      first = false;
      scope = scope.parent;
    }
    return null;
  }
}

/** Decide, for each binding of `scope`, where its TypeScript declaration goes. */
function declareBindings(scope: Scope, table: ScopeTable): void {
  if (scope.kind === 'class') return;
  for (const b of scope.bindings.values()) {
    if (b.kind === 'function' && !definedOnceWhereUsed(b)) {
      // a `def` inside an `if`/`try`/loop, or defined twice: a JS function declaration in a block is scoped to
      // that block, where Python's function is a variable of the whole scope
      b.declaration = { at: 'hoist', block: b.scope.body };
      const list = table.hoisted.get(b.scope.body) ?? [];
      list.push(b);
      table.hoisted.set(b.scope.body, list);
      continue;
    }
    if (b.kind !== 'variable') {
      b.declaration = { at: 'self' };
      continue;
    }
    if (scope.kind === 'lambda' || scope.kind === 'comprehension') {
      b.declaration = { at: 'self' };
      continue;
    }
    b.declaration = placeDeclaration(b);
    if (b.declaration.at === 'hoist') {
      const list = table.hoisted.get(b.declaration.block) ?? [];
      list.push(b);
      table.hoisted.set(b.declaration.block, list);
    }
  }
}

/** Defined once, and used only inside the block that defines it (a JS block's function declaration serves). */
function definedOnceWhereUsed(b: Binding): boolean {
  const [only, ...more] = b.stores;
  if (only === undefined || more.length) return false;
  const depth = only.path.length - 1;
  return b.loads.every(
    (l) =>
      l.path.length > depth &&
      only.path.every((step, i) => step.block === l.path[i]!.block && (i === depth || step.index === l.path[i]!.index)),
  );
}

function placeDeclaration(b: Binding): Declaration {
  const refs = [...b.stores, ...b.loads];
  // Python has one variable per function, JS a fresh `let` per loop iteration: a variable that a nested function
  // captures and that is assigned inside a loop must be declared once, outside every loop, or the closures would
  // each see their own iteration's value (Python's closures all see the last one).
  if (refs.some((r) => r.fromNested) && b.stores.some((r) => r.path.some((step) => isLoop(step.block[step.index])))) {
    return { at: 'hoist', block: b.scope.body };
  }
  // the deepest block shared by every reference: descend while all sit in the same statement and the same
  // block of it (an `if` body and its `else` are different blocks)
  const head = refs[0]!.path;
  let depth = 0;
  while (
    refs.every(
      (r) =>
        r.path.length > depth + 1 &&
        r.path[depth]!.index === head[depth]!.index &&
        r.path[depth + 1]!.block === head[depth + 1]!.block,
    )
  ) {
    depth++;
  }
  const block = refs[0]!.path[depth]?.block ?? b.scope.body;
  const indexIn = (r: Ref) => r.path[depth]?.index ?? -1;
  const stores = b.stores;
  const local = stores.filter((s) => !s.fromNested);
  if (local.length === 0) return { at: 'hoist', block };
  const first = local.reduce((a, s) => (indexIn(s) < indexIn(a) ? s : a), local[0]!);
  const firstIndex = indexIn(first);
  const directStore =
    first.path.length === depth + 1 && first.statement !== null && block[firstIndex] === first.statement;
  if (directStore && first.statement!.kind === 'For') {
    // `for (const x of …)`: the loop variable is only used in the loop body
    const loop = first.statement as ast.For;
    const inBody = (r: Ref) => r.path[depth]?.index === firstIndex && r.path[depth + 1]?.block === loop.body;
    if (b.loads.every(inBody) && stores.every((s) => s === first || inBody(s))) {
      return { at: 'store', keyword: stores.length === 1 ? 'const' : 'let', node: first.node };
    }
    return { at: 'hoist', block };
  }
  const simpleAssignment = first.statement?.kind === 'Assign' || first.statement?.kind === 'AnnAssign';
  const readsBefore = b.loads.some((l) => !l.fromNested && indexIn(l) <= firstIndex);
  const storedInSameStatementTwice = stores.filter((s) => s.statement === first.statement).length > 1;
  if (directStore && simpleAssignment && !readsBefore && !storedInSameStatementTwice && chainedOnce(first.statement!)) {
    const onlyOne = stores.length === 1;
    return { at: 'store', keyword: onlyOne ? 'const' : 'let', node: first.node };
  }
  return { at: 'hoist', block };
}

function isLoop(s: ast.Stmt | undefined): boolean {
  return s?.kind === 'For' || s?.kind === 'While';
}

/** `a = b = 1` stores twice in one statement; declaring at it would need two declarations. */
function chainedOnce(s: ast.Stmt): boolean {
  return s.kind !== 'Assign' || s.targets.length === 1;
}

function asLoad(t: ast.Expr): ast.Expr {
  return t.kind === 'Name' ? { ...t, ctx: 'Load' } : t;
}

export function allArgs(a: ast.Arguments): ast.Arg[] {
  return [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
}

/** The direct sub-expressions of an expression (not entering nested scopes' own rules). */
/** Calls `visit` on each subexpression of `e` (a dict's keys before its values), without building a list. */
function forEachChildExpr(e: ast.Expr, visit: (child: ast.Expr) => void): void {
  switch (e.kind) {
    case 'BoolOp':
    case 'JoinedStr':
      for (const v of e.values) visit(v);
      return;
    case 'NamedExpr':
    case 'Await':
    case 'YieldFrom':
    case 'Attribute':
    case 'Starred':
      return visit(e.value);
    case 'BinOp':
      visit(e.left);
      visit(e.right);
      return;
    case 'UnaryOp':
      return visit(e.operand);
    case 'Lambda':
      return visit(e.body);
    case 'IfExp':
      visit(e.test);
      visit(e.body);
      visit(e.orelse);
      return;
    case 'Dict':
      for (const k of e.keys) if (k !== null) visit(k);
      for (const v of e.values) visit(v);
      return;
    case 'Set':
    case 'List':
    case 'Tuple':
      for (const x of e.elts) visit(x);
      return;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      visit(e.elt);
      return visitGenerators(e.generators, visit);
    case 'DictComp':
      visit(e.key);
      visit(e.value);
      return visitGenerators(e.generators, visit);
    case 'Yield':
      if (e.value) visit(e.value);
      return;
    case 'Compare':
      visit(e.left);
      for (const c of e.comparators) visit(c);
      return;
    case 'Call':
      visit(e.func);
      for (const a of e.args) visit(a);
      for (const k of e.keywords) visit(k.value);
      return;
    case 'FormattedValue':
      visit(e.value);
      if (e.formatSpec) visit(e.formatSpec);
      return;
    case 'Constant':
    case 'Name':
      return;
    case 'Subscript':
      visit(e.value);
      visit(e.slice);
      return;
    case 'Slice':
      if (e.lower) visit(e.lower);
      if (e.upper) visit(e.upper);
      if (e.step) visit(e.step);
      return;
  }
}

function visitGenerators(generators: readonly ast.Comprehension[], visit: (e: ast.Expr) => void): void {
  for (const g of generators) {
    visit(g.target);
    visit(g.iter);
    for (const c of g.ifs) visit(c);
  }
}

/**
 * True when this read of a function's local variable runs before any assignment to it can have run: it comes before
 * every statement that stores the variable and no loop around it stores it. CPython raises UnboundLocalError there.
 * (Reads that are unbound only on some paths are not detected.)
 */
export function readsUnbound(b: Binding, node: ast.Name): boolean {
  if (b.kind !== 'variable' || b.scope.kind !== 'function' || b.assignedFromInside) return false;
  const load = b.loads.find((r) => r.node === node);
  if (!load || load.fromNested || b.stores.some((s) => s.fromNested || !s.statement)) return false;
  const before = (a: ast.Position, z: ast.Position) => a.line < z.line || (a.line === z.line && a.col < z.col);
  if (!b.stores.every((s) => before(node.range.end, s.statement!.range.start))) return false;
  return !load.path.some(
    (step, depth) =>
      isLoop(step.block[step.index]) &&
      b.stores.some((s) => s.path[depth]?.block === step.block && s.path[depth]?.index === step.index),
  );
}
