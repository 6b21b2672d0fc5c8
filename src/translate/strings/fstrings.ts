// f-strings → template literals. A field whose value is a str or an int prints the same through `${}`; anything
// else (floats, booleans, None, containers) goes through the runtime's `str`/`repr`/`format` so it prints as
// Python prints it.
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { printable } from '../expressions/builtin-calls.js';

export function translateJoinedStr(e: ast.JoinedStr, ctx: TranslateContext): string {
  let out = '`';
  for (const part of e.values) {
    if (part.kind === 'Constant') {
      out += part.value.type === 'str' ? templateText(part.value.value) : '';
      continue;
    }
    if (part.debugText !== null) out += templateText(part.debugText);
    out += '${' + formattedValue(part, ctx) + '}';
  }
  return out + '`';
}

function formattedValue(f: ast.FormattedValue, ctx: TranslateContext): string {
  const t = ctx.analysis.types.typeOf(f.value);
  // `f"{x=}"` shows repr(x) unless a conversion or a format spec says otherwise
  const conversion = f.conversion ?? (f.debugText !== null && f.formatSpec === null ? 'r' : null);
  let value: string;
  if (conversion === 'r') value = `${ctx.rt('repr')}(${printable(f.value, ctx)})`;
  else if (conversion === 's') value = `${ctx.rt('str')}(${printable(f.value, ctx)})`;
  else if (conversion === 'a') value = `${ctx.rt('ascii')}(${printable(f.value, ctx)})`;
  else value = printable(f.value, ctx);
  if (f.formatSpec !== null && !(f.formatSpec.values.length === 0)) {
    return `${ctx.rt('format')}(${value}, ${specText(f.formatSpec, ctx)})`;
  }
  if (conversion !== null) return value;
  if (t.k === 'str' || t.k === 'int') return value;
  // an object of unknown or user type may define __format__, which f-strings call (with an empty spec)
  if (t.k === 'unknown' || t.k === 'instance') return `${ctx.rt('format')}(${value}, "")`;
  return `${ctx.rt('str')}(${value})`;
}

/** A format spec: a plain string literal, or a template literal when it has nested fields (`{x:>{width}}`). */
function specText(spec: ast.JoinedStr, ctx: TranslateContext): string {
  if (spec.values.every((v) => v.kind === 'Constant')) {
    return JSON.stringify(
      spec.values.map((v) => (v.kind === 'Constant' && v.value.type === 'str' ? v.value.value : '')).join(''),
    );
  }
  return translateJoinedStr(spec, ctx);
}

/** Text inside a template literal: backquotes, `${` and backslashes escaped. */
export function templateText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    .replace(/[\u0000-\u001f\u2028\u2029]/g, (c) =>
      c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
}
