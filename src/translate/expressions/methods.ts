// Methods of Python's builtin types whose JavaScript namesakes differ. Only applied when analysis knows the
// receiver's type; otherwise the call goes through unchanged (camelCase), which is right for user classes.
import type { PyType } from '../../analyze/types.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { strFormatCall } from '../strings/format.js';
import { expr, paren } from './index.js';
import { exprAs } from './number-kinds.js';

export function methodCall(e: ast.Call, ctx: TranslateContext): string | null {
  if (e.func.kind !== 'Attribute') return null;
  const owner = e.func.value;
  if (owner.kind === 'Name' && owner.id === 'str' && !ctx.analysis.types.bindingOf(owner) && e.args[0] && e.args[0].kind !== 'Starred') {
    // `str.upper(s)`, the unbound method called, is `s.upper()`
    return methodCall({ ...e, func: { ...e.func, value: e.args[0] }, args: e.args.slice(1) }, ctx);
  }
  const declared = ctx.analysis.types.typeOf(e.func.value);
  // an Optional receiver (`text: Optional[str]` after an `is None` test): the methods of what it is otherwise
  const present = declared.k === 'union' ? declared.types.filter((t) => t.k !== 'None') : [];
  const receiverType = present.length === 1 ? present[0]! : declared;
  const name = e.func.attr.id;
  // bytes are runtime objects (PyBytes) whose methods are Python's, in camelCase
  if (receiverType.k === 'bytes') return null;
  if (receiverType.k === 'str' && name === 'format') return strFormatCall(e.func.value, e.args, ctx, e.keywords);
  // a bytes argument (`data.endswith(b'!')`) says the receiver is bytes, whose runtime class has these methods
  const bytesArgument = e.args.some((a) => ctx.analysis.types.typeOf(a).k === 'bytes');
  // a str method name on a receiver that may be str or bytes (or anything): decided by the runtime's dispatch
  const strOrBytes = receiverType.k === 'union' && receiverType.types.every((t) => t.k === 'str' || t.k === 'bytes');
  const maybeText =
    strOrBytes ||
    (receiverType.k === 'unknown' && TEXT_METHODS.has(name) && !bytesArgument && !isModuleMember(e.func.value, ctx));
  if (maybeText && !e.keywords.length && !e.args.some((a) => a.kind === 'Starred')) {
    const args = [expr(e.func.value, ctx), JSON.stringify(name), ...e.args.map((a) => expr(a, ctx))];
    return `${ctx.rt('callMethod')}(${args.join(', ')})`;
  }
  if (receiverType.k === 'str' || (receiverType.k === 'unknown' && STR_ONLY_METHODS.has(name) && !bytesArgument)) {
    return strMethod(e, name, receiverType.k === 'str', ctx);
  }
  if (receiverType.k === 'list') return listMethod(e, name, receiverType, ctx);
  if (INT_HELPERS.has(name) && (receiverType.k === 'int' || receiverType.k === 'bool' || receiverType.k === 'unknown')) {
    return intMethod(e, name, receiverType.k !== 'unknown', ctx);
  }
  if (receiverType.k === 'dict' && name === 'update' && e.keywords.length) {
    // `d.update(other, key=value)`: the keywords are the dict's keys, spelled as in Python
    if (e.keywords.some((k) => k.arg === null) || e.args.length > 1) return null;
    const entries = e.keywords.map((k) => `${JSON.stringify(k.arg!.id)}: ${expr(k.value, ctx)}`);
    const other = e.args[0] ? expr(e.args[0], ctx) : 'null';
    return `${paren(expr(e.func.value, ctx))}.update(${other}, ${ctx.rt('kw')}({ ${entries.join(', ')} }))`;
  }
  if ((receiverType.k === 'unknown' || receiverType.k === 'union') && LIST_METHOD_NAMES.has(name)) {
    // maybe a list (a JS array, which has no `append`): decided at run time
    const receiver = expr(e.func.value, ctx);
    const args = e.args.map((a) => expr(a, ctx));
    if (e.keywords.length) {
      if (e.keywords.some((k) => k.arg === null)) return null;
      args.push(`${ctx.rt('kw')}({ ${e.keywords.map((k) => `${k.arg!.id}: ${expr(k.value, ctx)}`).join(', ')} })`);
    }
    return `${ctx.rt('callMethod')}(${[receiver, JSON.stringify(name), ...args].join(', ')})`;
  }
  return null;
}

