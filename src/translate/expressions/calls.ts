// Calls: user functions and classes, Python builtins, methods of builtin types, and asyncio through the table.
// A call of a coroutine function that is not awaited at once makes a lazy coroutine object: `coro(f, ...args)`.
import type { FunctionInfo } from '../../analyze/infer.js';
import { joinAll, UNKNOWN, type PyType } from '../../analyze/types.js';
import { camelCase, type AsyncioEntry } from '../../asyncio-map/table.js';
import type * as ast from '../../parse/ast.js';
import { summarisedMro } from '../../parse/module-summary.js';
import type { TranslateContext } from '../context.js';
import { builtinCall, printable } from './builtin-calls.js';
import { callError } from './call-errors.js';
import { spreadsIntoFixedArity } from '../functions/signature.js';
import { cooperativeSuper, isCooperative } from '../classes/cooperative.js';
import { methodThroughMro } from '../classes/mro.js';
import { dataclassInitFields } from '../classes/dataclass.js';
import { exprAs } from './number-kinds.js';
import { genericClassOf, isTypingBase, typingCall } from '../typing/index.js';
import { expr, paren, Untranslatable } from './index.js';
import { methodCall } from './methods.js';
import { READINESS_METHODS, unwatchableDescriptor } from '../async/readiness.js';
import { asyncioReference, attributeName, rejectUnknownAsyncioName, translateName } from './names.js';

/** How a call behaves with respect to coroutines. */
export type CallKind =
  /** calling it creates a coroutine (user `async def`, `asyncio.sleep`…): awaited at once it is a plain call */
  | 'coroutine'
  /** runs the event loop (`asyncio.run`, `loop.run_until_complete`): an `await` in the output */
  | 'loop-entry'
  /** an ordinary call */
  | 'plain'
  /** a callee pyts knows nothing about: awaiting it goes through `aw(() => …)` */
  | 'unknown';

export interface CallPlan {
  kind: CallKind;
  /** the callee as TypeScript (`asyncio.sleep`, `doWork`, `obj.method.bind(obj)` for a lazily called method) */
  callee: string;
  /** the callee when called directly (differs from `callee` for methods) */
  direct: string;
  args: string[];
  /** `new` for classes */
  isNew: boolean;
}

export function translateCall(e: ast.Call, ctx: TranslateContext): string {
  const unpacksKeywords = e.keywords.some((k) => k.arg === null) && e.func.kind !== 'Attribute';
  if ((unpacksKeywords && !ctx.analysis.types.asyncioEntryOf(e.func)) || spreadsIntoFixedArity(e, ctx) || forwardsKeywords(e, ctx))
    return boundAtRunTime(e, expr(e.func, ctx), ctx);
  const special = callError(e, ctx) ?? builtinCall(e, ctx) ?? methodCall(e, ctx) ?? excInfoCall(e, ctx) ?? typingCall(e, ctx);
  if (special !== null) return special;
  const generic = genericClassOf(e.func, ctx);
  if (generic) return translateCall({ ...e, func: generic }, ctx);
  if (isCallableInstance(e.func, ctx)) {
    // `obj(x)` for an object whose class defines `__call__`: JavaScript calls only functions
    const method: ast.Attribute = {
      kind: 'Attribute',
      value: e.func,
      attr: { kind: 'Identifier', id: '__call__', range: e.func.range },
      ctx: 'Load',
      range: e.func.range,
    };
    return translateCall({ ...e, func: method }, ctx);
  }
  const plan = planCall(e, ctx);
  if (plan.isNew && spreadsIntoConstructor(e, ctx)) return boundAtRunTime(e, plan.callee, ctx);
  // keywords for a callee pyts cannot see (a decorated function, a parameter): placed by its signature at run time
  if (plan.kind === 'unknown' && e.keywords.length && e.func.kind !== 'Attribute' && !isImported(e.func, ctx)) {
    // a decorated `async def` not awaited at once: lazy when the decorator kept it async
    const lazy = e.func.kind === 'Name' && isDecoratedAsyncDef(e.func, ctx);
    return boundAtRunTime(e, plan.direct, ctx, lazy);
  }
  switch (plan.kind) {
    case 'coroutine':
      return `${ctx.rt('coro', 'asyncio')}(${[plan.callee, ...plan.args].join(', ')})`;
    case 'loop-entry':
      return loopEntry(e, plan, ctx);
    case 'unknown':
      // a receiver analysis cannot see at all: an async method among the program's classes of that name may be
      // the one called, and unawaited it must make a lazy coroutine, so the runtime decides by the method itself
      if (e.func.kind === 'Attribute' && mayBeAsyncMethod(e.func.attr.id, ctx)) {
        const receiver = expr(e.func.value, ctx);
        const name = JSON.stringify(attributeName(e.func.attr.id));
        return `${ctx.rt('coroOrCall', 'asyncio')}(${[receiver, name, ...plan.args].join(', ')})`;
      }
      // a decorated `async def`: what the decorator returned decides, at run time
      if (e.func.kind === 'Name' && isDecoratedAsyncDef(e.func, ctx)) {
        return `${ctx.rt('coroIfAsync', 'asyncio')}(${[plan.callee, ...plan.args].join(', ')})`;
      }
      return directCall(plan);
    default:
      return `${plan.isNew ? 'new ' : ''}${plan.direct}(${plan.args.join(', ')})`;
  }
}

