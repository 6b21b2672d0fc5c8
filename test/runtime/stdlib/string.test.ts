import { describe, expect, it } from 'vitest';
import { dict } from '../../../src/runtime/builtins/dict.js';
import { ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import * as string from '../../../src/runtime/string/index.js';
import * as textwrap from '../../../src/runtime/textwrap/index.js';
import { printed, recorded } from './recorded.js';

const cpython = recorded('string');
const cases: Record<string, (print: (...values: unknown[]) => void) => void> = {
  'string constants': (print) => {
    print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits);
    print(repr(string.whitespace), string.punctuation, string.printable.length, string.ascii_letters);
  },
  capwords: (print) => {
    print(string.capwords('hello   wORLD  again'), string.capwords('a-b c-d', '-'), string.capwords('  x\ty  '));
  },
  'Template substitute and safe_substitute': (print) => {
    const t = string.Template('$who likes ${what}s, costs $$5');
    print(
      t.substitute({ who: 'Ann', what: 'cake' }),
      '|',
      t.safeSubstitute({ who: 'Bo' }),
      '|',
      t.substitute(
        dict<string, unknown>([
          ['who', 1],
          ['what', 2],
        ]),
        { what: 'kw' },
      ),
    );
    const u = string.Template('a$ b ${c} $$ $1 x\ny $');
    print(u.safeSubstitute({ c: 1 }), u.getIdentifiers(), u.isValid(), t.isValid(), t.template);
  },
  'Template errors': (print) => {
    for (const s of ['$1', 'ab\n cd $ 1', 'x ${bad']) {
      try {
        string.Template(s).substitute();
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        print(e);
      }
    }
    string.Template('$who').substitute({ what: 1 });
  },
  'dedent and indent': (print) => {
    const text = '\n    first line\n      indented more\n\n    last line\n';
    print(repr(textwrap.dedent(text)), repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent('   \n  x\n    y')));
    print(textwrap.indent('a\nb\n\nc', '> '));
    print(repr(textwrap.indent('a\r\nb\n  \n', '+', () => true)));
  },
  'wrap, fill and shorten': (print) => {
    print(textwrap.wrap('Seven silver swans swam silently seaward past the harbour lights', { width: 15 }));
    print(textwrap.fill('alpha beta gamma delta epsilon', { width: 12 }));
    print(
      textwrap.shorten('Hello world, this is a long sentence', { width: 20 }),
      textwrap.shorten('short', { width: 20 }),
    );
    print(textwrap.wrap('', 10), textwrap.wrap('supercalifragilistic', 8));
  },
  'wrap breaks on hyphens, keeps em-dashes and honours options': (print) => {
    print(textwrap.wrap('a well-known anti-inflammatory drug--really long-term', 10));
    print(textwrap.wrap('a well-known anti-inflammatory drug', 10, { breakOnHyphens: false }));
    print(textwrap.wrap('unbreakable-words-here and more', 6, { breakLongWords: false }));
    print(textwrap.fill('one two three four five six', { width: 10, initialIndent: '* ', subsequentIndent: '  ' }));
    print(
      textwrap.wrap('tabs\there and\tthere', 12),
      textwrap.wrap('End. Next one. And x', 8, { fixSentenceEndings: true }),
    );
    print(
      textwrap.wrap('one two three four five six seven', 10, { maxLines: 2 }),
      textwrap.wrap('one two three four', 10, { maxLines: 2, placeholder: '...' }),
    );
    const w = textwrap.TextWrapper({ width: 8, dropWhitespace: false });
    print(w.wrap('aa  bb   cc dd'), w.width);
  },
  'wrap rejects a bad width and a large placeholder': (print) => {
    try {
      textwrap.wrap('x', 0);
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(e);
    }
    textwrap.shorten('some text here', 3);
  },
};

describe('string and textwrap', () => {
  it('covers every recorded case', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(cpython).sort());
  });
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      expect(printed(body)).toBe(cpython[name]);
    });
  }
});
