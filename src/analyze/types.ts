// What analysis knows about a value's Python type. Two things depend on it: the TypeScript annotations pyts
// writes (strict tsc must accept them), and Python's printing rules (an int and an integral float are the same JS
// number but print as `1` and `1.0`).
import { isReserved } from './names.js';

export type PyType =
  | { k: 'int' }
  | { k: 'float' }
  | { k: 'bool' }
  | { k: 'str' }
  | { k: 'bytes' }
  | { k: 'None' }
  | { k: 'list'; elt: PyType }
  | { k: 'tuple'; elts: PyType[] | null; elt: PyType }
  | { k: 'dict'; key: PyType; value: PyType }
  | { k: 'set'; elt: PyType }
  /** a coroutine object: the value of calling an `async def` without awaiting it */
  | { k: 'coroutine'; result: PyType }
  /** a generator object: what calling a (sync) generator function gives */
  | { k: 'generator'; yields: PyType }
  | { k: 'task'; result: PyType }
  | { k: 'future'; result: PyType }
  /** an object of a runtime class that needs no type argument (`AbstractEventLoop`, `Handle`…) */
  | { k: 'runtime'; ts: string; module: string }
  | { k: 'module'; name: string }
  | { k: 'function'; fn: FunctionSignature }
  | { k: 'class'; name: string; ts: string }
  | { k: 'instance'; name: string; ts: string }
  | { k: 'exception'; ts: string }
  | { k: 'union'; types: PyType[] }
  /** nothing known yet: what a variable's own earlier value contributes while its type is being computed
   *  (`acc = acc * 31 + x`); joins away, and stands for `unknown` if it survives */
  | { k: 'never' }
  | { k: 'unknown' };

/** What a call site needs to know about a callable. */
export interface FunctionSignature {
  isAsync: boolean;
  /** `optional`: has a default; `rest`: the `*args` parameter */
  params: { name: string; type: PyType; optional?: boolean; rest?: boolean }[];
  returns: PyType;
}

export const INT: PyType = { k: 'int' };
export const FLOAT: PyType = { k: 'float' };
export const BOOL: PyType = { k: 'bool' };
export const STR: PyType = { k: 'str' };
export const BYTES: PyType = { k: 'bytes' };
export const NONE: PyType = { k: 'None' };
export const UNKNOWN: PyType = { k: 'unknown' };
export const NEVER: PyType = { k: 'never' };

export const listOf = (elt: PyType): PyType => ({ k: 'list', elt });
export const coroutineOf = (result: PyType): PyType => ({ k: 'coroutine', result });
export const taskOf = (result: PyType): PyType => ({ k: 'task', result });
export const futureOf = (result: PyType): PyType => ({ k: 'future', result });
export const runtimeType = (ts: string, module = 'asyncio'): PyType => ({ k: 'runtime', ts, module });

export function isNumeric(t: PyType): boolean {
  return t.k === 'int' || t.k === 'float' || t.k === 'bool';
}

/** True when a value of this type is a float wherever it is a number, so printing must be told it is a float
 *  (`asFloat`). A mix of ints and floats (`[1, 2.5]`) carries its kinds at run time instead (`carriesKind`). */
export function mayBeFloat(t: PyType): boolean {
  if (t.k === 'float') return true;
  return t.k === 'union' && t.types.some((m) => m.k === 'float') && !t.types.some((m) => m.k === 'int');
}

/** An int or a float, as the items of `[1, 2.5]` are: each keeps its own kind (see `joinElements`). */
export const INT_OR_FLOAT: PyType = { k: 'union', types: [INT, FLOAT] };

/**
 * True for a type that holds ints and floats alike (`int | float`, `int | float | None`): analysis cannot know a
 * value's kind, so the value carries it (a float that is integral or NaN is a runtime `PyFloat`, see the runtime's
 * py-float.ts), its TypeScript type is `PyNumber`, and arithmetic on it goes through the runtime's helpers.
 */
export function carriesKind(t: PyType): boolean {
  return t.k === 'union' && t.types.some((m) => m.k === 'int') && t.types.some((m) => m.k === 'float');
}

/** True for int, float, bool and their mixes whose values are plain JS numbers and booleans (not `carriesKind`). */
export function isNumberType(t: PyType): boolean {
  return isNumeric(t) || (t.k === 'union' && t.types.every(isNumeric) && !carriesKind(t));
}

/** True for numbers whose kind is carried at run time: `int | float` with or without bools. */
export function isKindCarryingNumber(t: PyType): boolean {
  return carriesKind(t) && (t as { types: PyType[] }).types.every(isNumeric);
}

export function sameType(a: PyType, b: PyType): boolean {
  if (a === b) return true;
  // every kind's key starts with the kind's own name or mark, so two kinds differ, except that a union's key is
  // its members' (a union of one type has that type's key)
  if (a.k !== b.k && a.k !== 'union' && b.k !== 'union') return false;
  return typeKey(a) === typeKey(b);
}