/** Whether a class of this module, or one imported from the program's other modules, has an `async def name`. */
function mayBeAsyncMethod(name: string, ctx: TranslateContext): boolean {
  const types = ctx.analysis.types;
  if (ctx.methodsNamed(name).some((f) => f.isAsync && !f.isGenerator)) return true;
  for (const cls of [...types.importedClasses.values()].flatMap(summarisedMro)) {
    if (cls.body.some((s) => s.kind === 'FunctionDef' && s.isAsync && s.name.id === name)) return true;
  }
  return false;
}

/** A name bound by an `async def` with decorators (`@retry(3) async def fetch`). */
function isDecoratedAsyncDef(name: ast.Name, ctx: TranslateContext): boolean {
  const binding = ctx.analysis.types.bindingOf(name);
  const info = binding?.kind === 'function' ? ctx.analysis.types.functionOfBinding(binding) : null;
  return info?.node.kind === 'FunctionDef' && info.node.isAsync && info.node.decorators.length > 0 && !info.isGenerator;
}

function inClassMethod(ctx: TranslateContext): boolean {
  const f = ctx.frame.info?.node;
  return f?.kind === 'FunctionDef' && f.decorators.some((d) => d.kind === 'Name' && d.id === 'classmethod');
}

/** True when `f` is an instance of a class of this module that defines `__call__` (itself or a base). */
function isCallableInstance(f: ast.Expr, ctx: TranslateContext): boolean {
  const t = ctx.analysis.types.typeOf(f);
  if (t.k !== 'instance') return false;
  for (let cls = ctx.analysis.types.classes.get(t.name), depth = 0; cls && depth < 20; depth++) {
    if (cls.body.some((s) => s.kind === 'FunctionDef' && s.name.id === '__call__')) return true;
    const base = cls.bases[0];
    cls = base?.kind === 'Name' ? ctx.analysis.types.classes.get(base.id) : undefined;
  }
  return false;
}

/** `sys.exc_info()` inside an `except` clause: the runtime is told which exception that clause handles. */
function excInfoCall(e: ast.Call, ctx: TranslateContext): string | null {
  const f = e.func;
  const types = ctx.analysis.types;
  const isExcInfo =
    (f.kind === 'Attribute' && f.attr.id === 'exc_info' && f.value.kind === 'Name' && types.isModule(f.value, 'sys')) ||
    (f.kind === 'Name' && types.importOf(f)?.module === 'sys' && types.importOf(f)?.member === 'exc_info');
  const handled = ctx.frame.caught[ctx.frame.caught.length - 1];
  if (!isExcInfo || e.args.length > 0 || handled === undefined) return null;
  return `${expr(f, ctx)}(${handled})`;
}

/** `functools.partial(f, key=1)`: the keywords are for `f`, a Python function, so they keep Python's spelling and
 *  reach partial through the binder (the runtime's partial has a signature). */
function forwardsKeywords(e: ast.Call, ctx: TranslateContext): boolean {
  if (!e.keywords.length) return false;
  const types = ctx.analysis.types;
  const f = e.func;
  if (f.kind === 'Attribute') return f.attr.id === 'partial' && f.value.kind === 'Name' && types.isModule(f.value, 'functools');
  if (f.kind !== 'Name') return false;
  const target = types.importOf(f);
  return target?.module === 'functools' && target.member === 'partial';
}

