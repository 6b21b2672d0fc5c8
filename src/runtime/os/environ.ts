// os.environ and os.getenv (Lib/os.py _Environ): a mapping of str to str over the process environment.

import { PyDict } from '../builtins/dict.js';
import { KeyError, TypeError } from '../builtins/exceptions.js';
import { repr } from '../builtins/repr.js';
import { tuple } from '../builtins/tuple.js';
import { typeName } from '../builtins/type-name.js';

function checkStr(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError(`str expected, not ${typeName(value)}`);
  return value;
}

/** Python's `os.environ`: reads and writes go to the process environment (children inherit the changes). */
export class Environ implements Iterable<string> {
  static readonly __pyname__ = '_Environ';

  /** `environ.get(key, default=None)`. */
  get<D = null>(key: string, defaultValue: D = null as D): string | D {
    const value = process.env[checkStr(key)];
    return value === undefined ? defaultValue : value;
  }

  __getitem__(key: unknown): string {
    const value = process.env[checkStr(key)];
    if (value === undefined) throw new KeyError(key);
    return value;
  }

  __setitem__(key: unknown, value: unknown): void {
    process.env[checkStr(key)] = checkStr(value);
  }

  __delitem__(key: unknown): void {
    if (process.env[checkStr(key)] === undefined) throw new KeyError(key);
    delete process.env[key as string];
  }

  __contains__(key: unknown): boolean {
    return typeof key === 'string' && process.env[key] !== undefined;
  }

  __len__(): number {
    return Object.keys(process.env).length;
  }

  [Symbol.iterator](): Iterator<string> {
    return Object.keys(process.env)[Symbol.iterator]();
  }

  keys(): string[] {
    return Object.keys(process.env);
  }

  values(): string[] {
    return Object.values(process.env) as string[];
  }

  items(): (readonly [string, string])[] {
    return Object.entries(process.env).map(([k, v]) => tuple(k, v as string));
  }

  /** `environ.pop(key[, default])`. */
  pop(key: string, ...defaultValue: [unknown?]): unknown {
    const value = process.env[checkStr(key)];
    if (value === undefined) {
      if (defaultValue.length > 0) return defaultValue[0];
      throw new KeyError(key);
    }
    delete process.env[key];
    return value;
  }

  /** `environ.setdefault(key, default)`. */
  setdefault(key: string, defaultValue: string): string {
    const value = process.env[checkStr(key)];
    if (value !== undefined) return value;
    process.env[key] = checkStr(defaultValue);
    return defaultValue;
  }

  /** `environ.copy()`: a plain dict. */
  copy(): PyDict<string, string> {
    return new PyDict(this.items());
  }

  __repr__(): string {
    return `environ({${this.items()
      .map(([k, v]) => `${repr(k)}: ${repr(v)}`)
      .join(', ')}})`;
  }
}

/** `os.environ`. */
export const environ = new Environ();

/** `os.getenv(key, default=None)`. */
export function getenv<D = null>(key: string, defaultValue: D = null as D): string | D {
  return environ.get(key, defaultValue);
}

/** `os.putenv(key, value)` and `os.unsetenv(key)`. */
export function putenv(key: string, value: string): void {
  process.env[checkStr(key)] = checkStr(value);
}
export function unsetenv(key: string): void {
  delete process.env[checkStr(key)];
}
