// Types from annotations, literals, call sites and the asyncio table. Deliberately simple: a forward reading of
// each binding's assignments, with parameter types taken from annotations, defaults or the arguments every call
// site passes. Where nothing is known the type is `unknown` (TypeScript `any`), never a guess.
import type * as ast from '../parse/ast.js';
import { isSummarisedGenerator, type ModuleSummary, type SummaryEntry } from '../parse/module-summary.js';
import { forEachChild } from '../parse/ast-children.js';
import {
  ASYNCIO_CLASS_ATTRIBUTES,
  ASYNCIO_MODULE,
  CLASS_METHOD_ALIASES,
  CLASS_ATTRIBUTES,
  CLASS_METHODS,
  FUTURE_METHODS,
  HANDLE_METHODS,
  LOOP_METHODS,
  TASK_METHODS,
  type AsyncioEntry,
} from '../asyncio-map/table.js';
import { allArgs, type Binding, type ScopeTable } from './scopes.js';
import {
  BOOL,
  BYTES,
  FLOAT,
  INT,
  NEVER,
  NONE,
  STR,
  UNKNOWN,
  coroutineOf,
  futureOf,
  iterationType,
  join,
  joinAll,
  joinElements,
  joinKinds,
  kindsOf,
  INT_OR_FLOAT,
  isKindCarryingNumber,
  isNumberType,
  listOf,
  runtimeType,
  taskOf,
  type FunctionSignature,
  type PyType,
} from './types.js';

/** What an imported name refers to. */
export interface ImportTarget {
  /** the Python module (`asyncio`, `time`, `./helper`…) */
  module: string;
  /** the imported member, or null for the module itself */
  member: string | null;
}

export interface FunctionInfo {
  node: ast.FunctionDef | ast.Lambda;
  isAsync: boolean;
  /** the body yields: calling it makes a generator (async generator when isAsync) */
  isGenerator: boolean;
  params: { arg: ast.Arg; type: PyType }[];
  returns: PyType;
  /** the enclosing class, for methods */
  classNode: ast.ClassDef | null;
}

const TYPING_MODULES: ReadonlySet<string> = new Set(['typing', 'typing_extensions']);

export class TypeInference {
  readonly imports = new Map<Binding, ImportTarget>();
  readonly functions = new Map<ast.FunctionDef | ast.Lambda, FunctionInfo>();
  /** the parameters of `functions`, by their Arg */
  private readonly params = new Map<ast.Arg, FunctionInfo['params'][number]>();
  /** type aliases whose meaning is being resolved (an alias naming itself resolves to nothing) */
  private readonly resolvingAliases = new Set<ast.Stmt>();
  /** classes of the module by name (the last definition wins, as at run time) */
  readonly classes = new Map<string, ast.ClassDef>();
  /** argument types seen at call sites of each function, per parameter */
  private callSiteArgs = new Map<FunctionInfo, PyType[][]>();
  /** argument types seen at calls of each dataclass of the program, per field */
  private dataclassArgs = new Map<string, Map<string, PyType[]>>();
  private cache = new Map<ast.Expr, PyType>();
  private computing = new Set<Binding>();
  private computingAttributes = new Set<string>();
  /** every call of the module with the functions and lambdas around it (outermost first), in tree order:
   *  collected by run()'s walk for all passes */
  private readonly callSites: { call: ast.Call; enclosing: readonly ast.Node[] }[] = [];
  private attributeSources = new Map<ast.ClassDef, Map<string, (ast.AnnAssign | ast.Assign | ast.FunctionDef)[]>>();
  /** set when a type was computed from a binding still being computed (NEVER stood in): not cacheable */
  private provisional = false;
  private bindingTypes = new Map<Binding, PyType>();

  /** classes imported from the program's other modules, by the name this module gives them (instance types name it) */
  readonly importedClasses = new Map<string, ast.ClassDef>();
  /** functions of the program's other modules, as call sites see them (parameters untyped) */
  private importedFunctions = new Map<ast.FunctionDef, FunctionInfo>();

  constructor(
    private scopes: ScopeTable,
    private moduleSummary: (name: string, level: number) => ModuleSummary | null = () => null,
  ) {}

  /** comprehension variables → the `for` clause that binds them */
  private comprehensionTargets = new Map<ast.Node, ast.Comprehension>();
  /** lists filled by `xs.append(v)`: the binding → the appended values */
  private appended = new Map<Binding, ast.Expr[]>();
  /** dicts given values after their creation (`d[k] = v`, `d.setdefault(k, v)`): the binding → the values */
  private dictStores = new Map<Binding, ast.Expr[]>();

  /** every name the module's Python uses (names, identifiers, parameters), collected by run()'s walk for analyze */
  readonly pythonNames = new Set<string>();

  /** Run the inference: a few passes so that call sites seen late refine parameter types. */
  run(module: ast.Module): void {
    this.collectImportsAndFunctions(module.body, null);
    // one walk over the module gathers what the passes below read
    const visit = (n: ast.Node, enclosing: readonly ast.Node[]): void => {
      this.collectFacts(n, enclosing);
      // a new list per function entered, shared by every call directly inside it
      forEachChild(n, visit, n.kind === 'FunctionDef' || n.kind === 'Lambda' ? [...enclosing, n] : enclosing);
    };
    visit(module, []);
    for (let pass = 0; pass < 3; pass++) {
      this.cache.clear();
      this.bindingTypes.clear();
      this.callSiteArgs.clear();
      this.dataclassArgs.clear();
      this.visitCalls();
      for (const info of this.functions.values()) this.refineFunction(info);
    }
    this.cache.clear();
    this.bindingTypes.clear();
  }

  /** The names `n` uses, the call it makes, the values it appends or stores into a dict. `enclosing`: the functions
   *  and lambdas around it, outermost first. */
  private collectFacts(n: ast.Node, enclosing: readonly ast.Node[]): void {
    switch (n.kind) {
      case 'Name':
      case 'Identifier':
        this.pythonNames.add(n.id);
        break;
      case 'Arg':
        this.pythonNames.add(n.arg);
        break;
      case 'Comprehension':
        walk(n.target, (t) => t.kind === 'Name' && this.comprehensionTargets.set(t, n));
        break;
      case 'Assign':
        for (const t of n.targets) if (t.kind === 'Subscript' && t.slice.kind !== 'Slice') this.recordDictStore(t.value, n.value);
        break;
      case 'Call':
        this.callSites.push({ call: n, enclosing });
        if (n.func.kind !== 'Attribute') break;
        if (n.func.attr.id === 'append' && n.func.value.kind === 'Name' && n.args.length === 1) {
          const b = this.bindingOf(n.func.value);
          if (b) addTo(this.appended, b, n.args[0]!);
        } else if (n.func.attr.id === 'setdefault' && n.args.length === 2) this.recordDictStore(n.func.value, n.args[1]!);
        break;
      default:
        break;
    }
  }

  /** `d[k] = value`, `d.setdefault(k, value)` */
  private recordDictStore(target: ast.Expr, value: ast.Expr): void {
    const b = target.kind === 'Name' ? this.bindingOf(target) : null;
    if (b) addTo(this.dictStores, b, value);
  }

  private collectImportsAndFunctions(body: readonly ast.Stmt[], classNode: ast.ClassDef | null): void {
    const visit = (stmts: readonly ast.Stmt[], cls: ast.ClassDef | null) => {
      for (const s of stmts) {
        switch (s.kind) {
          case 'Import':
            for (const a of s.names) {
              const local = a.asname?.id ?? a.name.split('.')[0]!;
              const b = this.bindingNamed(s, local);
              if (b) this.imports.set(b, { module: a.asname ? a.name : a.name.split('.')[0]!, member: null });
            }
            break;
          case 'ImportFrom':
            for (const a of s.names) {
              const b = this.bindingNamed(s, a.asname?.id ?? a.name);
              if (b) this.imports.set(b, { module: '.'.repeat(s.level) + (s.module ?? ''), member: a.name });
            }
            break;
          case 'FunctionDef': {
            const info: FunctionInfo = {
              node: s,
              isAsync: s.isAsync,
              isGenerator: containsYield(s.body),
              params: allArgs(s.args).map((arg) => ({ arg, type: UNKNOWN })),
              returns: UNKNOWN,
              classNode: cls,
            };
            this.addFunction(info);
            visit(s.body, null);
            break;
          }
          case 'ClassDef':
            this.classes.set(s.name.id, s);
            visit(s.body, s);
            break;
          case 'If':
          case 'While':
          case 'For':
            visit(s.body, cls);
            visit(s.orelse, cls);
            break;
          case 'With':
            visit(s.body, cls);
            break;
          case 'Try':
            visit(s.body, cls);
            s.handlers.forEach((h) => visit(h.body, cls));
            visit(s.orelse, cls);
            visit(s.finalbody, cls);
            break;
          default:
            break;
        }
      }
    };
    visit(body, classNode);
  }