/** A name imported from a module: runtime functions take their keywords as an options object (emitted-code.md). */
function isImported(e: ast.Expr, ctx: TranslateContext): boolean {
  return e.kind === 'Name' && ctx.analysis.types.bindingOf(e)?.kind === 'import';
}

/**
 * `await f(x, key=1)` for a callee whose parameters are known only at run time (a decorated function, a parameter):
 * the call with its keywords bound by the runtime, run at once; null when the call binds its keywords itself.
 */
export function awaitedCallBoundAtRunTime(e: ast.Call, ctx: TranslateContext): string | null {
  if (e.keywords.some((k) => k.arg === null) && !ctx.analysis.types.asyncioEntryOf(e.func)) return translateCall(e, ctx);
  if (!e.keywords.length || e.func.kind === 'Attribute' || isImported(e.func, ctx)) return null;
  const plan = planCall(e, ctx);
  return plan.kind === 'unknown' ? boundAtRunTime(e, plan.direct, ctx) : null;
}

/** `callPython(f, [positional…], { keyword: value })`: Python's argument binding, done by the runtime; with `lazy`,
 *  `callPythonOrCoro`, which makes a coroutine object when `f` is an async function. */
function boundAtRunTime(e: ast.Call, callee: string, ctx: TranslateContext, lazy = false): string {
  const positional = `[${e.args.map((a) => expr(a, ctx)).join(', ')}]`;
  let keywords: string;
  if (e.keywords.length === 1 && e.keywords[0]!.arg === null) {
    keywords = expr(e.keywords[0]!.value, ctx);
  } else if (e.keywords.some((k) => k.arg === null)) {
    const entries = e.keywords.map((k) =>
      k.arg === null ? `...${paren(expr(k.value, ctx))}.items()` : `[${JSON.stringify(k.arg.id)}, ${expr(k.value, ctx)}]`,
    );
    keywords = `${ctx.rt('dict')}([${entries.join(', ')}])`;
  } else {
    keywords = `{ ${e.keywords.map((k) => `${k.arg!.id}: ${expr(k.value, ctx)}`).join(', ')} }`;
  }
  const helper = lazy ? ctx.rt('callPythonOrCoro', 'asyncio') : ctx.rt('callPython');
  return `${helper}(${callee}, ${positional}${e.keywords.length ? `, ${keywords}` : ''})`;
}

/** A call written as a direct call, for `await f(x)` (no lazy wrapper). */
export function directCall(plan: CallPlan): string {
  return `${plan.isNew ? 'new ' : ''}${plan.direct}(${plan.args.join(', ')})`;
}

function loopEntry(e: ast.Call, plan: CallPlan, ctx: TranslateContext): string {
  // Inside a coroutine the loop is already running: the runtime rejects at once with CPython's RuntimeError
  // ('This event loop is already running'), which the await turns into an exception at this very line.
  if (!ctx.atModuleLevel && !ctx.frame.isAsync && !ctx.frame.blocking) {
    throw new Untranslatable(
      'running the event loop here (only module code and plain functions called from it can wait for it)',
      e,
    );
  }
  if (ctx.atModuleLevel) ctx.usesTopLevelAwait = true;
  return `(await ${plan.direct}(${plan.args.join(', ')}))`;
}