/** Python int methods, as the runtime's `intBitLength(x)`…; a number (or a bigint) has no such JS methods. */
const INT_HELPERS = new Map([
  ['bit_length', 'intBitLength'],
  ['bit_count', 'intBitCount'],
  ['to_bytes', 'intToBytes'],
]);

function intMethod(e: ast.Call, name: string, known: boolean, ctx: TranslateContext): string | null {
  if (e.func.kind !== 'Attribute' || e.args.some((a) => a.kind === 'Starred') || e.keywords.some((k) => k.arg === null)) return null;
  const args = [expr(e.func.value, ctx), ...e.args.map((a) => expr(a, ctx))];
  if (e.keywords.length) args.push(`${ctx.rt('kw')}({ ${e.keywords.map((k) => `${k.arg!.id}: ${expr(k.value, ctx)}`).join(', ')} })`);
  // a receiver of unknown type may be an object with a method of that name: decided at run time
  if (!known) return `${ctx.rt('callMethod')}(${[args[0], JSON.stringify(name), ...args.slice(1)].join(', ')})`;
  return `${ctx.rt(INT_HELPERS.get(name)!)}(${args.join(', ')})`;
}

/** Python list methods; on a receiver of unknown type they go through the runtime's `callMethod`. */
const LIST_METHOD_NAMES = new Set(['append', 'extend', 'insert', 'remove', 'pop', 'index', 'count', 'sort', 'reverse', 'copy', 'clear']);

/** Python str methods the runtime implements as `strName(s, …)` (src/runtime/builtins/str-methods.ts). */
export const STR_HELPERS = new Set(
  (
    'strip lstrip rstrip split rsplit splitlines join capitalize title swapcase center ljust rjust zfill count find ' +
    'rfind index rindex replace startswith endswith partition rpartition expandtabs removeprefix removesuffix isdigit ' +
    'isdecimal isnumeric isalpha isalnum isspace isupper islower istitle isidentifier isascii casefold isprintable encode'
  ).split(' '),
);
/** Methods only str has (of the builtin types but bytes): on a receiver of unknown type they mean the str method. */
const STR_ONLY_METHODS = new Set(
  (
    'upper lower strip lstrip rstrip split rsplit splitlines startswith endswith capitalize title swapcase center ' +
    'ljust rjust zfill partition rpartition expandtabs removeprefix removesuffix isdigit isdecimal isnumeric isalpha ' +
    'isalnum isspace isupper islower istitle isidentifier isascii casefold isprintable encode'
  ).split(' '),
);

/** `os.path`, `xml.etree`: an attribute of a module (a function or submodule, not a str), however deep. */
function isModuleMember(e: ast.Expr, ctx: TranslateContext): boolean {
  let root = e;
  while (root.kind === 'Attribute') root = root.value;
  return root !== e && ctx.analysis.types.typeOf(root).k === 'module';
}

/** Methods of str (and bytes) whose JavaScript namesakes on a string differ or are missing. */
const TEXT_METHODS = new Set([...STR_ONLY_METHODS, 'find', 'rfind', 'rindex', 'replace', 'join']);

/** Parameter names of str methods that take keyword arguments, for placing them positionally. */
const STR_PARAMS: Readonly<Record<string, readonly string[]>> = {
  split: ['sep', 'maxsplit'],
  rsplit: ['sep', 'maxsplit'],
  splitlines: ['keepends'],
  expandtabs: ['tabsize'],
  encode: ['encoding', 'errors'],
};

function strMethod(e: ast.Call, name: string, known: boolean, ctx: TranslateContext): string | null {
  const receiverNode = (e.func as ast.Attribute).value;
  const s = () => paren(expr(receiverNode, ctx));
  const positional = e.args.map((a) => expr(a, ctx));
  if (e.keywords.length) {
    const params = STR_PARAMS[name];
    if (!params || e.keywords.some((k) => k.arg === null || !params.includes(k.arg.id))) return null;
    for (const k of e.keywords) {
      const index = params.indexOf(k.arg!.id);
      while (positional.length < index) positional.push('undefined');
      positional[index] = expr(k.value, ctx);
    }
    return `${ctx.rt(strHelperName(name))}(${[expr(receiverNode, ctx), ...positional].join(', ')})`;
  }
  const args = () => positional;
  const argIsStr = (i: number) => e.args[i] !== undefined && ctx.analysis.types.typeOf(e.args[i]!).k === 'str';
  switch (name) {
    case 'format':
      return known ? strFormatCall(receiverNode, e.args, ctx) : null;
    case 'upper':
      return `${s()}.toUpperCase()`;
    case 'lower':
      return `${s()}.toLowerCase()`;
    case 'startswith':
      if (e.args.length === 1 && argIsStr(0) && known) return `${s()}.startsWith(${args()[0]})`;
      break;
    case 'endswith':
      if (e.args.length === 1 && argIsStr(0) && known) return `${s()}.endsWith(${args()[0]})`;
      break;
    case 'join': {
      const items = e.args[0] ? ctx.analysis.types.typeOf(e.args[0]) : null;
      if (items?.k === 'list' && items.elt.k === 'str' && e.args.length === 1)
        return `${paren(args()[0]!)}.join(${s()})`;
      break;
    }
    case 'split':
      // an empty separator is a ValueError in Python, a split into characters in JS
      if (e.args.length === 1 && argIsStr(0) && isNonEmptyStr(e.args[0]!) && known)
        return `${s()}.split(${args()[0]})`;
      break;
    default:
      break;
  }
  if (!STR_HELPERS.has(name)) return null;
  return `${ctx.rt(strHelperName(name))}(${[expr(receiverNode, ctx), ...args()].join(', ')})`;
}

