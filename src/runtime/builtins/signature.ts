// Python's argument binding for calls the translator cannot place itself: `f(*args, **kwargs)` into a function whose
// keywords are only known at run time (decorators, functools.partial, `**mapping`). A translated function that can
// be called that way carries its Python signature as text, `"(a, b=…, /, c, *args, d, e=…, **kw)"`, and the binder
// turns positional values and a keyword mapping into the JS arguments of pyts's calling convention
// (docs/emitted-code.md): positional parameters in place (`undefined` lets a default apply), keyword-only ones and
// `**kwargs` in one trailing options object, branded with `kw()` after a `*args` rest parameter. Mismatches raise
// CPython's TypeError messages (Python/ceval.c initialize_locals).
import { PyDict } from './dict.js';
import { SystemError, TypeError } from './exceptions.js';
import { kw } from './kw.js';

interface Parameter {
  name: string;
  optional: boolean;
}

interface Signature {
  positional: Parameter[];
  /** how many of `positional` are positional-only */
  positionalOnly: number;
  varargs: boolean;
  /** keyword-only parameters; `key` is the options object's property (the TS name, when it differs) */
  keywordOnly: (Parameter & { key: string })[];
  varkw: boolean;
}

type Signed = Function & { __signature__?: string; __qualname__?: string; __wrapped__?: Function };

const parsed = new Map<string, Signature>();

function parse(text: string): Signature {
  let sig = parsed.get(text);
  if (sig) return sig;
  sig = { positional: [], positionalOnly: 0, varargs: false, keywordOnly: [], varkw: false };
  let keywordOnly = false;
  for (const part of text.slice(1, -1).split(',').map((p) => p.trim()).filter(Boolean)) {
    if (part === '/') sig.positionalOnly = sig.positional.length;
    else if (part === '*') keywordOnly = true;
    else if (part.startsWith('**')) sig.varkw = true;
    else if (part.startsWith('*')) {
      sig.varargs = true;
      keywordOnly = true;
    } else {
      const optional = part.endsWith('=…');
      const [name, key] = part.replace('=…', '').split(':') as [string, string | undefined];
      if (keywordOnly) sig.keywordOnly.push({ name, optional, key: key ?? name });
      else sig.positional.push({ name, optional });
    }
  }
  parsed.set(text, sig);
  return sig;
}

/**
 * What a translated function that leaves the translator's sight tells the runtime about itself: its Python name
 * (a decorated function is an anonymous function expression, so that its body's calls of its name reach the
 * decorated result, as in Python), its signature and its docstring. Returns `fn`.
 */
export function pythonFunction<F extends Function>(fn: F, name: string, signature?: string | null, doc?: string): F {
  const described = fn as Signed & { __doc__?: string };
  if (name !== fn.name) described.__qualname__ = name;
  if (signature) described.__signature__ = signature;
  if (doc !== undefined) described.__doc__ = doc;
  return fn;
}

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as Function;

/**
 * A decorated method as a class attribute: what the decorators returned, called with the instance first when the
 * method is called on one (Python binds `self` that way), and async when it is (so an unawaited call stays lazy).
 */
export function pythonMethod(fn: unknown): any {
  if (typeof fn !== 'function') return fn;
  const method = fn as (...args: unknown[]) => unknown;
  if (fn instanceof AsyncFunction) {
    return async function (this: unknown, ...args: unknown[]) {
      return method(this, ...args);
    };
  }
  return function (this: unknown, ...args: unknown[]) {
    return method(this, ...args);
  };
}

/** Attach a Python signature to a function (returned, for use inside expressions). */
export function withSignature<F extends Function>(fn: F, signature: string): F {
  (fn as Signed).__signature__ = signature;
  return fn;
}

/** The signature text of `fn`, following `functools.wraps`' `__wrapped__` as `inspect.signature` does. */
export function signatureOf(fn: unknown): string | undefined {
  let f = fn as Signed | undefined;
  for (let depth = 0; f && depth < 100; depth++) {
    if (f.__signature__ !== undefined) return f.__signature__;
    f = f.__wrapped__ as Signed | undefined;
  }
  return undefined;
}

/**
 * Call `fn` as Python calls it with positional values `args` and keyword arguments `keywords` (an object or a
 * dict). A function without a signature is a runtime function, which takes keywords as `kw({ camelCase })`.
 */
