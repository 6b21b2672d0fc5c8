// pyts/runtime/contextvars: Python's context variables (PEP 567) for translated code.
//
// A Context maps variables to values through an immutable Map replaced on every `set()`, so `copyContext()` is
// one small object sharing the map. The current context is the one a `Context.run()` entered, else the running
// task's (each asyncio Task holds a copy of its creator's context, taken when it was created), else the
// process's base context.

import { KeyError, LookupError, RuntimeError, TypeError, ValueError } from '../builtins/exceptions.js';
import { addressOf } from '../builtins/identity.js';
import { repr } from '../builtins/repr.js';
import { tuple } from '../builtins/tuple.js';

// Classes translated code calls without `new` (`contextvars.ContextVar("v")`, `contextvars.Context()`): the
// export is the class itself, callable as a function too.
function callableClass<C extends new (...args: any[]) => object>(
  cls: C,
): C & ((...args: ConstructorParameters<C>) => InstanceType<C>) {
  return new Proxy(cls, {
    apply: (target, _thisArg, args) => new target(...args),
  }) as C & ((...args: ConstructorParameters<C>) => InstanceType<C>);
}

type Data = ReadonlyMap<ContextVarImpl<unknown>, unknown>;
const EMPTY: Data = new Map();

/** A mapping of context variables to values (contextvars.Context). */
class ContextImpl {
  static __pyname__ = 'Context';
  static __module__ = 'contextvars';
  _data: Data = EMPTY;
  _entered = false;

  /**
   * Call `fn(...args)` with this context as the current one, and return its result; `set()` calls made meanwhile
   * change this context. RuntimeError if the context is already entered.
   */
  run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): R {
    if (this._entered) throw new RuntimeError(`cannot enter context: ${repr(this)} is already entered`);
    const previous = entered;
    this._entered = true;
    entered = this;
    try {
      return fn(...args);
    } finally {
      entered = previous;
      this._entered = false;
    }
  }

  /** A shallow copy. */
  copy(): ContextImpl {
    const copied = new ContextImpl();
    copied._data = this._data;
    return copied;
  }

  /** `ctx[var]`: KeyError when the variable has no value in this context. */
  __getitem__(variable: ContextVarImpl<unknown>): unknown {
    checkVar(variable);
    if (!this._data.has(variable)) throw new KeyError(variable);
    return this._data.get(variable);
  }

  __contains__(variable: ContextVarImpl<unknown>): boolean {
    checkVar(variable);
    return this._data.has(variable);
  }

  __len__(): number {
    return this._data.size;
  }

  get(variable: ContextVarImpl<unknown>, fallback: unknown = null): unknown {
    checkVar(variable);
    return this._data.has(variable) ? this._data.get(variable) : fallback;
  }

  keys(): ContextVarImpl<unknown>[] {
    return [...this._data.keys()];
  }

  values(): unknown[] {
    return [...this._data.values()];
  }

  items(): (readonly [ContextVarImpl<unknown>, unknown])[] {
    return [...this._data.entries()].map(([k, v]) => tuple(k, v));
  }

  [Symbol.iterator](): Iterator<ContextVarImpl<unknown>> {
    return this._data.keys();
  }

  __repr__(): string {
    return `<_contextvars.Context object at ${addressOf(this)}>`;
  }
}

function checkVar(variable: unknown): void {
  if (!(variable instanceof ContextVarImpl)) {
    throw new TypeError(`a ContextVar key was expected, got ${repr(variable)}`);
  }
}

// The context entered by Context.run, innermost first; null when none is.
let entered: ContextImpl | null = null;
// The context of code running outside any task and any Context.run (module level, loop callbacks).
const baseContext = new ContextImpl();

// The context of the asyncio task whose step is running, if any; asyncio's tasks module provides it (this module
// imports nothing from asyncio, which imports it).
let runningTaskContext: () => ContextImpl | null = () => null;

/** Internal: let asyncio tell which task context is current (called once by tasks.ts). */
export function _setRunningTaskContext(source: () => ContextImpl | null): void {
  runningTaskContext = source;
}

/** The current context (the one `ContextVar.get`/`set` use). */
function currentContext(): ContextImpl {
  if (entered !== null) return entered;
  return runningTaskContext() ?? baseContext;
}