function typeKey(t: PyType): string {
  switch (t.k) {
    case 'list':
    case 'set':
      return `${t.k}[${typeKey(t.elt)}]`;
    case 'tuple':
      return t.elts ? `tuple[${t.elts.map(typeKey).join(',')}]` : `tuple[${typeKey(t.elt)},...]`;
    case 'dict':
      return `dict[${typeKey(t.key)},${typeKey(t.value)}]`;
    case 'coroutine':
    case 'task':
    case 'future':
      return `${t.k}[${typeKey(t.result)}]`;
    case 'generator':
      return `generator[${typeKey(t.yields)}]`;
    case 'runtime':
    case 'class':
    case 'instance':
    case 'exception':
      return `${t.k}:${t.ts}`;
    case 'module':
      return `module:${t.name}`;
    case 'function':
      return `fn(${t.fn.params.map((p) => typeKey(p.type)).join(',')})->${typeKey(t.fn.returns)}`;
    case 'union':
      return t.types.map(typeKey).sort().join('|');
    default:
      return t.k;
  }
}

/**
 * The least type covering both: used when a variable is assigned several values or a function has several
 * returns. int joined with float is float (Python's numeric tower); anything else unrelated becomes a union.
 */
export function join(a: PyType, b: PyType): PyType {
  if (a.k === 'never') return b;
  if (b.k === 'never') return a;
  if (a.k === 'unknown' || b.k === 'unknown') return UNKNOWN;
  if (sameType(a, b)) return a;
  if ((a.k === 'int' && b.k === 'float') || (a.k === 'float' && b.k === 'int')) return FLOAT;
  if (a.k === 'list' && b.k === 'list') return listOf(join(a.elt, b.elt));
  if (a.k === 'set' && b.k === 'set') return { k: 'set', elt: join(a.elt, b.elt) };
  if (a.k === 'dict' && b.k === 'dict') return { k: 'dict', key: join(a.key, b.key), value: join(a.value, b.value) };
  const members = [...(a.k === 'union' ? a.types : [a]), ...(b.k === 'union' ? b.types : [b])];
  const unique: PyType[] = [];
  for (const m of members) if (!unique.some((u) => sameType(u, m))) unique.push(m);
  if (unique.length > 4) return UNKNOWN;
  return { k: 'union', types: unique };
}

/**
 * The type covering several values that exist side by side (the items of a list display, the two arms of a
 * conditional): like `join`, except that ints and floats stay a mix, since each item keeps its own kind where a
 * variable assigned `0` and then `x + 0.5` becomes a float.
 */
export function joinElements(a: PyType, b: PyType): PyType {
  // (only a union's key can be INT_OR_FLOAT's `float|int`: other kinds' keys are a word, or bracket their members)
  const numbers = (t: PyType) => t.k === 'int' || t.k === 'float' || (t.k === 'union' && sameType(t, INT_OR_FLOAT));
  if (numbers(a) && numbers(b) && !sameType(a, b)) return INT_OR_FLOAT;
  // `[(7, 2), (7.5, 2)]`: pairs whose places are joined one by one
  if (a.k === 'tuple' && b.k === 'tuple' && a.elts && b.elts && a.elts.length === b.elts.length && !sameType(a, b)) {
    const elts = a.elts.map((x, i) => joinElements(x, b.elts![i]!));
    return { k: 'tuple', elts, elt: elts.length ? elts.reduce(joinElements) : UNKNOWN };
  }
  return join(a, b);
}

/**
 * The type covering values that reach one place from several sources (the arguments a parameter is called with,
 * the values a field is given): like `joinElements` all the way into containers, since each value keeps its kind
 * (`f([7])` and `f([2.5])` give `list[int | float]`).
 */
export function joinKinds(a: PyType, b: PyType): PyType {
  if (a.k === 'list' && b.k === 'list') return listOf(joinKinds(a.elt, b.elt));
  if (a.k === 'set' && b.k === 'set') return { k: 'set', elt: joinKinds(a.elt, b.elt) };
  if (a.k === 'dict' && b.k === 'dict') return { k: 'dict', key: joinKinds(a.key, b.key), value: joinKinds(a.value, b.value) };
  if (a.k === 'tuple' && b.k === 'tuple' && !(a.elts && b.elts && a.elts.length === b.elts.length)) {
    return { k: 'tuple', elts: null, elt: joinKinds(a.elt, b.elt) };
  }
  return joinElements(a, b);
}

/**
 * The type of a place annotated `annotated` that is given values of type `given`. Annotations convert nothing in
 * Python, so where the annotation says `float` the kind is the values' own: int, float, or either (`int | float`,
 * also for values of unknown type). Elsewhere the annotation stands.
 */