  private addFunction(info: FunctionInfo): void {
    this.functions.set(info.node, info);
    for (const p of info.params) this.params.set(p.arg, p);
  }

  /** The binding an import statement creates for `name`. */
  bindingNamed(stmt: ast.Stmt, name: string): Binding | null {
    for (const [node, b] of this.scopes.resolved) {
      if (b.name === name && b.stores.some((r) => r.statement === stmt && r.node === node)) return b;
    }
    return null;
  }

  /** The binding of a Name, if it is not a builtin. */
  bindingOf(name: ast.Name | ast.Identifier | ast.Arg): Binding | null {
    return this.scopes.resolved.get(name) ?? null;
  }

  /** What a name imported from a module refers to (`asyncio`, `asyncio.sleep`…). */
  importOf(name: ast.Name): ImportTarget | null {
    const b = this.bindingOf(name);
    return b ? (this.imports.get(b) ?? null) : null;
  }

  /**
   * The function or class of another module of the program that a name imported from it (`from helpers import
   * work`) or a module attribute (`helpers.work`) names, from that module's summary; null for anything else.
   */
  importedDefinition(e: ast.Expr): SummaryEntry | null {
    if (e.kind === 'Name') {
      const imp = this.importOf(e);
      return imp?.member ? this.definitionIn(imp.module, imp.member) : null;
    }
    if (e.kind !== 'Attribute' || e.value.kind !== 'Name') return null;
    const imp = this.importOf(e.value);
    if (!imp) return null;
    // `import helpers` names the module itself; `from . import helpers` a submodule of the package
    const module = imp.member === null ? imp.module : /^\.+$/.test(imp.module) ? imp.module + imp.member : `${imp.module}.${imp.member}`;
    return this.definitionIn(module, e.attr.id);
  }

  /** `member` of the program's module `module` (written with its leading dots), from its summary. */
  private definitionIn(module: string, member: string): SummaryEntry | null {
    const level = /^\.*/.exec(module)![0].length;
    return this.moduleSummary(module.slice(level), level)?.names.get(member) ?? null;
  }

  /** What call sites need of a function of another module: its parameters (untyped) and its async-ness. */
  importedFunction(node: ast.FunctionDef, classNode: ast.ClassDef | null = null): FunctionInfo {
    let info = this.importedFunctions.get(node);
    if (!info) {
      info = {
        node,
        isAsync: node.isAsync,
        isGenerator: isSummarisedGenerator(node),
        params: allArgs(node.args).map((arg) => ({ arg, type: UNKNOWN })),
        returns: UNKNOWN,
        classNode,
      };
      this.importedFunctions.set(node, info);
    }
    return info;
  }

  /** The member of `typing` an expression names (`Literal`, or `typing.Literal`), else null. */
  typingName(e: ast.Expr): string | null {
    if (e.kind === 'Name') {
      const imp = this.importOf(e);
      return imp && TYPING_MODULES.has(imp.module) ? imp.member : null;
    }
    if (e.kind === 'Attribute' && e.value.kind === 'Name') {
      const imp = this.importOf(e.value);
      return imp && TYPING_MODULES.has(imp.module) && imp.member === null ? e.attr.id : null;
    }
    return null;
  }

  /** `class Movie(TypedDict)`: a dict at run time, typed as a dict of str to its fields' types. */
  typedDictType(className: string): PyType | null {
    const cls = this.classes.get(className);
    if (!cls?.bases.some((b) => this.typingName(b) === 'TypedDict')) return null;
    const fields = cls.body.flatMap((s) => (s.kind === 'AnnAssign' ? [this.typeOfAnnotation(s.annotation) ?? UNKNOWN] : []));
    return { k: 'dict', key: STR, value: joinAll(fields) ?? UNKNOWN };
  }

  /**
   * `Mode = Literal["r", "w"]`, `Pairs = list[tuple[int, int]]`: a module variable assigned once a subscripted
   * type. It is a TypeScript `type` (translate), and annotations naming it mean what it stands for.
   */
  isTypeAlias(s: ast.Stmt): s is ast.Assign {
    if (s.kind !== 'Assign' || s.targets.length !== 1 || s.targets[0]!.kind !== 'Name') return false;
    const b = this.bindingOf(s.targets[0]!);
    if (!b || b.scope !== this.scopes.module || b.stores.length !== 1) return false;
    const v = s.value;
    if (v.kind !== 'Subscript') return false;
    if (this.typingName(v.value) !== null) return true;
    return v.value.kind === 'Name' && !this.bindingOf(v.value) && ['list', 'dict', 'set', 'tuple', 'frozenset', 'type'].includes(v.value.id);
  }

  functionOfBinding(b: Binding): FunctionInfo | null {
    if (b.kind !== 'function') return null;
    const stmt = b.stores[b.stores.length - 1]?.statement;
    return stmt?.kind === 'FunctionDef' ? (this.functions.get(stmt) ?? null) : null;
  }

  /** The asyncio entry an expression names (`asyncio.sleep`, a `from asyncio import sleep` name, `asyncio.Task.all_tasks`). */
  asyncioEntryOf(e: ast.Expr): { name: string; entry: AsyncioEntry } | null {
    if (e.kind === 'Name') {
      const imp = this.importOf(e);
      if (imp?.module === 'asyncio' && imp.member) {
        const entry = ASYNCIO_MODULE[imp.member];
        return entry ? { name: imp.member, entry } : null;
      }
      return null;
    }
    if (e.kind === 'Attribute') {
      if (e.value.kind === 'Name' && this.isModule(e.value, 'asyncio')) {
        const entry = ASYNCIO_MODULE[e.attr.id];
        return entry ? { name: e.attr.id, entry } : null;
      }
      if (e.value.kind === 'Attribute' && e.value.value.kind === 'Name' && this.isModule(e.value.value, 'asyncio')) {
        const key = `${e.value.attr.id}.${e.attr.id}`;
        const entry = ASYNCIO_CLASS_ATTRIBUTES[key];
        return entry ? { name: key, entry } : null;
      }
    }
    return null;
  }

  /** The method entry for `receiver.name(...)` when the receiver is a loop, future, task or handle. */
  methodEntryOf(receiverType: PyType, name: string): AsyncioEntry | null {
    if (receiverType.k === 'runtime' && receiverType.ts === 'AbstractEventLoop') return LOOP_METHODS[name] ?? null;
    if (receiverType.k === 'task') return TASK_METHODS[name] ?? FUTURE_METHODS[name] ?? null;
    if (receiverType.k === 'future') return FUTURE_METHODS[name] ?? null;
    if (receiverType.k === 'runtime' && (receiverType.ts === 'Handle' || receiverType.ts === 'TimerHandle'))
      return HANDLE_METHODS[name] ?? null;
    if (receiverType.k === 'runtime' && receiverType.module === 'asyncio') {
      const cls = CLASS_METHOD_ALIASES[receiverType.ts] ?? receiverType.ts;
      return CLASS_METHODS[cls]?.[name] ?? null;
    }
    return null;
  }

  isModule(name: ast.Name, module: string): boolean {
    const imp = this.importOf(name);
    return imp !== null && imp.member === null && imp.module === module;
  }

  // ---------------------------------------------------------------------------------------------- bindings