/** contextvars.copy_context(): a copy of the current context. */
export function copyContext(): ContextImpl {
  return currentContext().copy();
}

// Whether any variable was ever set: until then every context is empty, and loop callbacks need no copy.
let anySet = false;

/**
 * The context a loop callback or a task created now runs in (a copy of the current one), or null while all are
 * empty: the callback then runs in the current context, and the task makes its own empty one when it needs it.
 */
export function _handleContext(): ContextImpl | null {
  return anySet ? currentContext().copy() : null;
}

const MISSING = Object.freeze({
  __repr__(): string {
    return '<Token.MISSING>';
  },
});

/** What `ContextVar.set` returns, to undo that set with `reset` (contextvars.Token). */
class TokenImpl {
  static __pyname__ = 'Token';
  static __module__ = 'contextvars';
  static MISSING = MISSING;
  _used = false;

  constructor(
    readonly _context: ContextImpl,
    readonly _var: ContextVarImpl<unknown>,
    readonly _oldValue: unknown,
  ) {}

  get var(): ContextVarImpl<unknown> {
    return this._var;
  }

  /** The variable's value before the set, or Token.MISSING. */
  get oldValue(): unknown {
    return this._oldValue;
  }

  __repr__(): string {
    const used = this._used ? ' used' : '';
    return `<Token${used} var=${repr(this._var)} at ${addressOf(this)}>`;
  }
}

const NO_DEFAULT = Symbol('no default');

/** A context variable (contextvars.ContextVar(name, default=…)). */
class ContextVarImpl<T> {
  static __pyname__ = 'ContextVar';
  static __module__ = 'contextvars';
  readonly _name: string;
  readonly _default: T | typeof NO_DEFAULT;

  constructor(name: string, options?: { default?: T }) {
    if (typeof name !== 'string') throw new TypeError('context variable name must be a str');
    this._name = name;
    this._default = options !== undefined && 'default' in options ? (options.default as T) : NO_DEFAULT;
    // Python's `var.get` is a bound method, often handed over as a callable (`run_in_executor(None, var.get)`).
    this.get = this.get.bind(this);
    this.set = this.set.bind(this);
    this.reset = this.reset.bind(this);
  }

  get name(): string {
    return this._name;
  }

  /**
   * The value in the current context; else `fallback` if given, else the variable's default; else
   * LookupError(var).
   */
  get(...fallback: [T?]): T {
    const data = currentContext()._data;
    if (data.has(this)) return data.get(this) as T;
    if (fallback.length > 0) return fallback[0] as T;
    if (this._default !== NO_DEFAULT) return this._default;
    throw new LookupError(this);
  }

  /** Set the value in the current context; returns a Token for `reset`. */
  set(value: T): TokenImpl {
    anySet = true;
    const context = currentContext();
    const old = context._data;
    const token = new TokenImpl(context, this, old.has(this) ? old.get(this) : MISSING);
    context._data = new Map(old).set(this, value);
    return token;
  }

  /** Restore the value the variable had before the `set` that returned `token`. */
  reset(token: TokenImpl): void {
    if (!(token instanceof TokenImpl)) throw new TypeError(`expected an instance of Token, got ${repr(token)}`);
    if (token._used) throw new RuntimeError(`${repr(token)} has already been used once`);
    if (token._var !== this) throw new ValueError(`${repr(token)} was created by a different ContextVar`);
    const context = currentContext();
    if (token._context !== context) throw new ValueError(`${repr(token)} was created in a different Context`);
    const data = new Map(context._data);
    if (token._oldValue === MISSING) data.delete(this);
    else data.set(this, token._oldValue);
    context._data = data;
    token._used = true;
  }

  __repr__(): string {
    const fallback = this._default === NO_DEFAULT ? '' : ` default=${repr(this._default)}`;
    return `<ContextVar name=${repr(this._name)}${fallback} at ${addressOf(this)}>`;
  }
}

export const Context = callableClass(ContextImpl);
export type Context = ContextImpl;
export const ContextVar = callableClass(ContextVarImpl);
export type ContextVar<T> = ContextVarImpl<T>;
export const Token = TokenImpl;
export type Token = TokenImpl;