export function planCall(e: ast.Call, ctx: TranslateContext): CallPlan {
  const types = ctx.analysis.types;
  // asyncio functions, by module attribute or imported name
  const named = types.asyncioEntryOf(e.func);
  if (named) {
    const callee = asyncioReference(named.name, named.entry, e.func, ctx);
    const isClass = named.entry.kind === 'class' || named.entry.kind === 'exception';
    return {
      kind: entryKind(named.entry),
      callee,
      direct: callee,
      args: entryArgs(e, named.entry, ctx),
      isNew: isClass,
    };
  }
  if (e.func.kind === 'Attribute') {
    rejectUnknownAsyncioName(e.func, ctx);
    const superCall = superMethodCall(e, e.func, ctx);
    if (superCall) return superCall;
    const owner = e.func.value;
    const typeCall = owner.kind === 'Call' && owner.func.kind === 'Name' && owner.func.id === 'type' && owner.args.length === 1 && !types.bindingOf(owner.func);
    if (e.func.attr.id === 'mro' && !e.args.length && !e.keywords.length && (typeCall || types.typeOf(owner).k === 'class')) {
      // `Cls.mro()`, `type(x).mro()`: the MRO as a new list (the class of a value is never None)
      const cls = `${expr(owner, ctx)}${typeCall ? '!' : ''}`;
      return { kind: 'plain', callee: ctx.rt('list'), direct: ctx.rt('list'), args: [`${ctx.rt('mro')}(${cls})`], isNew: false };
    }
    let receiverType = types.typeOf(e.func.value);
    let receiver = paren(expr(e.func.value, ctx));
    if (receiverType.k === 'union' && receiverType.types.some((t) => t.k === 'None')) {
      // calling a method on a value that may be None: Python raises AttributeError there, TypeScript wants `!`
      receiver = `${receiver}!`;
      receiverType = joinAll(receiverType.types.filter((t) => t.k !== 'None')) ?? UNKNOWN;
    }
    const entry = types.methodEntryOf(receiverType, e.func.attr.id);
    const method = entry ? camelCase(e.func.attr.id) : attributeName(e.func.attr.id);
    // `shape.area()` for a shape of several classes, not all of which define area: Python looks it up at run time
    // and raises AttributeError where it is missing (the runtime's callMethod); TypeScript accepts only members
    // every class has
    if (receiverType.k === 'union' && receiverType.types.every((t) => t.k === 'instance')) {
      const name = e.func.attr.id;
      const defines = (t: { name: string }) => {
        const cls = types.classes.get(t.name);
        return cls ? methodThroughMro(cls, name, ctx) !== null : importedMethod(t.name, name, ctx) !== null;
      };
      if (!receiverType.types.every((t) => defines(t as { name: string })) && !e.keywords.length) {
        const callee = ctx.rt('callMethod');
        const args = [receiver, JSON.stringify(name), ...e.args.map((a) => expr(a, ctx))];
        return { kind: 'plain', callee, direct: callee, args, isNew: false };
      }
    }
    const direct = `${receiver}.${method}`;
    if (entry?.kind === 'planned') {
      const name = `loop.${e.func.attr.id}`;
      ctx.report('PYTS4004', e.func, [name]);
      throw new Untranslatable(name, e);
    }
    const unwatchable =
      entry && READINESS_METHODS.has(e.func.attr.id) ? unwatchableDescriptor(e.args[0], ctx) : null;
    if (unwatchable !== null) {
      const name = `loop.${e.func.attr.id}`;
      ctx.report('PYTS4005', e.func, [name, unwatchable]);
      throw new Untranslatable(name, e);
    }
    if (entry) {
      return {
        kind: entryKind(entry),
        callee: `${direct}.bind(${receiver})`,
        direct,
        args: entryArgs(e, entry, ctx),
        isNew: false,
      };
    }
    const imported = importedCall(e, direct, ctx);
    if (imported) return imported;
    const info = methodInfo(receiverType, e.func.attr.id, ctx);
    if (info) {
      return {
        kind: callKindOf(info),
        callee: `${direct}.bind(${receiver})`,
        direct,
        args: userArgs(e, info, ctx, true),
        isNew: false,
      };
    }
    if (e.keywords.some((k) => k.arg !== null) && receiverType.k !== 'module') {
      return {
        kind: 'unknown',
        callee: direct,
        direct,
        args: positionalWithOptions(e, ctx),
        isNew: false,
      };
    }
    return {
      kind: receiverType.k === 'module' ? 'plain' : 'unknown',
      callee: direct,
      direct,
      args: positionalWithOptions(e, ctx),
      isNew: false,
    };
  }
  if (e.func.kind === 'Name') {
    const binding = types.bindingOf(e.func);
    const callee = translateName(e.func, ctx);
    if (binding?.kind === 'function') {
      const info = types.functionOfBinding(binding);
      if (info) {
        const blocking = info.node.kind === 'FunctionDef' && ctx.analysis.blocking.has(info.node);
        const kind: CallKind = blocking ? 'loop-entry' : callKindOf(info);
        // decorated by a class: the name is an instance, and calling it calls its __call__
        const outer = info.node.kind === 'FunctionDef' ? info.node.decorators[0] : undefined;
        const byClass = outer?.kind === 'Name' && types.bindingOf(outer)?.kind === 'class';
        return {
          kind,
          callee,
          direct: byClass ? `${callee}.__call__` : callee,
          args: userArgs(e, info, ctx, false),
          isNew: false,
        };
      }
    }
    if (binding?.kind === 'class') {
      return { kind: 'plain', callee, direct: callee, args: constructorArgs(e, [binding.name], ctx), isNew: true };
    }
    const imported = binding?.kind === 'import' ? importedCall(e, callee, ctx) : null;
    if (imported) return imported;
    const t = binding ? types.typeOfBinding(binding) : null;
    if (callee === 'this' && binding?.kind === 'param' && inClassMethod(ctx)) {
      // `cls(...)` in a classmethod constructs the class it was called on
      const init = t?.k === 'class' ? classInit(t.name, ctx) : null;
      const args = init ? userArgs(e, init, ctx, true) : positionalWithOptions(e, ctx);
      return { kind: 'plain', callee, direct: callee, args, isNew: true };
    }
    const classes = classesHeld(e.func, ctx);
    // `cls(x)` for a variable or parameter holding a class (`factory = Worker`, `make(Worker)`): JavaScript
    // constructs a class only with `new`
    if (classes) return { kind: 'plain', callee, direct: callee, args: constructorArgs(e, classes, ctx), isNew: true };
    if (t?.k === 'function') {
      // a variable assigned a lambda once: its parameters are known, so keywords are placed as for a `def`
      const statement = binding!.stores.length === 1 ? binding!.stores[0]!.statement : null;
      const lambda = statement?.kind === 'Assign' && statement.value.kind === 'Lambda' ? types.functions.get(statement.value) : undefined;
      return {
        kind: t.fn.isAsync ? 'coroutine' : 'plain',
        callee,
        direct: callee,
        args: lambda ? userArgs(e, lambda, ctx, false) : positionalWithOptions(e, ctx),
        isNew: false,
      };
    }
    return {
      kind: binding ? 'unknown' : 'plain',
      callee,
      direct: callee,
      args: positionalWithOptions(e, ctx),
      isNew: false,
    };
  }
  const callee = paren(expr(e.func, ctx));
  const classes = classesHeld(e.func, ctx);
  // `kinds[name](x)`: a class taken from a container is constructed, as calling it does in Python
  if (classes) return { kind: 'plain', callee, direct: `(${callee})`, args: constructorArgs(e, classes, ctx), isNew: true };
  return {
    kind: 'unknown',
    callee,
    direct: callee,
    args: positionalWithOptions(e, ctx),
    isNew: false,
  };
}

