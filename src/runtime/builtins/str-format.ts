// Python's `str.format` (Objects/stringlib/unicode_format.h): `{}` auto-numbered, `{0}` indexed, `{name}` keyword
// (from a trailing `kw({...})`), `{0.attr}` / `{0[key]}` lookups, `!r` `!s` `!a` conversions, `:spec` (which may
// itself hold `{}` fields), and `{{` `}}` for literal braces.

import { getattr } from './attributes.js';
import { IndexError, KeyError, ValueError } from './exceptions.js';
import { format } from './format-spec.js';
import { isKw } from './kw.js';
import { repr, str } from './repr.js';
import { getItem } from './sequences.js';

/** Python's `template.format(*args, **kwargs)`; keyword arguments come as a trailing `kw({...})`. */
export function strFormat(template: string, ...args: unknown[]): string {
  let keywords: Record<string, unknown> = {};
  if (args.length > 0 && isKw(args[args.length - 1])) keywords = args.pop() as Record<string, unknown>;
  return new Formatter(args, keywords).render(template, 2);
}

class Formatter {
  // CPython's auto-numbering state: -1 before the first field, then the next index or 'manual'.
  private autoIndex = 0;
  private numbering: 'unset' | 'auto' | 'manual' = 'unset';

  constructor(
    private readonly args: unknown[],
    private readonly keywords: Record<string, unknown>,
  ) {}

  render(template: string, depthLeft: number): string {
    if (depthLeft === 0) throw new ValueError('Max string recursion exceeded');
    let out = '';
    let i = 0;
    while (i < template.length) {
      const ch = template[i]!;
      if (ch === '}') {
        if (template[i + 1] !== '}') throw new ValueError("Single '}' encountered in format string");
        out += '}';
        i += 2;
      } else if (ch === '{') {
        if (template[i + 1] === '{') {
          out += '{';
          i += 2;
          continue;
        }
        const end = matchingBrace(template, i);
        out += this.field(template.slice(i + 1, end), depthLeft);
        i = end + 1;
      } else {
        const next = nextBrace(template, i);
        out += template.slice(i, next);
        i = next;
      }
    }
    return out;
  }

  private field(text: string, depthLeft: number): string {
    // field_name [!conversion] [:format_spec]; the name ends at the first '!' or ':' outside brackets.
    let nameEnd = 0;
    while (nameEnd < text.length && text[nameEnd] !== '!' && text[nameEnd] !== ':') {
      if (text[nameEnd] === '[') {
        const close = text.indexOf(']', nameEnd);
        if (close < 0) throw new ValueError("Missing ']' in format string");
        nameEnd = close;
      }
      nameEnd++;
    }
    const name = text.slice(0, nameEnd);
    let conversion = '';
    let spec = '';
    let rest = text.slice(nameEnd);
    if (rest.startsWith('!')) {
      if (rest.length < 2) throw new ValueError('end of string while looking for conversion specifier');
      conversion = rest[1]!;
      rest = rest.slice(2);
      if (rest !== '' && !rest.startsWith(':')) throw new ValueError('expected \':\' after conversion specifier');
    }
    // The field's own value is numbered before the fields nested in its spec: '{:{}}'.format('x', 5).
    let value = this.lookup(name);
    if (rest.startsWith(':')) spec = this.render(rest.slice(1), depthLeft - 1);
    switch (conversion) {
      case '':
        break;
      case 'r':
        value = repr(value);
        break;
      case 's':
        value = str(value);
        break;
      case 'a':
        value = ascii(value);
        break;
      default:
        throw new ValueError(`Unknown conversion specifier ${conversion}`);
    }
    return format(value, spec);
  }

  private lookup(fieldName: string): unknown {
    const first = /^[^.[]*/.exec(fieldName)![0];
    let value: unknown;
    if (first === '') value = this.positional(this.nextAutoIndex());
    else if (/^\d+$/.test(first)) value = this.positional(this.manualIndex(Number(first)));
    else {
      if (!(first in this.keywords)) throw new KeyError(first);
      value = this.keywords[first];
    }
    // Then `.attr` and `[key]` accessors, left to right.
    const accessor = /\.([^.[]+)|\[([^\]]+)\]/g;
    let match: RegExpExecArray | null;
    accessor.lastIndex = first.length;
    while ((match = accessor.exec(fieldName)) !== null) {
      if (match[1] !== undefined) value = getattr(value, match[1]);
      else value = getItem(value, /^\d+$/.test(match[2]!) ? Number(match[2]) : match[2]);
    }
    return value;
  }

  private nextAutoIndex(): number {
    if (this.numbering === 'manual') {
      throw new ValueError('cannot switch from manual field specification to automatic field numbering');
    }
    this.numbering = 'auto';
    return this.autoIndex++;
  }

  private manualIndex(index: number): number {
    if (this.numbering === 'auto') {
      throw new ValueError('cannot switch from automatic field numbering to manual field specification');
    }
    this.numbering = 'manual';
    return index;
  }

  private positional(index: number): unknown {
    if (index >= this.args.length) {
      throw new IndexError(`Replacement index ${index} out of range for positional args tuple`);
    }
    return this.args[index];
  }
}

function nextBrace(template: string, from: number): number {
  for (let i = from; i < template.length; i++) if (template[i] === '{' || template[i] === '}') return i;
  return template.length;
}

// The '}' closing the field opened at `open`, counting nested '{...}' inside its format spec.
function matchingBrace(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === '{') depth++;
    else if (template[i] === '}' && --depth === 0) return i;
  }
  throw new ValueError(depth > 1 ? "expected '}' before end of string" : "Single '{' encountered in format string");
}

/** Python's `ascii(x)`: the repr with non-ASCII characters escaped. */
export function ascii(x: unknown): string {
  return repr(x).replace(/[^\x00-\x7f]/gu, (ch) => {
    const code = ch.codePointAt(0)!;
    if (code <= 0xff) return '\\x' + code.toString(16).padStart(2, '0');
    if (code <= 0xffff) return '\\u' + code.toString(16).padStart(4, '0');
    return '\\U' + code.toString(16).padStart(8, '0');
  });
}