export function kindsOf(annotated: PyType, given: PyType): PyType {
  switch (annotated.k) {
    case 'float':
      if (given.k === 'int' || given.k === 'float') return given;
      if (given.k === 'never' || given.k === 'bool' || given.k === 'None') return annotated;
      return given.k === 'union' && given.types.every((m) => m.k === 'int' || m.k === 'bool') ? INT : INT_OR_FLOAT;
    case 'list':
    case 'set':
      return given.k === annotated.k ? { k: annotated.k, elt: kindsOf(annotated.elt, given.elt) } : annotated;
    case 'dict':
      return given.k === 'dict' ? { k: 'dict', key: annotated.key, value: kindsOf(annotated.value, given.value) } : annotated;
    case 'tuple': {
      if (given.k !== 'tuple') return annotated;
      const elts = annotated.elts && given.elts && annotated.elts.length === given.elts.length ? annotated.elts.map((x, i) => kindsOf(x, given.elts![i]!)) : null;
      return { k: 'tuple', elts: elts ?? annotated.elts, elt: elts ? elts.reduce(joinElements) : kindsOf(annotated.elt, given.elt) };
    }
    case 'union': {
      // `Optional[float]`: the kind of what is given besides None
      const others: PyType[] = annotated.types.filter((m) => m.k !== 'None');
      if (others.length !== 1 || others.length === annotated.types.length) return annotated;
      const values: PyType[] = given.k === 'union' ? given.types.filter((m) => m.k !== 'None') : given.k === 'None' ? [] : [given];
      if (values.length === 0) return annotated;
      return join(kindsOf(others[0]!, values.reduce(joinElements)), NONE);
    }
    default:
      return annotated;
  }
}

export function joinAll(types: PyType[]): PyType | null {
  if (types.length === 0) return null;
  return types.reduce(join);
}

/** The element type produced by iterating a value of type `t`. */
export function iterationType(t: PyType): PyType {
  switch (t.k) {
    case 'list':
    case 'set':
    case 'tuple':
      return t.elt;
    case 'dict':
      return t.key;
    case 'str':
      return STR;
    case 'runtime':
      return t.ts === 'range' ? INT : UNKNOWN;
    case 'generator':
      return t.yields;
    default:
      return UNKNOWN;
  }
}

/**
 * The TypeScript spelling of a type. `asyncio` is the local name under which the runtime's asyncio module is
 * imported (types such as `asyncio.Task<T>` need it); `null` asks for names imported directly.
 */
export function toTs(t: PyType, asyncioName = 'asyncio'): string {
  const q = (name: string) => `${asyncioName}.${name}`;
  switch (t.k) {
    case 'int':
    case 'float':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'str':
      return 'string';
    case 'bytes':
      return 'PyBytes';
    case 'None':
      return 'null';
    case 'list':
      return `${wrapUnion(toTs(t.elt, asyncioName))}[]`;
    case 'tuple':
      return t.elts
        ? `readonly [${t.elts.map((e) => toTs(e, asyncioName)).join(', ')}]`
        : `readonly ${wrapUnion(toTs(t.elt, asyncioName))}[]`;
    case 'dict':
      return `PyDict<${toTs(t.key, asyncioName)}, ${toTs(t.value, asyncioName)}>`;
    case 'set':
      return `PySet<${toTs(t.elt, asyncioName)}>`;
    case 'coroutine':
      return `${q('Coroutine')}<${toTs(t.result, asyncioName)}>`;
    case 'generator':
      return `PyGenerator<${toTs(t.yields, asyncioName)}>`;
    case 'task':
      return `${q('Task')}<${toTs(t.result, asyncioName)}>`;
    case 'future':
      return `${q('Future')}<${toTs(t.result, asyncioName)}>`;
    case 'runtime':
      if (t.ts === 'range') return 'Iterable<number>';
      // an unparameterised generic (`q: asyncio.Queue`) holds anything, as typing reads it: Any, not unknown
      if (t.module === 'asyncio' && GENERIC_RUNTIME_CLASSES.has(t.ts)) return `${q(t.ts)}<any>`;
      return t.module === 'asyncio' ? q(t.ts) : t.ts;
    case 'module':
      return 'any';
    case 'function':
      return `(${t.fn.params.map((p) => `${p.rest ? '...' : ''}${isReserved(p.name) ? `${p.name}_` : p.name}${p.optional ? '?' : ''}: ${toTs(p.type, asyncioName)}${p.rest ? '[]' : ''}`).join(', ')}) => ${
        t.fn.isAsync ? `Promise<${toTs(t.fn.returns, asyncioName)}>` : toTs(t.fn.returns, asyncioName)
      }`;
    case 'class':
      return `typeof ${t.ts}`;
    case 'instance':
    case 'exception':
      return t.ts;
    case 'union': {
      // a function type inside a union needs parentheses: `(() => number) | null`
      const kinds = carriesKind(t);
      const parts = [...new Set(t.types.map((m) => (kinds && (m.k === 'int' || m.k === 'float') ? 'PyNumber' : toTs(m, asyncioName))))].map((p) => (p.includes('=>') ? `(${p})` : p));
      return parts.includes('any') ? 'any' : parts.join(' | ');
    }
    case 'unknown':
    case 'never':
      return 'any';
  }
}

/** asyncio's classes whose runtime counterparts take a type argument (what they hold). */
const GENERIC_RUNTIME_CLASSES: ReadonlySet<string> = new Set(['Queue', 'PriorityQueue', 'LifoQueue']);

function wrapUnion(ts: string): string {
  return /[|&=]/.test(ts) ? `(${ts})` : ts;
}