/** A call of a function or class of another module of the program, as a call of one of this module would be. */
function importedCall(e: ast.Call, callee: string, ctx: TranslateContext): CallPlan | null {
  const types = ctx.analysis.types;
  const defined = types.importedDefinition(e.func);
  if (defined?.kind === 'function') {
    const info = types.importedFunction(defined.node);
    return { kind: callKindOf(info), callee, direct: callee, args: userArgs(e, info, ctx, false), isNew: false };
  }
  if (defined?.kind === 'class') {
    const init = defined.init ? types.importedFunction(defined.init, defined.node) : null;
    const args = init
      ? userArgs(e, init, ctx, true)
      : defined.dataclassFields
        ? argsByName(e, defined.dataclassFields, defined.node.name.id, ctx)
        : positionalWithOptions(e, ctx);
    return { kind: 'plain', callee, direct: callee, args, isNew: true };
  }
  return null;
}

/** A user function's calls: coroutine for `async def`, plain for generators; unknown when decorated (the
 *  decorator may return anything). */
function callKindOf(info: FunctionInfo): CallKind {
  if (
    info.node.kind === 'FunctionDef' &&
    info.node.decorators.some((d) => !(d.kind === 'Name' && ['staticmethod', 'classmethod', 'property'].includes(d.id)))
  ) {
    return 'unknown';
  }
  return info.isAsync && !info.isGenerator ? 'coroutine' : 'plain';
}