  typeOfBinding(b: Binding): PyType {
    const cached = this.bindingTypes.get(b);
    if (cached) return cached;
    if (this.computing.has(b)) {
      this.provisional = true;
      return NEVER;
    }
    this.computing.add(b);
    let t: PyType;
    switch (b.kind) {
      case 'function': {
        const info = this.functionOfBinding(b);
        t = info ? { k: 'function', fn: this.signature(info) } : UNKNOWN;
        break;
      }
      case 'class':
        t = { k: 'class', name: b.name, ts: b.name };
        break;
      case 'import': {
        const imp = this.imports.get(b);
        t = imp && imp.member === null ? { k: 'module', name: imp.module } : UNKNOWN;
        if (imp?.module === 'asyncio' && imp.member) t = this.typeOfAsyncioName(imp.member);
        if (imp?.module === 'typing' && imp.member === 'TYPE_CHECKING') t = BOOL;
        const defined = imp?.member ? this.definitionIn(imp.module, imp.member) : null;
        // a decorated function may be replaced by anything: nothing is known of it
        if (defined?.kind === 'function' && !defined.node.decorators.length)
          t = { k: 'function', fn: this.signature(this.importedFunction(defined.node)) };
        if (defined?.kind === 'class') {
          t = { k: 'class', name: b.name, ts: b.name };
          this.importedClasses.set(b.name, defined.node);
        }
        break;
      }
      case 'param':
        t = this.paramType(b);
        break;
      case 'except':
        t = UNKNOWN;
        break;
      case 'variable': {
        // plain stores first; an augmented assignment (`x += 1`) then widens what they give
        const plain = b.stores.filter((s) => s.statement?.kind !== 'AugAssign' && s.statement?.kind !== 'Delete');
        const augmented = b.stores.filter((s) => s.statement?.kind === 'AugAssign');
        const types = plain.map((s) => this.storedType(s.node, s.statement));
        t = types.some((x) => x === null) ? UNKNOWN : types.length ? (types as PyType[]).reduce(joinKinds) : UNKNOWN;
        for (const s of augmented) {
          const aug = s.statement as ast.AugAssign;
          t = joinKinds(t, this.typeOfBinOp(t, aug.op, this.typeOf(aug.value)));
        }
        // `xs = []` then `xs.append(v)`: the element type is what is appended (each value keeps its kind, and a
        // list of numbers given numbers of another kind holds both: `[1]` then `append(2.0)`)
        const appended = this.appended.get(b);
        const numbers = (x: PyType) => isNumberType(x) || isKindCarryingNumber(x);
        if (t.k === 'list' && appended && (t.elt.k === 'unknown' || numbers(t.elt))) {
          const types = appended.map((v) => this.typeOf(v));
          if (t.elt.k !== 'unknown' && types.every(numbers)) types.push(t.elt);
          const elt = t.elt.k === 'unknown' || types.every(numbers) ? types.reduce(joinKinds) : null;
          if (elt && elt.k !== 'never') t = listOf(elt);
        }
        // `d = {"a": 1}` then `d["b"] = []`: the values are of either type (an empty dict stays untyped)
        const dictStores = this.dictStores.get(b);
        if (t.k === 'dict' && t.value.k !== 'unknown' && dictStores) {
          const value = [t.value, ...dictStores.map((v) => this.typeOf(v))].reduce(joinKinds);
          if (value && value.k !== 'never') t = { ...t, value };
        }
        break;
      }
    }
    this.computing.delete(b);
    if (t.k === 'never') t = UNKNOWN;
    // a type read while an outer binding was still open may be incomplete: cache only settled results
    if (this.computing.size === 0 || !this.provisional) this.bindingTypes.set(b, t);
    return t;
  }

  private paramType(b: Binding): PyType {
    const arg = b.stores[0]?.node as ast.Arg | undefined;
    if (!arg || arg.kind !== 'Arg') return UNKNOWN;
    return this.params.get(arg)?.type ?? UNKNOWN;
  }

  /** The type a store gives its target, or null when it cannot be known. */
  private storedType(target: ast.Name | ast.Identifier | ast.Arg, stmt: ast.Stmt | null): PyType | null {
    const comprehension = this.comprehensionTargets.get(target);
    if (comprehension)
      return this.typeAtTarget(comprehension.target, iterationType(this.typeOf(comprehension.iter)), target);
    if (!stmt) return null;
    switch (stmt.kind) {
      case 'Assign':
        for (const t of stmt.targets) {
          const found = this.typeAtTarget(t, this.typeOf(stmt.value), target);
          if (found) return found;
        }
        return null;
      case 'AnnAssign': {
        // `x: float = 3` holds an int: the annotation converts nothing (kindsOf)
        const annotated = this.typeOfAnnotation(stmt.annotation);
        if (annotated) return stmt.value ? kindsOf(annotated, this.typeOf(stmt.value)) : annotated;
        return stmt.value ? this.typeOf(stmt.value) : null;
      }
      case 'For': {
        const iterated = this.typeOf(stmt.iter);
        // `async for line in reader`: a StreamReader yields lines (bytes)
        const element =
          stmt.isAsync && iterated.k === 'runtime' && iterated.ts === 'StreamReader' ? BYTES : iterationType(iterated);
        return this.typeAtTarget(stmt.target, element, target);
      }
      case 'With':
        for (const item of stmt.items) {
          if (item.optionalVars !== target) continue;
          const manager = this.typeOf(item.contextExpr);
          // asyncio's context managers (Runner, TaskGroup, Lock…) return themselves from __enter__/__aenter__
          return manager.k === 'runtime' && manager.module === 'asyncio' ? manager : null;
        }
        return null;
      default:
        return null;
    }
  }

