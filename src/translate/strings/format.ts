// `"...".format(...)`: a template literal when every field is a plain `{}`/`{0}`/`{name}` whose value prints the
// same through `${}`; otherwise the runtime's `strFormat`, which implements the whole format mini-language.
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { printable } from '../expressions/builtin-calls.js';
import { expr, Untranslatable } from '../expressions/index.js';
import { templateText } from './fstrings.js';

export function strFormatCall(template: ast.Expr, args: readonly ast.Expr[], ctx: TranslateContext, keywords: readonly ast.Keyword[] = []): string {
  if (keywords.length === 0 && template.kind === 'Constant' && template.value.type === 'str' && args.every((a) => a.kind !== 'Starred')) {
    const literal = simpleTemplate(template.value.value, args, ctx);
    if (literal !== null) return literal;
  }
  const values = [expr(template, ctx), ...args.map((a) => printable(a, ctx))];
  if (keywords.length) {
    if (keywords.some((k) => k.arg === null)) throw new Untranslatable('**mapping in str.format', template);
    values.push(`${ctx.rt('kw')}({ ${keywords.map((k) => `${k.arg!.id}: ${printable(k.value, ctx)}`).join(', ')} })`);
  }
  return `${ctx.rt('strFormat')}(${values.join(', ')})`;
}

function simpleTemplate(text: string, args: readonly ast.Expr[], ctx: TranslateContext): string | null {
  let out = '`';
  let auto = 0;
  let manual = false;
  const used = new Set<number>();
  const fieldPattern = /\{\{|\}\}|\{([^{}]*)\}|[{}]/g;
  let last = 0;
  for (let m = fieldPattern.exec(text); m !== null; m = fieldPattern.exec(text)) {
    out += templateText(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0] === '{{' || m[0] === '}}') {
      out += m[0][0];
      continue;
    }
    if (m[1] === undefined) return null;
    const field = m[1];
    let index: number;
    if (field === '') index = auto++;
    else if (/^\d+$/.test(field)) index = Number(field);
    else return null;
    if (field === '' ? manual : auto > 0) return null; // mixing '{}' and '{0}' is the runtime's ValueError
    if (field !== '') manual = true;
    const arg = args[index];
    if (!arg) return null;
    // each argument is evaluated once, as Python does: a repeated field needs a plain name or constant
    if (used.has(index) && arg.kind !== 'Name' && arg.kind !== 'Constant') return null;
    used.add(index);
    const t = ctx.analysis.types.typeOf(arg);
    out += '${' + (t.k === 'str' || t.k === 'int' ? expr(arg, ctx) : `${ctx.rt('str')}(${printable(arg, ctx)})`) + '}';
  }
  // an argument no field uses is still evaluated by Python
  if (used.size < args.length) return null;
  return out + templateText(text.slice(last)) + '`';
}