/** `super().__init__(…)` in a constructor is `super(…)`; `super().m(…)` is `super.m(…)`. */
function superMethodCall(e: ast.Call, func: ast.Attribute, ctx: TranslateContext): CallPlan | null {
  const v = func.value;
  if (
    v.kind !== 'Call' ||
    v.func.kind !== 'Name' ||
    v.func.id !== 'super' ||
    ctx.analysis.types.bindingOf(v.func) ||
    v.args.length
  )
    return null;
  const cls = ctx.frame.info?.classNode;
  if (cls && isCooperative(cls, ctx)) {
    const method = `${cooperativeSuper(cls, ctx)}.${attributeName(func.attr.id)}`;
    return { kind: 'plain', callee: method, direct: method, args: superArgs(e, cls, func.attr.id, ctx), isNew: false };
  }
  if (cls && !hasBaseClass(cls, ctx)) {
    // the only base is `object`, whose methods TypeScript's `super` does not have (a bare
    // `super().__init__()` is dropped by translateExprStmt: object.__init__ does nothing)
    throw new Untranslatable(`super().${func.attr.id}() in a class without a base class`, e);
  }
  const args = cls ? superArgs(e, cls, func.attr.id, ctx) : positionalWithOptions(e, ctx);
  const callee = func.attr.id === '__init__' ? 'super' : `super.${attributeName(func.attr.id)}`;
  return { kind: 'plain', callee, direct: callee, args, isNew: false };
}

/** The arguments of `super().name(…)` placed as the method it reaches in `cls`'s own MRO declares them (when an
 *  instance of a subclass reaches a sibling instead, cooperative methods share their parameters). */
function superArgs(e: ast.Call, cls: ast.ClassDef, name: string, ctx: TranslateContext): string[] {
  const info = methodThroughMro(cls, name, ctx, 1);
  return info ? userArgs(e, info, ctx, true) : positionalWithOptions(e, ctx);
}

/** `super().__init__()` of a class whose only base is `object`: a call that does nothing. */
export function isObjectInitCall(e: ast.Expr, ctx: TranslateContext): boolean {
  const cls = ctx.frame.info?.classNode;
  return (
    cls !== null &&
    cls !== undefined &&
    e.kind === 'Call' &&
    !e.args.length &&
    !e.keywords.length &&
    e.func.kind === 'Attribute' &&
    e.func.attr.id === '__init__' &&
    e.func.value.kind === 'Call' &&
    e.func.value.func.kind === 'Name' &&
    e.func.value.func.id === 'super' &&
    !e.func.value.args.length &&
    !ctx.analysis.types.bindingOf(e.func.value.func) &&
    !hasBaseClass(cls, ctx) &&
    !isCooperative(cls, ctx)
  );
}

function hasBaseClass(cls: ast.ClassDef, ctx: TranslateContext): boolean {
  return cls.bases.some((b) => !isTypingBase(b, ctx) && !(b.kind === 'Name' && b.id === 'object'));
}

function entryKind(entry: AsyncioEntry): CallKind {
  switch (entry.kind) {
    case 'coroutine-function':
      return 'coroutine';
    case 'loop-entry':
      return 'loop-entry';
    default:
      return 'plain';
  }
}

/** Arguments of an asyncio call: keyword arguments naming positional parameters move into place; keyword-only
 *  ones go into a trailing options object with camelCase keys. */
function entryArgs(e: ast.Call, entry: AsyncioEntry, ctx: TranslateContext): string[] {
  const positional = e.args.map((a) => expr(a, ctx));
  const options: string[] = [];
  const params = entry.params ?? [];
  for (const k of e.keywords) {
    if (k.arg === null) throw new Untranslatable('**keyword arguments', k);
    const index = params.indexOf(k.arg.id);
    if (index >= 0) {
      while (positional.length < index) positional.push('undefined');
      positional[index] = expr(k.value, ctx);
    } else {
      options.push(`${camelCase(k.arg.id)}: ${expr(k.value, ctx)}`);
    }
  }
  if (entry.loopDefault && positional.length === 0) positional.push(`${ctx.namespace('asyncio')}.getEventLoop()`);
  if (options.length) positional.push(`{ ${options.join(', ')} }`);
  return positional;
}

/** Arguments for a call whose signature pyts knows: keywords are placed by name, the rest go into the options
 *  object (plain, or `kw({...})` when a `*args` parameter precedes it), as functions/parameters.ts declares it. */
