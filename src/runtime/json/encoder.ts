// json.dumps (Lib/json/encoder.py): CPython's exact text — separators, indentation, key conversion, string
// escapes, float spelling, and its TypeErrors and ValueErrors.

import { PyDict } from '../builtins/dict.js';
import { TypeError, ValueError } from '../builtins/exceptions.js';
import { PyFloat } from '../builtins/py-float.js';
import { compare } from '../builtins/ordering.js';
import { floatRepr, numberRepr } from '../builtins/number-repr.js';
import { typeName } from '../builtins/type-name.js';

/** The keyword arguments of `json.dumps`, camelCased. */
export interface DumpsOptions {
  skipkeys?: boolean;
  ensureAscii?: boolean;
  checkCircular?: boolean;
  allowNan?: boolean;
  indent?: number | string | null;
  separators?: readonly [string, string] | null;
  default?: ((o: unknown) => unknown) | null;
  sortKeys?: boolean;
}

/** Python's `json.dumps(obj, **options)`. */
export function dumps(obj: unknown, options: DumpsOptions = {}): string {
  const indent = options.indent ?? null;
  const [itemSeparator, keySeparator] = options.separators ?? (indent === null ? [', ', ': '] : [',', ': ']);
  const encoder = new Encoder({
    indent: typeof indent === 'number' ? ' '.repeat(indent) : indent,
    itemSeparator,
    keySeparator,
    ensureAscii: options.ensureAscii ?? true,
    allowNan: options.allowNan ?? true,
    skipkeys: options.skipkeys ?? false,
    sortKeys: options.sortKeys ?? false,
    checkCircular: options.checkCircular ?? true,
    fallback: options.default ?? null,
  });
  return encoder.encode(obj, 0);
}

interface EncoderSettings {
  indent: string | null;
  itemSeparator: string;
  keySeparator: string;
  ensureAscii: boolean;
  allowNan: boolean;
  skipkeys: boolean;
  sortKeys: boolean;
  checkCircular: boolean;
  fallback: ((o: unknown) => unknown) | null;
}

class Encoder {
  // Containers being encoded, for "Circular reference detected".
  private readonly inProgress = new Set<object>();

  constructor(private readonly settings: EncoderSettings) {}

  encode(o: unknown, level: number): string {
    if (typeof o === 'string') return encodeString(o, this.settings.ensureAscii);
    if (o === null || o === undefined) return 'null';
    if (o === true) return 'true';
    if (o === false) return 'false';
    if (typeof o === 'number') return isIntValue(o) ? numberRepr(o) : this.encodeFloat(o);
    if (typeof o === 'bigint') return o.toString();
    if (o instanceof PyFloat) return this.encodeFloat(o.value);
    if (Array.isArray(o)) return this.guarded(o, () => this.encodeList(o, level));
    if (o instanceof PyDict) return this.guarded(o, () => this.encodeDict(o, level));
    if (this.settings.fallback === null) {
      throw new TypeError(`Object of type ${typeName(o)} is not JSON serializable`);
    }
    const fallback = this.settings.fallback;
    return this.guarded(o as object, () => this.encode(fallback(o), level));
  }

  // Lib/json/encoder.py floatstr: repr, or NaN/Infinity/-Infinity when allowed.
  private encodeFloat(x: number): string {
    if (Number.isFinite(x)) return floatRepr(x);
    if (!this.settings.allowNan) throw new ValueError('Out of range float values are not JSON compliant');
    return x !== x ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
  }

  private guarded(o: object, encode: () => string): string {
    if (!this.settings.checkCircular) return encode();
    if (this.inProgress.has(o)) throw new ValueError('Circular reference detected');
    this.inProgress.add(o);
    try {
      return encode();
    } finally {
      this.inProgress.delete(o);
    }
  }

  private encodeList(items: readonly unknown[], level: number): string {
    if (items.length === 0) return '[]';
    const parts = items.map((item) => this.encode(item, level + 1));
    return this.wrap('[', parts, ']', level);
  }

  private encodeDict(d: PyDict, level: number): string {
    if (d.size === 0) return '{}';
    let entries = [...d.items()];
    if (this.settings.sortKeys) entries = entries.sort((a, b) => compare(a[0], b[0]));
    const parts: string[] = [];
    for (const [key, value] of entries) {
      const text = this.keyText(key);
      if (text === null) continue;
      parts.push(
        encodeString(text, this.settings.ensureAscii) + this.settings.keySeparator + this.encode(value, level + 1),
      );
    }
    return this.wrap('{', parts, '}', level);
  }

  // Lib/json/encoder.py _iterencode_dict: the key types JSON accepts, turned into strings.
  private keyText(key: unknown): string | null {
    if (typeof key === 'string') return key;
    if (typeof key === 'number') return isIntValue(key) ? numberRepr(key) : this.encodeFloat(key);
    if (key instanceof PyFloat) return this.encodeFloat(key.value);
    if (key === true) return 'true';
    if (key === false) return 'false';
    if (key === null || key === undefined) return 'null';
    if (typeof key === 'bigint') return key.toString();
    if (this.settings.skipkeys) return null;
    throw new TypeError(`keys must be str, int, float, bool or None, not ${typeName(key)}`);
  }

  private wrap(open: string, parts: string[], close: string, level: number): string {
    const { indent, itemSeparator } = this.settings;
    if (indent === null) return open + parts.join(itemSeparator) + close;
    const inner = '\n' + indent.repeat(level + 1);
    return open + inner + parts.join(itemSeparator + inner) + '\n' + indent.repeat(level) + close;
  }
}

// A number that is a Python int: integral, and not -0.0 (which only a float can be).
function isIntValue(x: number): boolean {
  return Number.isInteger(x) && !Object.is(x, -0);
}

const NAMED_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};
// Lib/json/encoder.py ESCAPE_ASCII and ESCAPE: what each mode must escape.
const ESCAPE_ASCII = /[\\"]|[^\x20-\x7e]/g;
const ESCAPE = /[\x00-\x1f\\"]/g;

/** A JSON string literal: `ensure_ascii` escapes every non-ASCII UTF-16 unit as `\uXXXX` (lowercase hex). */
export function encodeString(s: string, ensureAscii: boolean): string {
  const escaped = s.replace(ensureAscii ? ESCAPE_ASCII : ESCAPE, (ch) => {
    return NAMED_ESCAPES[ch] ?? '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
  });
  return '"' + escaped + '"';
}