  /** Destructure `valueType` along `pattern` down to `target`. */
  private typeAtTarget(pattern: ast.Expr, valueType: PyType, target: ast.Node): PyType | null {
    if (pattern === target) return valueType;
    if (pattern.kind === 'Tuple' || pattern.kind === 'List') {
      for (let i = 0; i < pattern.elts.length; i++) {
        const elt = pattern.elts[i]!;
        let eltType: PyType = UNKNOWN;
        if (valueType.k === 'tuple') eltType = valueType.elts?.[i] ?? valueType.elt;
        else if (valueType.k === 'list') eltType = valueType.elt;
        const found =
          elt.kind === 'Starred'
            ? elt.value === target
              ? listOf(eltType)
              : null
            : this.typeAtTarget(elt, eltType, target);
        if (found) return found;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------- functions

  signature(info: FunctionInfo): FunctionSignature {
    const a = info.node.args;
    const positional = [...a.posonlyargs, ...a.args];
    const firstDefault = positional.length - a.defaults.length;
    const params = info.params
      .filter((p) => !a.kwonlyargs.includes(p.arg) && p.arg !== a.kwarg)
      .map((p) => ({
        name: p.arg.arg,
        type: p.type,
        optional: positional.indexOf(p.arg) >= firstDefault,
        rest: p.arg === a.vararg,
      }));
    return { isAsync: info.isAsync && !info.isGenerator, params, returns: info.returns };
  }

  private refineFunction(info: FunctionInfo): void {
    const node = info.node;
    const args = node.args;
    const positional = [...args.posonlyargs, ...args.args];
    const firstDefault = positional.length - args.defaults.length;
    const seen = this.callSiteArgs.get(info) ?? [];
    info.params.forEach((p, i) => {
      const annotated = p.arg.annotation ? this.typeOfAnnotation(p.arg.annotation) : null;
      if (annotated && (p.arg === args.vararg || p.arg === args.kwarg)) {
        p.type = annotated;
        return;
      }
      if (p.arg === args.vararg || p.arg === args.kwarg) {
        p.type = UNKNOWN;
        return;
      }
      const pos = positional.indexOf(p.arg);
      const defaultExpr = pos >= firstDefault && pos >= 0 ? args.defaults[pos - firstDefault] : undefined;
      const kwIndex = args.kwonlyargs.indexOf(p.arg);
      const kwDefault = kwIndex >= 0 ? args.kwDefaults[kwIndex] : null;
      const candidates: PyType[] = [];
      const d = defaultExpr ?? kwDefault;
      if (d) candidates.push(this.typeOf(d));
      for (const call of seen) if (call[i]) candidates.push(call[i]!);
      // a method's `self` is the instance of its class
      if (i === 0 && info.classNode && node.kind === 'FunctionDef' && !isStaticOrClassMethod(node)) {
        candidates.splice(0, candidates.length, {
          k: 'instance',
          name: info.classNode.name.id,
          ts: info.classNode.name.id,
        });
      }
      // each value keeps its kind: called with 1 and with 2.5, the parameter holds ints and floats
      const joined = candidates.length ? candidates.reduce(joinKinds) : null;
      if (annotated) {
        // the annotation gives the type, but converts nothing: `price: float` given 3 holds an int. With no call
        // in the program (a function only others call) the annotation decides.
        p.type = joined ? kindsOf(annotated, joined) : annotated;
        return;
      }
      // a parameter only ever seen as None (a default nobody overrides) says nothing useful about its type
      p.type = joined && joined.k !== 'None' ? joined : UNKNOWN;
    });
    if (node.kind === 'FunctionDef' && node.returns) {
      const annotated = this.typeOfAnnotation(node.returns) ?? UNKNOWN;
      // `-> float` returning an int returns an int (what the returns give, as for parameters)
      const returns = info.isGenerator ? [] : collectReturns(node.body).map((r) => (r.value ? this.typeOf(r.value) : NONE));
      info.returns = returns.length && !returns.some((t) => t.k === 'never') ? kindsOf(annotated, returns.reduce(joinKinds)) : annotated;
    } else if (node.kind === 'Lambda') {
      info.returns = this.typeOf(node.body);
    } else {
      // A recursive call gives this very return type: read it as `never` (nothing known yet) rather than unknown,
      // so that `return f(n - 1) + 1` settles on the other returns' type.
      if (info.returns.k === 'unknown') info.returns = NEVER;
      const returns = collectReturns(node.body);
      const types = returns.map((r) => (r.value ? this.typeOf(r.value) : NONE));
      if (!endsWithReturnOrRaise(node.body)) types.push(NONE);
      const joined = containsYield(node.body) ? UNKNOWN : (joinAll(types) ?? NONE);
      info.returns = joined.k === 'never' ? UNKNOWN : joined;
    }
  }

  private visitCalls(): void {
    for (const { call, enclosing } of this.callSites) {
      if (call.func.kind === 'Name') this.recordCallSite(call, call.func, enclosing);
      this.recordCallback(call);
    }
  }

  /**
   * `fut.add_done_callback(cb)`: the future is what `cb` will be called with; `asyncio.start_server(cb, …)` and
   * other table entries with a `callback` say what the runtime calls theirs with.
   */
  private recordCallback(call: ast.Call): void {
    const named = this.asyncioEntryOf(call.func);
    const callback = named?.entry.callback;
    if (callback) {
      const cb = call.args[callback.arg];
      const b = cb?.kind === 'Name' ? this.bindingOf(cb) : null;
      const info = b ? this.functionOfBinding(b) : null;
      if (!info) return;
      const list = this.callSiteArgs.get(info) ?? [];
      list.push(callback.with.map((t) => this.notationType(t)));
      this.callSiteArgs.set(info, list);
      return;
    }
    if (call.func.kind !== 'Attribute' || call.func.attr.id !== 'add_done_callback') return;
    const cb = call.args[0];
    if (!cb || cb.kind !== 'Name') return;
    const b = this.bindingOf(cb);
    const info = b ? this.functionOfBinding(b) : null;
    const receiver = this.typeOf(call.func.value);
    if (!info || (receiver.k !== 'task' && receiver.k !== 'future')) return;
    const list = this.callSiteArgs.get(info) ?? [];
    list.push([receiver]);
    this.callSiteArgs.set(info, list);
  }

  private recordCallSite(call: ast.Call, callee: ast.Name, enclosing: readonly ast.Node[]): void {
    const b = this.bindingOf(callee);
    // calling a class runs its __init__ with the instance first
    const init = b?.kind === 'class' ? this.initOf(b.name) : null;
    const info = b ? (init ?? this.functionOfBinding(b)) : null;
    const cls = b?.kind === 'class' && !init ? this.classes.get(b.name) : undefined;
    if (cls) this.recordDataclassCall(cls, call);
    if (!info) return;
    if (init) {
      this.recordArgs(info, [{ k: 'instance', name: b!.name, ts: b!.name }, ...call.args.map((a) => (a.kind === 'Starred' ? UNKNOWN : this.typeOf(a)))], call, enclosing);
      return;
    }
    // a recursive call's arguments are computed from the parameters being inferred: unknown there says nothing
    const recursive = enclosing.includes(info.node);
    const types: PyType[] = [];
    call.args.forEach((a, i) => {
      if (a.kind !== 'Starred') types[i] = this.typeOf(a);
    });
    call.keywords.forEach((k) => {
      const idx = info.params.findIndex((p) => p.arg.arg === k.arg?.id);
      if (idx >= 0) types[idx] = this.typeOf(k.value);
    });
    if (recursive) types.forEach((t, i) => t.k === 'unknown' && delete types[i]);
    const list = this.callSiteArgs.get(info) ?? [];
    list.push(types);
    this.callSiteArgs.set(info, list);
  }

  private recordArgs(info: FunctionInfo, positional: PyType[], call: ast.Call, enclosing: readonly ast.Node[]): void {
    const types = [...positional];
    call.keywords.forEach((k) => {
      const idx = info.params.findIndex((p) => p.arg.arg === k.arg?.id);
      if (idx >= 0) types[idx] = this.typeOf(k.value);
    });
    if (enclosing.includes(info.node)) types.forEach((t, i) => t.k === 'unknown' && delete types[i]);
    const list = this.callSiteArgs.get(info) ?? [];
    list.push(types);
    this.callSiteArgs.set(info, list);
  }

  /** The `__init__` of a class of the program. */
  initOf(className: string): FunctionInfo | null {
    const cls = this.classes.get(className);
    const init = cls?.body.find((s): s is ast.FunctionDef => s.kind === 'FunctionDef' && s.name.id === '__init__');
    return init ? (this.functions.get(init) ?? null) : null;
  }

  // ---------------------------------------------------------------------------------------------- expressions

  typeOf(e: ast.Expr): PyType {
    const cached = this.cache.get(e);
    if (cached) return cached;
    const outer = this.provisional;
    this.provisional = false;
    const t = this.compute(e);
    if (!this.provisional) this.cache.set(e, t);
    this.provisional ||= outer;
    return t;
  }

  private compute(e: ast.Expr): PyType {
    switch (e.kind) {
      case 'Constant':
        switch (e.value.type) {
          case 'int':
            return INT;
          case 'float':
            return FLOAT;
          case 'str':
            return STR;
          case 'bool':
            return BOOL;
          case 'None':
            return NONE;
          case 'bytes':
            return { k: 'bytes' };
          default:
            return UNKNOWN;
        }
      case 'JoinedStr':
        return STR;
      case 'Name': {
        const b = this.bindingOf(e);
        if (b) return this.typeOfBinding(b);
        return UNKNOWN;
      }
      case 'BinOp':
        return this.typeOfBinOp(this.typeOf(e.left), e.op, this.typeOf(e.right));
      case 'UnaryOp':
        return e.op === 'not' ? BOOL : this.typeOf(e.operand).k === 'bool' ? INT : this.typeOf(e.operand);
      case 'BoolOp':
        return e.values.map((v) => this.typeOf(v)).reduce(joinElements);
      case 'Compare':
        return BOOL;
      case 'IfExp':
        return joinElements(this.typeOf(e.body), this.typeOf(e.orelse));
      case 'List':
        return listOf(
          e.elts.length
            ? e.elts
                .map((x) => (x.kind === 'Starred' ? iterationType(this.typeOf(x.value)) : this.typeOf(x)))
                .reduce(joinElements)
            : UNKNOWN,
        );
      case 'Tuple': {
        if (e.elts.some((x) => x.kind === 'Starred')) return { k: 'tuple', elts: null, elt: UNKNOWN };
        const elts = e.elts.map((x) => this.typeOf(x));
        return { k: 'tuple', elts, elt: elts.length ? elts.reduce(joinElements) : UNKNOWN };
      }
      case 'Set':
        return { k: 'set', elt: e.elts.length ? e.elts.map((x) => this.typeOf(x)).reduce(joinElements) : UNKNOWN };
      case 'Dict': {
        const keys = e.keys.filter((k): k is ast.Expr => k !== null).map((k) => this.typeOf(k));
        const values = e.values.filter((_, i) => e.keys[i] !== null).map((v) => this.typeOf(v));
        if (keys.length !== e.keys.length) return { k: 'dict', key: UNKNOWN, value: UNKNOWN };
        return {
          k: 'dict',
          key: keys.length ? keys.reduce(joinElements) : UNKNOWN,
          value: values.length ? values.reduce(joinElements) : UNKNOWN,
        };
      }
      case 'ListComp':
        return listOf(this.typeOf(e.elt));
      case 'SetComp':
        return { k: 'set', elt: this.typeOf(e.elt) };
      case 'DictComp':
        return { k: 'dict', key: this.typeOf(e.key), value: this.typeOf(e.value) };
      case 'Lambda': {
        const info = this.functions.get(e) ?? this.lambdaInfo(e);
        return { k: 'function', fn: this.signature(info) };
      }
      case 'Await':
        return awaitedType(this.typeOf(e.value));
      case 'Call':
        return this.typeOfCall(e);
      case 'Attribute':
        return this.typeOfAttribute(e);
      case 'Subscript': {
        const v = this.typeOf(e.value);
        if (e.slice.kind === 'Slice') return v;
        if (v.k === 'list') return v.elt;
        if (v.k === 'tuple') {
          const i = e.slice.kind === 'Constant' && e.slice.value.type === 'int' ? Number(e.slice.value.value) : null;
          return i !== null && v.elts ? (v.elts.at(i) ?? UNKNOWN) : v.elt;
        }
        if (v.k === 'dict') return v.value;
        if (v.k === 'str') return STR;
        return UNKNOWN;
      }
      case 'NamedExpr':
        return this.typeOf(e.value);
      default:
        return UNKNOWN;
    }
  }

  private lambdaInfo(e: ast.Lambda): FunctionInfo {
    const info: FunctionInfo = {
      node: e,
      isAsync: false,
      isGenerator: false,
      params: allArgs(e.args).map((arg) => ({ arg, type: UNKNOWN })),
      returns: UNKNOWN,
      classNode: null,
    };
    this.addFunction(info);
    info.returns = this.typeOf(e.body);
    return info;
  }

  typeOfBinOp(l: PyType, op: ast.BinaryOperator, r: PyType): PyType {
    if (l.k === 'never')
      return r.k === 'float' || (op === '/' && r.k === 'int')
        ? FLOAT
        : r.k === 'int' || r.k === 'bool'
          ? NEVER
          : UNKNOWN;
    if (r.k === 'never')
      return l.k === 'float' || (op === '/' && l.k === 'int')
        ? FLOAT
        : l.k === 'int' || l.k === 'bool'
          ? NEVER
          : l.k === 'str' && op === '+'
            ? STR
            : UNKNOWN;
    const num = (t: PyType) => t.k === 'int' || t.k === 'float' || t.k === 'bool';
    if (num(l) && num(r)) {
      if (op === '/') return FLOAT;
      if (l.k === 'float' || r.k === 'float') return FLOAT;
      if (op === '**') return UNKNOWN;
      return INT;
    }
    // a number whose kind is carried at run time: so is the result (the runtime's helpers keep it), except that `/`
    // always gives a float
    if ((isNumberType(l) || isKindCarryingNumber(l)) && (isNumberType(r) || isKindCarryingNumber(r))) {
      if (op === '/') return FLOAT;
      if (isKindCarryingNumber(l) || isKindCarryingNumber(r)) return INT_OR_FLOAT;
    }
    // an int-or-float operand: float when the other one is, else either
    if (isNumberType(l) && isNumberType(r)) return op === '/' || l.k === 'float' || r.k === 'float' ? FLOAT : op === '**' ? UNKNOWN : INT_OR_FLOAT;
    if (op === '+' && l.k === 'str' && r.k === 'str') return STR;
    if (op === '%' && l.k === 'str') return STR;
    if (op === '*' && ((l.k === 'str' && num(r)) || (r.k === 'str' && num(l)))) return STR;
    if (op === '+' && l.k === 'list' && r.k === 'list') return listOf(join(l.elt, r.elt));
    if (op === '+' && l.k === 'tuple' && r.k === 'tuple') {
      const elts = l.elts && r.elts ? [...l.elts, ...r.elts] : null;
      return { k: 'tuple', elts, elt: join(l.elt, r.elt) };
    }
    if (l.k === 'set' && r.k === 'set' && ['|', '&', '-', '^'].includes(op)) return { k: 'set', elt: join(l.elt, r.elt) };
    if (op === '|' && l.k === 'dict' && r.k === 'dict') return { k: 'dict', key: join(l.key, r.key), value: join(l.value, r.value) };
    if (op === '*' && l.k === 'list' && num(r)) return l;
    return UNKNOWN;
  }

  /** The type of `instance.attr` for a class of the program: class-level annotations (dataclass fields) and
   *  `self.attr = …` assignments in its methods. */
  attributeType(className: string, attr: string): PyType {
    const cls = this.classes.get(className);
    if (!cls) return UNKNOWN;
    // `self.x = self.x + 1`: the attribute's own earlier value says nothing yet (as for variables)
    const key = `${className}.${attr}`;
    if (this.computingAttributes.has(key)) {
      this.provisional = true;
      return NEVER;
    }
    this.computingAttributes.add(key);
    try {
      const t = this.attributeTypeOf(cls, attr);
      return t.k === 'never' ? UNKNOWN : t;
    } finally {
      this.computingAttributes.delete(key);
    }
  }

  private attributeTypeOf(cls: ast.ClassDef, attr: string): PyType {
    const found: PyType[] = [];
    for (const source of this.attributeSourcesOf(cls).get(attr) ?? []) {
      if (source.kind === 'AnnAssign' && source.target.kind === 'Name') {
        const t = this.typeOfAnnotation(source.annotation);
        // a field holds what it is given (its default, a dataclass's constructor arguments): `price: float`
        // given 3 holds an int (kindsOf)
        const given = t ? this.fieldValues(cls, attr, source) : [];
        if (t) return given.length ? kindsOf(t, given.reduce(joinKinds)) : t;
      } else if (source.kind === 'FunctionDef') {
        const info = this.functions.get(source);
        if (info) return info.returns;
      } else {
        const annotated = source.kind === 'AnnAssign' ? this.typeOfAnnotation(source.annotation) : null;
        const value = source.value ? this.typeOf(source.value) : UNKNOWN;
        found.push(annotated ? kindsOf(annotated, value) : value);
      }
    }
    // assigned in several places, each value keeps its kind
    return found.length ? found.reduce(joinKinds) : UNKNOWN;
  }

  /** The types of the values a class-level field gets: its default and, for a dataclass, the constructor's
   *  arguments for it. */
  private fieldValues(cls: ast.ClassDef, attr: string, field: ast.AnnAssign): PyType[] {
    const given: PyType[] = [...(this.dataclassArgs.get(cls.name.id)?.get(attr) ?? [])];
    const value = field.value;
    if (value?.kind === 'Call' && this.isDataclassHelper(value.func, 'field')) {
      const d = value.keywords.find((k) => k.arg?.id === 'default');
      if (d) given.push(this.typeOf(d.value));
    } else if (value) {
      given.push(this.typeOf(value));
    }
    return given;
  }

  /** `dataclass`/`field` imported from dataclasses, or `dataclasses.dataclass`. */
  private isDataclassHelper(e: ast.Expr, member: string): boolean {
    if (e.kind === 'Call') return this.isDataclassHelper(e.func, member);
    if (e.kind === 'Name') {
      const imp = this.importOf(e);
      return imp?.module === 'dataclasses' && imp.member === member;
    }
    return e.kind === 'Attribute' && e.attr.id === member && e.value.kind === 'Name' && this.isModule(e.value, 'dataclasses');
  }

  /** The dataclass a class is, with the names its `__init__` takes in order (the bases' fields first). */
  private dataclassInitNames(cls: ast.ClassDef, depth = 0): string[] | null {
    if (!cls.decorators.some((d) => this.isDataclassHelper(d, 'dataclass'))) return null;
    const base = cls.bases[0]?.kind === 'Name' ? this.classes.get(cls.bases[0].id) : undefined;
    const names = (base && depth < 20 ? this.dataclassInitNames(base, depth + 1) : null) ?? [];
    for (const s of cls.body) {
      if (s.kind !== 'AnnAssign' || s.target.kind !== 'Name' || names.includes(s.target.id)) continue;
      const head = s.annotation.kind === 'Subscript' ? s.annotation.value : s.annotation;
      if ((head.kind === 'Name' && head.id === 'ClassVar') || (head.kind === 'Attribute' && head.attr.id === 'ClassVar')) continue;
      const init = s.value?.kind === 'Call' && this.isDataclassHelper(s.value.func, 'field') ? s.value.keywords.find((k) => k.arg?.id === 'init') : undefined;
      if (init?.value.kind === 'Constant' && init.value.value.type === 'bool' && !init.value.value.value) continue;
      names.push(s.target.id);
    }
    return names;
  }

  /** A call of a dataclass: the argument given for each field, recorded for the class and its dataclass bases. */
  private recordDataclassCall(cls: ast.ClassDef, call: ast.Call): void {
    const names = this.dataclassInitNames(cls);
    if (!names || call.args.some((a) => a.kind === 'Starred') || call.keywords.some((k) => k.arg === null)) return;
    const given: [string, PyType][] = [];
    call.args.forEach((a, i) => names[i] !== undefined && given.push([names[i]!, this.typeOf(a)]));
    for (const k of call.keywords) given.push([k.arg!.id, this.typeOf(k.value)]);
    for (let c: ast.ClassDef | undefined = cls, depth = 0; c && depth < 20; depth++) {
      const fields = this.dataclassArgs.get(c.name.id) ?? new Map<string, PyType[]>();
      for (const [name, t] of given) fields.set(name, [...(fields.get(name) ?? []), t]);
      this.dataclassArgs.set(c.name.id, fields);
      c = c.bases[0]?.kind === 'Name' ? this.classes.get(c.bases[0].id) : undefined;
    }
  }

  /**
   * Where each attribute of `cls` gets a type, in class-body order: a class-level annotation (`x: int`), a
   * `@property` getter, or one `self.x = …` in a method (once per matching target). Indexed once per class: asking
   * attribute by attribute would walk every method again for each one.
   */
  private attributeSourcesOf(cls: ast.ClassDef): Map<string, (ast.AnnAssign | ast.Assign | ast.FunctionDef)[]> {
    let sources = this.attributeSources.get(cls);
    if (sources) return sources;
    const index = new Map<string, (ast.AnnAssign | ast.Assign | ast.FunctionDef)[]>();
    const add = (attr: string, source: ast.AnnAssign | ast.Assign | ast.FunctionDef): void => {
      const list = index.get(attr);
      if (list) list.push(source);
      else index.set(attr, [source]);
    };
    for (const stmt of cls.body) {
      if (stmt.kind === 'AnnAssign' && stmt.target.kind === 'Name') add(stmt.target.id, stmt);
      if (stmt.kind !== 'FunctionDef') continue;
      if (stmt.decorators.some((d) => d.kind === 'Name' && d.id === 'property')) add(stmt.name.id, stmt);
      const self = [...stmt.args.posonlyargs, ...stmt.args.args][0]?.arg;
      if (!self) continue;
      forEachStmt(stmt.body, (s) => {
        if (s.kind !== 'Assign' && s.kind !== 'AnnAssign') return;
        const targets = s.kind === 'Assign' ? s.targets : [s.target];
        for (const t of targets) {
          if (t.kind === 'Attribute' && t.value.kind === 'Name' && t.value.id === self) add(t.attr.id, s);
        }
      });
    }
    sources = index;
    this.attributeSources.set(cls, sources);
    return sources;
  }

  private typeOfAttribute(e: ast.Attribute): PyType {
    const named = this.asyncioEntryOf(e);
    if (named) return this.typeOfAsyncioName(named.name);
    const receiver = this.typeOf(e.value);
    if (receiver.k === 'instance') return this.attributeType(receiver.name, e.attr.id);
    if (receiver.k === 'runtime' && receiver.module === 'asyncio') {
      const notation = CLASS_ATTRIBUTES[receiver.ts]?.[e.attr.id];
      if (notation) return this.notationType(notation);
    }
    if (
      e.value.kind === 'Name' &&
      this.isModule(e.value, 'time') &&
      ['time', 'monotonic', 'perf_counter', 'sleep'].includes(e.attr.id)
    ) {
      return { k: 'function', fn: { isAsync: false, params: [], returns: e.attr.id === 'sleep' ? NONE : FLOAT } };
    }
    return UNKNOWN;
  }

  private typeOfAsyncioName(name: string): PyType {
    const entry = ASYNCIO_MODULE[name];
    if (!entry) return UNKNOWN;
    if (entry.kind === 'class') return { k: 'class', name, ts: `asyncio.${name}` };
    if (entry.kind === 'exception') return { k: 'class', name, ts: `asyncio.${name}` };
    if (entry.kind === 'constant') return STR;
    return UNKNOWN;
  }

  private typeOfCall(e: ast.Call): PyType {
    const named = this.asyncioEntryOf(e.func);
    if (named?.entry.kind === 'class') {
      if (named.name === 'Future') return futureOf(UNKNOWN);
      if (named.name === 'AbstractEventLoop') return runtimeType('AbstractEventLoop');
      return runtimeType(named.name);
    }
    if (named) return this.callResult(named.entry, e, null);
    if (e.func.kind === 'Attribute') {
      const receiver = this.typeOf(e.func.value);
      const entry = this.methodEntryOf(receiver, e.func.attr.id);
      if (entry) return this.callResult(entry, e, receiver);
      const defined = receiver.k === 'module' ? this.importedDefinition(e.func) : null;
      if (defined?.kind === 'function' && !defined.node.decorators.length && this.importedFunction(defined.node).isAsync)
        return this.importedFunction(defined.node).isGenerator ? UNKNOWN : coroutineOf(UNKNOWN);
      if (defined?.kind === 'class' && e.func.value.kind === 'Name') {
        // `helpers.K(5)`: an instance of the class, whose TypeScript type is reached through the module too
        const name = `${e.func.value.id}.${e.func.attr.id}`;
        this.importedClasses.set(name, defined.node);
        return { k: 'instance', name, ts: name };
      }
      if (e.func.value.kind === 'Name') {
        const floats = MODULE_FLOAT_FUNCTIONS[this.importOf(e.func.value)?.module ?? ''];
        if (floats?.has(e.func.attr.id) && this.isModule(e.func.value, this.importOf(e.func.value)!.module)) return FLOAT;
        // `math.modf(2.5)` is `(0.5, 2.0)`, `math.frexp(8)` is `(0.5, 4)`
        if (this.isModule(e.func.value, 'math') && e.func.attr.id === 'modf') return { k: 'tuple', elts: [FLOAT, FLOAT], elt: FLOAT };
        if (this.isModule(e.func.value, 'math') && e.func.attr.id === 'frexp') return { k: 'tuple', elts: [FLOAT, INT], elt: join(FLOAT, INT) };
      }
      if (e.func.value.kind === 'Name' && this.isModule(e.func.value, 'time')) {
        return ['time', 'monotonic', 'perf_counter'].includes(e.func.attr.id)
          ? FLOAT
          : e.func.attr.id === 'time_ns'
            ? INT
            : UNKNOWN;
      }
      if (receiver.k === 'str') return STR_METHOD_TYPES[e.func.attr.id] ?? UNKNOWN;
      if (receiver.k === 'bytes') return BYTES_METHOD_TYPES[e.func.attr.id] ?? UNKNOWN;
      if (receiver.k === 'generator' && (e.func.attr.id === 'send' || e.func.attr.id === '__next__')) return receiver.yields;
      return UNKNOWN;
    }
    if (e.func.kind === 'Name') {
      const b = this.bindingOf(e.func);
      // `float("nan")` is a NaN, which needs the representation that carries a float's kind to have an identity
      // (`[nan] == [nan]` compares one object): see carriesKind
      if (!b && e.func.id === 'float' && isNanText(e.args[0])) return INT_OR_FLOAT;
      if (!b) return BUILTIN_CALL_TYPES[e.func.id]?.(e.args.map((a) => this.typeOf(a))) ?? UNKNOWN;
      const fnType = this.typeOfBinding(b);
      const info = this.functionOfBinding(b);
      if (info?.isGenerator && !info.isAsync && info.node.kind === 'FunctionDef') return { k: 'generator', yields: this.yieldType(info.node) };
      if (fnType.k === 'function') return fnType.fn.isAsync ? coroutineOf(fnType.fn.returns) : fnType.fn.returns;
      if (fnType.k === 'class') return this.typedDictType(fnType.name) ?? { k: 'instance', name: fnType.name, ts: fnType.ts };
    }
    return UNKNOWN;
  }

  /** What a generator function yields: the join of its `yield` values (None for a bare `yield`). */
  yieldType(f: ast.FunctionDef): PyType {
    const types: PyType[] = [];
    forEachStmt(f.body, (s) => {
      walkStmtExprs(s, (e) => {
        if (e.kind === 'Yield') types.push(e.value ? this.typeOf(e.value) : NONE);
      });
    });
    // each value keeps its kind: a generator yielding 1 and 2.0 yields ints and floats
    return types.length ? types.reduce(joinKinds) : UNKNOWN;
  }

  /** A type in the table's notation that depends on no call (an attribute's type). */
  private notationType(notation: string): PyType {
    const noCall = { kind: 'Call', func: null, args: [], keywords: [] } as unknown as ast.Call;
    return this.callResult({ kind: 'function', returns: notation }, noCall, null);
  }

  /** Evaluate an entry's `returns` notation for one call. */
  private callResult(entry: AsyncioEntry, call: ast.Call, receiver: PyType | null): PyType {
    const notation = entry.returns ?? 'any';
    const argType = (i: number): PyType => {
      const a = call.args[i];
      return a && a.kind !== 'Starred' ? this.typeOf(a) : UNKNOWN;
    };
    const parse = (s: string): PyType => {
      const m = /^([A-Za-z0-9-]+)(?:\((.*)\))?$/.exec(s.trim());
      if (!m) return UNKNOWN;
      const [, head, inner] = m;
      const args = inner ? splitTopLevel(inner) : [];
      switch (head) {
        case 'int':
          return INT;
        case 'float':
          return FLOAT;
        case 'bool':
          return BOOL;
        case 'str':
          return STR;
        case 'bytes':
          return BYTES;
        case 'None':
          return NONE;
        case 'any':
          return UNKNOWN;
        case 'loop':
          return runtimeType('AbstractEventLoop');
        case 'handle':
          return runtimeType('Handle');
        case 'timer-handle':
          return runtimeType('TimerHandle');
        case 'self':
          return receiver && (receiver.k === 'task' || receiver.k === 'future') ? receiver.result : UNKNOWN;
        case 'args': {
          const types = call.args.map((a) =>
            a.kind === 'Starred' ? awaitedType(iterationType(this.typeOf(a.value))) : awaitedType(this.typeOf(a)),
          );
          return joinAll(types) ?? UNKNOWN;
        }
        case 'elt':
          return awaitedType(iterationType(parse(args[0]!)));
        case 'optional':
          return join(parse(args[0]!), NONE);
        case 'task':
          return taskOf(parse(args[0]!));
        case 'future':
          return futureOf(parse(args[0]!));
        case 'coroutine':
          return coroutineOf(parse(args[0]!));
        case 'list':
          return listOf(parse(args[0]!));
        case 'set':
          return { k: 'set', elt: parse(args[0]!) };
        case 'tuple': {
          const elts = args.map(parse);
          return { k: 'tuple', elts, elt: joinAll(elts) ?? UNKNOWN };
        }
        default: {
          if (ASYNCIO_MODULE[head!]?.kind === 'class') return runtimeType(head!);
          const argMatch = /^arg(\d+)$/.exec(head!);
          if (argMatch) {
            const t = argType(Number(argMatch[1]));
            // `sleep(d)` without a result gives None
            if (call.args.length <= Number(argMatch[1]) && !call.keywords.length) return NONE;
            return awaitedType(t);
          }
          return UNKNOWN;
        }
      }
    };
    const result = parse(notation);
    if (entry.kind === 'coroutine-function') return coroutineOf(result);
    return result;
  }

  /** Python type hints → types. Unknown names give null (the caller falls back to inference). */
  typeOfAnnotation(a: ast.Expr): PyType | null {
    if (a.kind === 'Constant') {
      if (a.value.type === 'None') return NONE;
      if (a.value.type === 'str') return null;
    }
    if (a.kind === 'Name') {
      const simple: Record<string, PyType> = {
        int: INT,
        float: FLOAT,
        str: STR,
        bool: BOOL,
        None: NONE,
        bytes: { k: 'bytes' },
      };
      if (simple[a.id]) return simple[a.id]!;
      if (a.id === 'list' || a.id === 'List') return listOf(UNKNOWN);
      if (a.id === 'dict' || a.id === 'Dict') return { k: 'dict', key: UNKNOWN, value: UNKNOWN };
      const b = this.bindingOf(a);
      if (b?.kind === 'class') return this.typedDictType(b.name) ?? { k: 'instance', name: b.name, ts: b.name };
      const alias = b?.stores.length === 1 ? b.stores[0]!.statement : null;
      if (alias && this.isTypeAlias(alias) && !this.resolvingAliases.has(alias)) {
        this.resolvingAliases.add(alias);
        try {
          return this.typeOfAnnotation(alias.value);
        } finally {
          this.resolvingAliases.delete(alias);
        }
      }
      return null;
    }
    if (a.kind === 'Attribute' && a.value.kind === 'Name' && this.isModule(a.value, 'asyncio')) {
      if (a.attr.id === 'Task') return taskOf(UNKNOWN);
      if (a.attr.id === 'Future') return futureOf(UNKNOWN);
      if (a.attr.id === 'AbstractEventLoop') return runtimeType('AbstractEventLoop');
      if (ASYNCIO_MODULE[a.attr.id]?.kind === 'class') return runtimeType(a.attr.id);
      return null;
    }
    if (a.kind === 'Subscript') {
      const head = a.value.kind === 'Name' ? a.value.id : a.value.kind === 'Attribute' ? a.value.attr.id : '';
      const params = a.slice.kind === 'Tuple' ? a.slice.elts : [a.slice];
      const p = (i: number) => (params[i] ? (this.typeOfAnnotation(params[i]!) ?? UNKNOWN) : UNKNOWN);
      switch (head) {
        case 'list':
        case 'List':
        case 'Sequence':
          return listOf(p(0));
        case 'set':
        case 'Set':
          return { k: 'set', elt: p(0) };
        case 'dict':
        case 'Dict':
          return { k: 'dict', key: p(0), value: p(1) };
        case 'tuple':
        case 'Tuple':
          if (params.length === 2 && params[1]!.kind === 'Constant' && params[1]!.value.type === 'Ellipsis')
            return { k: 'tuple', elts: null, elt: p(0) };
          return { k: 'tuple', elts: params.map((_, i) => p(i)), elt: joinAll(params.map((_, i) => p(i))) ?? UNKNOWN };
        case 'Optional':
          return join(p(0), NONE);
        case 'ClassVar':
        case 'Final':
        case 'Annotated':
          return p(0);
        case 'Literal':
          return joinAll(params.map((x) => (x.kind === 'Constant' ? this.typeOf(x) : UNKNOWN))) ?? UNKNOWN;
        case 'Union':
          return joinAll(params.map((_, i) => p(i))) ?? UNKNOWN;
        case 'Task':
          return taskOf(p(0));
        case 'Future':
          return futureOf(p(0));
        case 'Coroutine':
          return coroutineOf(p(2));
        case 'Awaitable':
          return coroutineOf(p(0));
        default:
          return null;
      }
    }
    if (a.kind === 'BinOp' && a.op === '|') {
      const l = this.typeOfAnnotation(a.left);
      const r = this.typeOfAnnotation(a.right);
      return l && r ? join(l, r) : null;
    }
    return null;
  }
}

/** The value `await x` produces for an x of this type. */
export function awaitedType(t: PyType): PyType {
  if (t.k === 'coroutine' || t.k === 'task' || t.k === 'future') return t.result;
  return UNKNOWN;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (s[i] === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function isStaticOrClassMethod(f: ast.FunctionDef): boolean {
  return f.decorators.some((d) => d.kind === 'Name' && (d.id === 'staticmethod' || d.id === 'classmethod'));
}

/** collectReturns's answers: type inference asks about every function body in each of its passes. */
const returnsOfBody = new WeakMap<readonly ast.Stmt[], readonly ast.Return[]>();

/** Return statements of a function body, not entering nested functions or classes. */
export function collectReturns(body: readonly ast.Stmt[]): readonly ast.Return[] {
  const cached = returnsOfBody.get(body);
  if (cached) return cached;
  const out: ast.Return[] = [];
  forEachStmt(body, (s) => {
    if (s.kind === 'Return') out.push(s);
  });
  returnsOfBody.set(body, out);
  return out;
}

/** containsYield's answers: the analysis and the translator each ask about every function body. */
const yieldingBodies = new WeakMap<readonly ast.Stmt[], boolean>();

export function containsYield(body: readonly ast.Stmt[]): boolean {
  let found = yieldingBodies.get(body);
  if (found !== undefined) return found;
  found = false;
  forEachStmt(body, (s) => {
    walkStmtExprs(s, (e) => {
      if (e.kind === 'Yield' || e.kind === 'YieldFrom') found = true;
    });
  });
  yieldingBodies.set(body, found);
  return found;
}

function endsWithReturnOrRaise(body: readonly ast.Stmt[]): boolean {
  const last = body[body.length - 1];
  if (!last) return false;
  if (last.kind === 'Return' || last.kind === 'Raise') return true;
  if (last.kind === 'If') return endsWithReturnOrRaise(last.body) && endsWithReturnOrRaise(last.orelse);
  if (last.kind === 'Try') {
    if (endsWithReturnOrRaise(last.finalbody)) return true;
    const bodyEnds = last.orelse.length ? endsWithReturnOrRaise(last.orelse) : endsWithReturnOrRaise(last.body);
    return bodyEnds && last.handlers.every((h) => endsWithReturnOrRaise(h.body));
  }
  if (last.kind === 'With') return endsWithReturnOrRaise(last.body);
  if (
    last.kind === 'While' &&
    last.test.kind === 'Constant' &&
    last.test.value.type === 'bool' &&
    last.test.value.value
  )
    return true;
  return false;
}

/** Visit statements of a block recursively, not entering nested functions or classes. */
export function forEachStmt(body: readonly ast.Stmt[], fn: (s: ast.Stmt) => void): void {
  for (const s of body) {
    fn(s);
    switch (s.kind) {
      case 'If':
      case 'While':
      case 'For':
        forEachStmt(s.body, fn);
        forEachStmt(s.orelse, fn);
        break;
      case 'With':
        forEachStmt(s.body, fn);
        break;
      case 'Try':
        forEachStmt(s.body, fn);
        s.handlers.forEach((h) => forEachStmt(h.body, fn));
        forEachStmt(s.orelse, fn);
        forEachStmt(s.finalbody, fn);
        break;
      case 'Match':
        s.cases.forEach((c) => forEachStmt(c.body, fn));
        break;
      default:
        break;
    }
  }
}

/** Visit the expressions of one statement (not its nested statements), not entering lambdas' own scope rules. */
export function walkStmtExprs(s: ast.Stmt, fn: (e: ast.Expr) => void): void {
  switch (s.kind) {
    case 'ExprStmt':
      return walkExpr(s.value, fn);
    case 'Assign':
      walkExpr(s.value, fn);
      for (const t of s.targets) walkExpr(t, fn);
      return;
    case 'AugAssign':
      walkExpr(s.target, fn);
      walkExpr(s.value, fn);
      return;
    case 'AnnAssign':
    case 'Return':
      if (s.value) walkExpr(s.value, fn);
      return;
    case 'If':
    case 'While':
      return walkExpr(s.test, fn);
    case 'For':
      return walkExpr(s.iter, fn);
    case 'With':
      for (const i of s.items) walkExpr(i.contextExpr, fn);
      return;
    case 'Raise':
      if (s.exc) walkExpr(s.exc, fn);
      return;
    default:
      return;
  }
}

function walkExpr(e: ast.Expr, fn: (e: ast.Expr) => void): void {
  fn(e);
  if (e.kind !== 'Lambda') forEachSubexpression(e, walkExpr, fn);
}

// Hot (every expression of every statement, in several passes): visits in place rather than building a list.
function forEachSubexpression<S>(e: ast.Expr, visit: (child: ast.Expr, state: S) => void, state: S): void {
  switch (e.kind) {
    case 'BoolOp':
    case 'JoinedStr':
      for (const v of e.values) visit(v, state);
      return;
    case 'BinOp':
      visit(e.left, state);
      visit(e.right, state);
      return;
    case 'UnaryOp':
      visit(e.operand, state);
      return;
    case 'IfExp':
      visit(e.test, state);
      visit(e.body, state);
      visit(e.orelse, state);
      return;
    case 'Call':
      visit(e.func, state);
      for (const a of e.args) visit(a, state);
      for (const k of e.keywords) visit(k.value, state);
      return;
    case 'Await':
    case 'YieldFrom':
    case 'Starred':
    case 'NamedExpr':
    case 'Attribute':
    case 'FormattedValue':
      visit(e.value, state);
      return;
    case 'Yield':
      if (e.value) visit(e.value, state);
      return;
    case 'Subscript':
      visit(e.value, state);
      visit(e.slice, state);
      return;
    case 'List':
    case 'Tuple':
    case 'Set':
      for (const x of e.elts) visit(x, state);
      return;
    case 'Dict':
      for (const k of e.keys) if (k !== null) visit(k, state);
      for (const v of e.values) visit(v, state);
      return;
    case 'Compare':
      visit(e.left, state);
      for (const c of e.comparators) visit(c, state);
      return;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      visit(e.elt, state);
      visitGenerators(e.generators, visit, state);
      return;
    case 'DictComp':
      visit(e.key, state);
      visit(e.value, state);
      visitGenerators(e.generators, visit, state);
      return;
    default:
      return;
  }
}

function visitGenerators<S>(generators: readonly ast.Comprehension[], visit: (e: ast.Expr, state: S) => void, state: S): void {
  for (const g of generators) {
    visit(g.iter, state);
    for (const x of g.ifs) visit(x, state);
  }
}

/** Appends `value` to the list `map` keeps for `key`. */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Visit every node of a tree (statements and expressions, entering nested functions). */
export function walk(node: ast.Node, fn: (n: ast.Node) => void): void {
  fn(node);
  forEachChild(node, walk, fn);
}

/** Module functions that return Python floats (so their results print as floats: `math.sqrt(16)` is `4.0`). */
const MODULE_FLOAT_FUNCTIONS: Record<string, ReadonlySet<string>> = {
  math: new Set(
    ('sqrt pow exp exp2 expm1 log log10 log2 log1p sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh atan2 ' +
      'hypot dist degrees radians copysign fabs fmod remainder fsum ldexp nextafter ulp cbrt').split(' '),
  ),
  random: new Set('random uniform triangular gauss normalvariate lognormvariate expovariate gammavariate betavariate paretovariate weibullvariate vonmisesvariate'.split(' ')),
};

/** What bytes methods return (the runtime's PyBytes implements them). */
const BYTES_METHOD_TYPES: Record<string, PyType> = {
  ...Object.fromEntries(
    ['upper', 'lower', 'strip', 'lstrip', 'rstrip', 'join', 'replace', 'removeprefix', 'removesuffix'].map((m) => [m, BYTES]),
  ),
  split: listOf(BYTES),
  splitlines: listOf(BYTES),
  decode: STR,
  hex: STR,
  startswith: BOOL,
  endswith: BOOL,
  isdigit: BOOL,
  isalpha: BOOL,
  isspace: BOOL,
  find: INT,
  index: INT,
  count: INT,
};

const STR_METHOD_TYPES: Record<string, PyType> = {
  upper: STR,
  lower: STR,
  strip: STR,
  lstrip: STR,
  rstrip: STR,
  format: STR,
  join: STR,
  replace: STR,
  title: STR,
  capitalize: STR,
  split: listOf(STR),
  startswith: BOOL,
  endswith: BOOL,
  isdigit: BOOL,
  find: INT,
  count: INT,
};

/** Result types of builtin calls, given the argument types. */
/** `float("nan")`: a string constant naming NaN. */
export function isNanText(e: ast.Expr | undefined): boolean {
  return e?.kind === 'Constant' && e.value.type === 'str' && /^\s*[+-]?nan\s*$/i.test(e.value.value);
}

const BUILTIN_CALL_TYPES: Record<string, (args: PyType[]) => PyType> = {
  len: () => INT,
  bytes: () => BYTES,
  str: () => STR,
  repr: () => STR,
  int: () => INT,
  float: () => FLOAT,
  bool: () => BOOL,
  abs: (a) => a[0] ?? UNKNOWN,
  round: (a) => (a.length > 1 ? (a[0] ?? UNKNOWN) : INT),
  isinstance: () => BOOL,
  callable: () => BOOL,
  hasattr: () => BOOL,
  sum: () => UNKNOWN,
  // one of the arguments, unchanged: `max(1, 2.5)` may be an int or a float
  min: (a) => (a.length > 1 ? a.reduce(joinElements) : iterationType(a[0] ?? UNKNOWN)),
  max: (a) => (a.length > 1 ? a.reduce(joinElements) : iterationType(a[0] ?? UNKNOWN)),
  pow: (a) => (a.length === 2 && a.some((t) => t.k === 'float') && a.every(isNumberType) ? FLOAT : UNKNOWN),
  divmod: (a) => {
    if (a.length === 2 && a.some(isKindCarryingNumber) && a.every((t) => isNumberType(t) || isKindCarryingNumber(t))) {
      return { k: 'tuple', elts: [INT_OR_FLOAT, INT_OR_FLOAT], elt: INT_OR_FLOAT };
    }
    const part = a.length === 2 && a.every(isNumberType) ? (a.some((t) => t.k === 'float') ? FLOAT : a.every((t) => t.k === 'int' || t.k === 'bool') ? INT : null) : null;
    return part ? { k: 'tuple', elts: [part, part], elt: part } : UNKNOWN;
  },
  sorted: (a) => listOf(iterationType(a[0] ?? UNKNOWN)),
  list: (a) => listOf(a[0] ? iterationType(a[0]) : UNKNOWN),
  range: () => ({ k: 'runtime', ts: 'range', module: 'builtins' }),
  input: () => STR,
  next: (a) => (a[0]?.k === 'generator' ? a[0].yields : UNKNOWN),
  chr: () => STR,
  ord: () => INT,
  hex: () => STR,
  type: () => UNKNOWN,
  print: () => NONE,
};