/** Python list methods the runtime implements as functions (IndexError/ValueError as Python raises them). */
export const LIST_HELPERS = { pop: 'listPop', insert: 'listInsert', remove: 'listRemove', index: 'listIndex', count: 'listCount' } as const;

function listMethod(e: ast.Call, name: string, _t: PyType, ctx: TranslateContext): string | null {
  if (e.keywords.length && name !== 'sort') return null;
  const xs = () => paren(expr((e.func as ast.Attribute).value, ctx));
  const args = () => e.args.map((a) => expr(a, ctx));
  if (LIST_ARITY[name] && (e.args.length < LIST_ARITY[name][0] || e.args.length > LIST_ARITY[name][1])) {
    // CPython's TypeError, raised by the run-time dispatch
    return `${ctx.rt('callMethod')}(${[xs(), JSON.stringify(name), ...args()].join(', ')})`;
  }
  // Python's mutating methods return None where their JS namesakes return a length, the array or what was removed
  const none = (call: string) => (ctx.discardedValue === e ? call : `(${call}, null)`);
  switch (name) {
    case 'append': {
      // fitted to the list's items: a float appended to a list of ints and floats is boxed (number-kinds.ts)
      const list = ctx.analysis.types.typeOf((e.func as ast.Attribute).value);
      const item = list.k === 'list' ? exprAs(e.args[0]!, list.elt, ctx) : args()[0];
      return none(`${xs()}.push(${item})`);
    }
    case 'extend': {
      const items = e.args[0]!;
      if (items.kind === 'List' && !items.elts.some((x) => x.kind === 'Starred')) {
        return none(`${xs()}.push(${items.elts.map((x) => expr(x, ctx)).join(', ')})`);
      }
      return none(`${xs()}.push(...${paren(args()[0]!)})`);
    }
    case 'reverse':
      return none(`${xs()}.reverse()`);
    case 'copy':
      return `[...${xs()}]`;
    case 'clear':
      return none(`${xs()}.splice(0)`);
    case 'sort': {
      const options = e.keywords.map((k) => `${k.arg?.id}: ${expr(k.value, ctx)}`);
      return `${ctx.rt('sort')}(${xs()}${options.length ? `, { ${options.join(', ')} }` : ''})`;
    }
    case 'pop':
    case 'insert':
    case 'remove':
    case 'index':
    case 'count':
      return `${ctx.rt(LIST_HELPERS[name])}(${[xs(), ...args()].join(', ')})`;
    default:
      return null;
  }
}

/** How many positional arguments each list method takes: [least, most]. The runtime's ARITY
 *  (runtime/builtins/method-dispatch.ts) raises the TypeError; the translator may not import the runtime, so
 *  this copy only decides when to route a call there, and a test keeps the two equal. */
export const LIST_ARITY: Readonly<Record<string, readonly [number, number]>> = {
  append: [1, 1],
  extend: [1, 1],
  insert: [2, 2],
  remove: [1, 1],
  pop: [0, 1],
  index: [1, 3],
  count: [1, 1],
  sort: [0, 0],
  reverse: [0, 0],
  copy: [0, 0],
  clear: [0, 0],
};

function isNonEmptyStr(e: ast.Expr): boolean {
  return e.kind === 'Constant' && e.value.type === 'str' && e.value.value !== '';
}

/** `strip` → `strStrip`: the runtime's name for a str method. */
export function strHelperName(method: string): string {
  return `str${method[0]!.toUpperCase()}${method.slice(1)}`;
}
