// Methods of Python's builtin types whose JavaScript namesakes differ. Only applied when analysis knows the
// receiver's type; otherwise the call goes through unchanged (camelCase), which is right for user classes.
import type { PyType } from '../../analyze/types.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { strFormatCall } from '../strings/format.js';
import { expr, paren } from './index.js';

export function methodCall(e: ast.Call, ctx: TranslateContext): string | null {
  if (e.func.kind !== 'Attribute' || e.keywords.length) return null;
  const receiverType = ctx.analysis.types.typeOf(e.func.value);
  const name = e.func.attr.id;
  if (receiverType.k === 'str') return strMethod(e, name, ctx);
  if (receiverType.k === 'list') return listMethod(e, name, receiverType, ctx);
  return null;
}

function strMethod(e: ast.Call, name: string, ctx: TranslateContext): string | null {
  const receiverNode = (e.func as ast.Attribute).value;
  const s = () => paren(expr(receiverNode, ctx));
  const args = () => e.args.map((a) => expr(a, ctx));
  const argIsStr = (i: number) => e.args[i] !== undefined && ctx.analysis.types.typeOf(e.args[i]!).k === 'str';
  switch (name) {
    case 'format':
      return strFormatCall(receiverNode, e.args, ctx);
    case 'upper':
      return `${s()}.toUpperCase()`;
    case 'lower':
      return `${s()}.toLowerCase()`;
    case 'startswith':
      return e.args.length === 1 && argIsStr(0) ? `${s()}.startsWith(${args()[0]})` : null;
    case 'endswith':
      return e.args.length === 1 && argIsStr(0) ? `${s()}.endsWith(${args()[0]})` : null;
    case 'replace':
      return e.args.length === 2 ? `${s()}.replaceAll(${args().join(', ')})` : null;
    case 'join': {
      const items = e.args[0] ? ctx.analysis.types.typeOf(e.args[0]) : null;
      if (items?.k === 'list' && items.elt.k === 'str') return `${paren(args()[0]!)}.join(${s()})`;
      return `${ctx.rt('strJoin')}(${s()}, ${args()[0]})`;
    }
    case 'split':
      if (e.args.length === 1 && argIsStr(0) && e.args[0]!.kind === 'Constant') return `${s()}.split(${args()[0]})`;
      return `${ctx.rt('strSplit')}(${[s(), ...args()].join(', ')})`;
    default:
      return null;
  }
}

function listMethod(e: ast.Call, name: string, _t: PyType, ctx: TranslateContext): string | null {
  const xs = () => paren(expr((e.func as ast.Attribute).value, ctx));
  const args = () => e.args.map((a) => expr(a, ctx));
  switch (name) {
    case 'append':
      return `${xs()}.push(${args()[0]})`;
    case 'extend':
      return `${xs()}.push(...${paren(args()[0]!)})`;
    case 'reverse':
      return `${xs()}.reverse()`;
    case 'copy':
      return `[...${xs()}]`;
    case 'clear':
      return `${xs()}.splice(0)`;
    case 'pop':
    case 'insert':
    case 'remove':
    case 'index':
    case 'count':
    case 'sort':
      return `${ctx.rt(`list${name[0]!.toUpperCase()}${name.slice(1)}`)}(${[xs(), ...args()].join(', ')})`;
    default:
      return null;
  }
}