function userArgs(e: ast.Call, info: FunctionInfo, ctx: TranslateContext, skipSelf: boolean): string[] {
  const args = info.node.args;
  const drop = skipSelf && isMethodWithSelf(info) ? 1 : 0;
  const positionalParams = [...args.posonlyargs, ...args.args].slice(drop);
  const byName = args.args.filter((a) => !(drop && a === args.args[0]));
  // each argument fitted to its parameter's type: a float given to a parameter of either kind is boxed
  const typeOf = (p: ast.Arg | undefined) => info.params.find((x) => x.arg === p)?.type;
  const fitted = (value: ast.Expr, p: ast.Arg | undefined) => {
    const t = typeOf(p);
    return t ? exprAs(value, t, ctx) : expr(value, ctx);
  };
  const out = e.args.map((a, i) => (a.kind === 'Starred' || e.args.slice(0, i).some((x) => x.kind === 'Starred') ? expr(a, ctx) : fitted(a, positionalParams[i] ?? (args.vararg ?? undefined))));
  const options: string[] = [];
  for (const k of e.keywords) {
    if (k.arg === null) {
      if (!args.kwarg && !args.kwonlyargs.length) throw new Untranslatable('**keyword arguments', k);
      options.push(`...Object.fromEntries(${paren(expr(k.value, ctx))}.items())`);
      continue;
    }
    const param = byName.find((p) => p.arg === k.arg!.id);
    if (param && !args.vararg) {
      const index = positionalParams.indexOf(param);
      while (out.length < index) out.push('undefined');
      out[index] = fitted(k.value, param);
    } else if (param && args.vararg && e.args.length <= positionalParams.indexOf(param)) {
      const index = positionalParams.indexOf(param);
      while (out.length < index) out.push('undefined');
      out[index] = fitted(k.value, param);
    } else if (args.kwonlyargs.some((p) => p.arg === k.arg!.id) || args.kwarg) {
      options.push(`${kwName(k.arg.id, info, ctx)}: ${fitted(k.value, args.kwonlyargs.find((p) => p.arg === k.arg!.id))}`);
    } else {
      throw new Untranslatable(`keyword argument '${k.arg.id}'`, k);
    }
  }
  if (options.length) {
    if (args.vararg) {
      out.push(`${ctx.rt('kw')}({ ${options.join(', ')} })`);
    } else {
      while (out.length < positionalParams.length) out.push('undefined');
      out.push(`{ ${options.join(', ')} }`);
    }
  }
  return out;
}

/** The options-object key for a keyword: the parameter's TS name for keyword-only ones; `**kwargs` keys keep
 *  Python's spelling (the body sees them as dict keys). */
function kwName(python: string, info: FunctionInfo, ctx: TranslateContext): string {
  const param = info.node.args.kwonlyargs.find((a) => a.arg === python);
  if (!param) return python;
  const b = ctx.analysis.types.bindingOf(param);
  return b ? ctx.tsName(b) : python;
}

function isMethodWithSelf(info: FunctionInfo): boolean {
  return (
    info.classNode !== null &&
    info.node.kind === 'FunctionDef' &&
    !info.node.decorators.some((d) => d.kind === 'Name' && d.id === 'staticmethod')
  );
}

/** Positional arguments, then keyword arguments as one options object (callee unknown or runtime). */
function positionalWithOptions(e: ast.Call, ctx: TranslateContext): string[] {
  // `json.dumps(1e16)` writes Python's float text: a value known to be a float is marked as one
  const f = e.func;
  const serialises =
    f.kind === 'Attribute' && (f.attr.id === 'dumps' || f.attr.id === 'dump') && f.value.kind === 'Name' && ctx.analysis.types.isModule(f.value, 'json');
  const out = e.args.map((a, i) => (i === 0 && serialises ? printable(a, ctx) : expr(a, ctx)));
  const keywords = e.keywords.filter((k) => k.arg !== null);
  if (e.keywords.some((k) => k.arg === null)) throw new Untranslatable('**keyword arguments', e);
  if (keywords.length)
    out.push(`{ ${keywords.map((k) => `${camelCase(k.arg!.id)}: ${expr(k.value, ctx)}`).join(', ')} }`);
  return out;
}

/** The method `name` of the class an instance type names (or of the only class defining it). */
function methodInfo(receiver: PyType, name: string, ctx: TranslateContext): FunctionInfo | null {
  const infos = ctx.methodsNamed(name);
  if (receiver.k === 'instance') return infos.find((f) => f.classNode!.name.id === receiver.name) ?? importedMethod(receiver.name, name, ctx);
  if (receiver.k === 'union' && receiver.types.every((t) => t.k === 'instance')) {
    // `j.run()` for a j of several classes: one plan when every class's method calls alike (all coroutines, say),
    // so that an async method is not started eagerly because its class is not known
    const members = receiver.types.map((t) => methodInfo(t, name, ctx));
    const first = members[0];
    const alike = (f: FunctionInfo | null) => f !== null && callKindOf(f) === callKindOf(first!) && sameParameters(f, first!);
    return first && members.every(alike) ? first : null;
  }
  return infos.length === 1 ? infos[0]! : null;
}

