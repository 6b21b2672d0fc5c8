// pyts/runtime/string: Python's string module (Lib/string.py) — the character constants, capwords and Template.

import { PyDict } from '../builtins/dict.js';
import { KeyError, ValueError } from '../builtins/exceptions.js';
import { str } from '../builtins/repr.js';
import { callableClass, isOptions, optionEntries } from '../collections/python-class.js';

export const whitespace = ' \t\n\r\x0b\x0c';
// Constants keep their Python names in translated code (`string.ascii_letters`).
export const ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz';
export const ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const ascii_letters = ascii_lowercase + ascii_uppercase;
export const digits = '0123456789';
export const hexdigits = digits + 'abcdef' + 'ABCDEF';
export const octdigits = '01234567';
export const punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
export const printable = digits + ascii_letters + punctuation + whitespace;
// The same constants under camelCase names, for translated code that spells attributes in camelCase.
export { ascii_letters as asciiLetters, ascii_lowercase as asciiLowercase, ascii_uppercase as asciiUppercase };

const PY_WHITESPACE = /[\s\x1c-\x1f\x85]+/u;

/**
 * `string.capwords(s, sep=None)`: split (on whitespace runs, or on `sep`), capitalize each word (first character
 * upper case, the rest lower case), join with `sep` or a space.
 */
export function capwords(s: string, sep: string | null = null): string {
  const words = sep === null ? s.split(PY_WHITESPACE).filter((w) => w !== '') : s.split(sep);
  return words.map(capitalize).join(sep ?? ' ');
}

function capitalize(word: string): string {
  const [first = '', ...rest] = [...word];
  return first.toUpperCase() + rest.join('').toLowerCase();
}

type Mapping = PyDict<string, unknown> | Record<string, unknown>;

/** Python's `string.Template(template)`: `$name` and `${name}` substitution, `$$` for a dollar sign. */
export class TemplateClass {
  static readonly __pyname__ = 'Template';
  static readonly delimiter = '$';
  static readonly idpattern = '(?:[_a-z][_a-z0-9]*)';

  constructor(readonly template: string) {}

  /** `t.substitute(mapping={}, **kwds)`: KeyError for a missing name, ValueError for a bad placeholder. */
  substitute(...args: Mapping[]): string {
    const lookup = this.lookup(args);
    return this.render(
      (name) => {
        const value = lookup(name);
        if (value === undefined) throw new KeyError(name);
        return str(value);
      },
      (at) => {
        throw this.invalid(at);
      },
    );
  }

  /** `t.safe_substitute(mapping={}, **kwds)`: missing names and bad placeholders stay as they are. */
  safeSubstitute(...args: Mapping[]): string {
    const lookup = this.lookup(args);
    return this.render(
      (name, original) => {
        const value = lookup(name);
        return value === undefined ? original : str(value);
      },
      () => '$',
    );
  }

  /** `t.get_identifiers()`: the valid placeholder names, in order, without repeats. */
  getIdentifiers(): string[] {
    const names: string[] = [];
    this.render(
      (name, original) => {
        if (!names.includes(name)) names.push(name);
        return original;
      },
      () => '$',
    );
    return names;
  }

  /** `t.is_valid()`: false when a `$` starts no valid placeholder. */
  isValid(): boolean {
    let valid = true;
    this.render(
      (_name, original) => original,
      () => {
        valid = false;
        return '$';
      },
    );
    return valid;
  }

  // Keyword arguments take precedence over the mapping (Lib/string.py ChainMap(kws, mapping)).
  private lookup(args: Mapping[]): (name: string) => unknown {
    const sources = args.map((arg) =>
      isOptions(arg) ? new Map(optionEntries(arg)) : new Map([...(arg as PyDict<string, unknown>).items()]),
    );
    return (name) => {
      for (let i = sources.length - 1; i >= 0; i--) if (sources[i]!.has(name)) return sources[i]!.get(name);
      return undefined;
    };
  }

  // Lib/string.py Template.pattern: $$, $identifier, ${identifier}, or an invalid placeholder.
  private render(named: (name: string, original: string) => string, invalid: (at: number) => string): string {
    const pattern = /\$(?:(\$)|((?:[_a-z][_a-z0-9]*))|\{((?:[_a-z][_a-z0-9]*))\}|())/gi;
    return this.template.replace(pattern, (match, escaped, bare, braced, _invalid, offset: number) => {
      if (escaped !== undefined) return '$';
      if (bare !== undefined || braced !== undefined) return named(bare ?? braced, match);
      return invalid(offset);
    });
  }

  // Lib/string.py Template._invalid: the line and column (1-based) of the position just after the bad `$`.
  private invalid(at: number): ValueError {
    const before = this.template.slice(0, at + 1);
    const breaks = [...before.matchAll(LINE_BREAK)];
    const lastBreak = breaks[breaks.length - 1];
    const lineStart = lastBreak === undefined ? 0 : lastBreak.index! + lastBreak[0].length;
    return new ValueError(`Invalid placeholder in string: line ${breaks.length + 1}, col ${at + 1 - lineStart}`);
  }
}

// The line boundaries of Python's str.splitlines.
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/g;

/** `string.Template`: call it as Python does, `string.Template("$who")`. */
export const Template = callableClass(TemplateClass, 'string.Template');
export type Template = TemplateClass;