export function callPython(fn: unknown, args: readonly unknown[], keywords?: Record<string, unknown> | PyDict<string, unknown>): any {
  if (typeof fn !== 'function') {
    const call = (fn as { __call__?: Function } | null)?.__call__;
    if (typeof call === 'function') return callPython(call.bind(fn), args, keywords);
    throw new TypeError(`'${fn === null || fn === undefined ? 'NoneType' : typeof fn}' object is not callable`);
  }
  const given: (readonly [string, unknown])[] = keywords instanceof PyDict ? [...keywords.items()] : Object.entries(keywords ?? {});
  const text = (fn as Signed).__signature__;
  // a class (a translated one is a JS class, whose prototype alone is read-only): JavaScript constructs it with `new`
  const call =
    Object.getOwnPropertyDescriptor(fn, 'prototype')?.writable === false
      ? (...values: unknown[]) => new (fn as unknown as new (...values: unknown[]) => unknown)(...values)
      : fn;
  if (text === undefined) {
    if (given.length === 0) return call(...args);
    return call(...args, kw(Object.fromEntries(given.map(([k, v]) => [k.replace(/_+([a-zA-Z0-9])/g, (_m, c: string) => c.toUpperCase()), v]))));
  }
  return call(...bind(parse(text), `${(fn as Signed).__qualname__ ?? fn.name}()`, args, given));
}

function bind(sig: Signature, name: string, args: readonly unknown[], given: (readonly [string, unknown])[]): unknown[] {
  const values: unknown[] = new Array(sig.positional.length).fill(undefined);
  const filled: boolean[] = sig.positional.map((_, i) => i < args.length);
  args.slice(0, sig.positional.length).forEach((a, i) => (values[i] = a));
  const extra = args.slice(sig.positional.length);
  const options: Record<string, unknown> = {};
  const positionalOnlyByKeyword: string[] = [];
  for (const [key, value] of given) {
    const index = sig.positional.findIndex((p, i) => i >= sig.positionalOnly && p.name === key);
    if (index >= 0) {
      if (filled[index]) throw new TypeError(`${name} got multiple values for argument '${key}'`);
      values[index] = value;
      filled[index] = true;
      continue;
    }
    const keywordOnly = sig.keywordOnly.find((p) => p.name === key);
    if (keywordOnly) {
      options[keywordOnly.key] = value;
      continue;
    }
    if (sig.varkw) {
      options[key] = value;
      continue;
    }
    if (sig.positional.some((p, i) => i < sig.positionalOnly && p.name === key)) {
      positionalOnlyByKeyword.push(key);
      continue;
    }
    throw new TypeError(`${name} got an unexpected keyword argument '${key}'`);
  }
  if (positionalOnlyByKeyword.length) {
    throw new TypeError(
      `${name} got some positional-only arguments passed as keyword arguments: '${positionalOnlyByKeyword.join(', ')}'`,
    );
  }
  if (extra.length && !sig.varargs) throw new TypeError(tooManyPositional(sig, name, args.length, given.length));
  const missing = sig.positional.filter((p, i) => !filled[i] && !p.optional).map((p) => p.name);
  if (missing.length) throw new TypeError(missingMessage(name, missing, 'positional'));
  const missingKeywordOnly = sig.keywordOnly.filter((p) => !p.optional && !(p.key in options)).map((p) => p.name);
  if (missingKeywordOnly.length) throw new TypeError(missingMessage(name, missingKeywordOnly, 'keyword-only'));
  const hasOptions = sig.keywordOnly.length > 0 || sig.varkw;
  if (sig.varargs) return hasOptions ? [...values, ...extra, kw(options)] : [...values, ...extra];
  return hasOptions ? [...values, options] : values;
}

function tooManyPositional(sig: Signature, name: string, given: number, keywordCount: number): string {
  const required = sig.positional.filter((p) => !p.optional).length;
  const total = sig.positional.length;
  const takes = required === total ? `${total}` : `from ${required} to ${total}`;
  const plural = required === total && total === 1 ? 'argument' : 'arguments';
  const keywordOnly = sig.keywordOnly.length && keywordCount ? keywordCount : 0;
  const was = keywordOnly
    ? `${given} positional argument${given === 1 ? '' : 's'} (and ${keywordOnly} keyword-only argument${keywordOnly === 1 ? '' : 's'}) were`
    : `${given} ${given === 1 ? 'was' : 'were'}`;
  return `${name} takes ${takes} positional ${plural} but ${was} given`;
}

function missingMessage(name: string, missing: string[], kind: string): string {
  const quoted = missing.map((m) => `'${m}'`);
  const list =
    quoted.length === 1
      ? quoted[0]
      : quoted.length === 2
        ? `${quoted[0]} and ${quoted[1]}`
        : `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}`;
  return `${name} missing ${missing.length} required ${kind} argument${missing.length === 1 ? '' : 's'}: ${list}`;
}

/**
 * A call the translator found cannot bind (`f(1)` for `def f(a, b)`): raises the TypeError CPython raises for it.
 * The arguments are evaluated first, as Python evaluates them before binding. `name` is the qualified name
 * (`Greeter.greet`), `args` include `self` for a method.
 */
export function badCall(name: string, signature: string, args: readonly unknown[], keywords?: Record<string, unknown>): never {
  bind(parse(signature), `${name}()`, args, Object.entries(keywords ?? {}));
  throw new SystemError(`${name}() was expected to refuse these arguments`);
}

/** A call CPython refuses with a message known when translating (`len()`, `None()`), after evaluating `_args`. */
export function callFails(message: string, ..._args: unknown[]): never {
  throw new TypeError(message);
}