/** Same parameter names in the same places, and as many defaults: a call's arguments are placed alike for both. */
function sameParameters(a: FunctionInfo, b: FunctionInfo): boolean {
  const shape = ({ node: { args: p } }: FunctionInfo) =>
    [p.posonlyargs, p.args, [p.vararg], p.kwonlyargs, [p.kwarg]].map((group) => group.map((x) => x?.arg ?? '-').join(',')).join('/') +
    `/${p.defaults.length}/${p.kwDefaults.filter((d) => d !== null).length}`;
  return shape(a) === shape(b);
}

/** The method `name` of a class imported from another module of the program: its own or inherited (by its MRO). */
function importedMethod(className: string, name: string, ctx: TranslateContext): FunctionInfo | null {
  const imported = ctx.analysis.types.importedClasses.get(className);
  for (const cls of imported ? summarisedMro(imported) : []) {
    const method = cls.body.find((s): s is ast.FunctionDef => s.kind === 'FunctionDef' && s.name.id === name);
    if (method) return ctx.analysis.types.importedFunction(method, cls);
  }
  return null;
}

/** The constructor parameters a `@dataclass` gets: its annotated class attributes, in order. */
/** Keyword arguments placed by parameter name (all parameters positional). */
function argsByName(e: ast.Call, names: readonly string[], className: string, ctx: TranslateContext): string[] {
  // each argument fitted to the field it fills: a float given to a field of either kind is boxed
  const fitted = (value: ast.Expr, name: string | undefined) =>
    name === undefined || value.kind === 'Starred' ? expr(value, ctx) : exprAs(value, ctx.analysis.types.attributeType(className, name), ctx);
  const out = e.args.map((a, i) => fitted(a, names[i]));
  for (const k of e.keywords) {
    const index = k.arg ? names.indexOf(k.arg.id) : -1;
    if (index < 0) throw new Untranslatable(k.arg ? `keyword argument '${k.arg.id}'` : '**keyword arguments', k);
    while (out.length < index) out.push('undefined');
    out[index] = fitted(k.value, k.arg!.id);
  }
  return out;
}

/** `Worker(*spec)`: a spread TypeScript cannot fit to a constructor without a rest parameter (bound at run time). */
function spreadsIntoConstructor(e: ast.Call, ctx: TranslateContext): boolean {
  if (!e.args.some((a) => a.kind === 'Starred') || ctx.analysis.types.asyncioEntryOf(e.func)) return false;
  const binding = e.func.kind === 'Name' ? ctx.analysis.types.bindingOf(e.func) : null;
  const classes = binding?.kind === 'class' ? [binding.name] : (classesHeld(e.func, ctx) ?? []);
  return classes.some((name) => !classInit(name, ctx)?.node.args.vararg);
}

/** The classes a callee value may be, when it can only be classes (`typeof A | typeof B`); null otherwise. */
function classesHeld(f: ast.Expr, ctx: TranslateContext): string[] | null {
  const t = ctx.analysis.types.typeOf(f);
  const members = t.k === 'union' ? t.types : [t];
  return members.every((m) => m.k === 'class') ? members.map((m) => (m as { name: string }).name) : null;
}

/** The arguments of a call constructing one of `classes`: placed by their `__init__` when it is one for all. */
function constructorArgs(e: ast.Call, classes: readonly string[], ctx: TranslateContext): string[] {
  const inits = classes.map((name) => classInit(name, ctx));
  const init = inits[0];
  if (init && inits.every((f) => f !== null && sameParameters(f, init))) return userArgs(e, init, ctx, true);
  const fields = classes.length === 1 && !init ? dataclassInitFields(classes[0]!, ctx) : null;
  return fields ? argsByName(e, fields, classes[0]!, ctx) : positionalWithOptions(e, ctx);
}

/** The `__init__` a call of the class runs: its own or the first one in its MRO. */
function classInit(className: string, ctx: TranslateContext): FunctionInfo | null {
  const own = ctx.methodsNamed('__init__').find((f) => f.classNode!.name.id === className);
  if (own) return own;
  const cls = ctx.analysis.types.classes.get(className);
  return cls ? methodThroughMro(cls, '__init__', ctx) : null;
}
