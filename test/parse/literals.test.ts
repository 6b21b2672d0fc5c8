// Literals decode to the values CPython gives them (cpython-literals.ts was recorded with ast.literal_eval), and
// f-strings split into the pieces CPython's ast shows.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/index.js';
import { assignedValue, expressionOf } from './helpers.js';
import { cpythonBytes, cpythonImaginary, cpythonNumbers, cpythonStrings } from './cpython-literals.js';

describe('string literals', () => {
  for (const { literal, codePoints } of cpythonStrings) {
    it(`decodes ${literal} as CPython does`, () => {
      const value = assignedValue(`x = ${literal}\n`);
      expect(value.kind === 'Constant' && value.value.type === 'str').toBe(true);
      if (value.kind !== 'Constant' || value.value.type !== 'str') return;
      expect(Array.from(value.value.value, (c) => c.codePointAt(0))).toEqual(codePoints);
    });
  }
});

describe('bytes literals', () => {
  for (const { literal, bytes } of cpythonBytes) {
    it(`decodes ${literal} as CPython does`, () => {
      const value = assignedValue(`x = ${literal}\n`);
      expect(value.kind === 'Constant' && value.value.type === 'bytes' && Array.from(value.value.value)).toEqual(bytes);
    });
  }
});

describe('numeric literals', () => {
  for (const { literal, type, repr } of cpythonNumbers) {
    it(`reads ${literal} as the ${type} ${repr}`, () => {
      const value = assignedValue(`x = ${literal}\n`);
      if (type === 'int') expect(value).toMatchObject({ kind: 'Constant', value: { type: 'int', value: BigInt(repr) } });
      else expect(value).toMatchObject({ kind: 'Constant', value: { type: 'float', value: Number(repr) } });
    });
  }
  for (const { literal, imag } of cpythonImaginary) {
    it(`reads ${literal} as an imaginary number with imag ${imag}`, () => {
      expect(assignedValue(`x = ${literal}\n`)).toMatchObject({ kind: 'Constant', value: { type: 'complex', imag: Number(imag) } });
    });
  }

  it('reads True, False, None and ... as constants', () => {
    expect(assignedValue('x = True\n')).toMatchObject({ value: { type: 'bool', value: true } });
    expect(assignedValue('x = False\n')).toMatchObject({ value: { type: 'bool', value: false } });
    expect(assignedValue('x = None\n')).toMatchObject({ value: { type: 'None' } });
    expect(assignedValue('x = ...\n')).toMatchObject({ value: { type: 'Ellipsis' } });
  });
});

describe('f-strings', () => {
  it('splits text, conversions, nested format specs, debug text and escaped braces like CPython', () => {
    const value = expressionOf('f"a{x!r:>{w}.{p}f}b{y = }{{c}}" "d" f"{z:%H}"\n');
    expect(value).toMatchObject({
      kind: 'JoinedStr',
      values: [
        { kind: 'Constant', value: { type: 'str', value: 'a' } },
        {
          kind: 'FormattedValue',
          value: { id: 'x' },
          conversion: 'r',
          debugText: null,
          formatSpec: {
            kind: 'JoinedStr',
            values: [
              { value: { value: '>' } },
              { kind: 'FormattedValue', value: { id: 'w' }, conversion: null },
              { value: { value: '.' } },
              { kind: 'FormattedValue', value: { id: 'p' } },
              { value: { value: 'f' } },
            ],
          },
        },
        { kind: 'Constant', value: { value: 'b' } },
        { kind: 'FormattedValue', value: { id: 'y' }, conversion: 'r', debugText: 'y = ' },
        { kind: 'Constant', value: { value: '{c}d' } },
        { kind: 'FormattedValue', value: { id: 'z' }, formatSpec: { values: [{ value: { value: '%H' } }] } },
      ],
    });
  });

  it('does not add repr to a debug field that has a format spec', () => {
    expect(expressionOf('f"{x=:>10}"\n')).toMatchObject({ values: [{ kind: 'FormattedValue', debugText: 'x=', conversion: null, formatSpec: { values: [{ value: { value: '>10' } }] } }] });
  });

  it('keeps backslashes in raw f-strings', () => {
    expect(expressionOf('rf"\\d{x}\\n"\n')).toMatchObject({ values: [{ value: { value: '\\d' } }, { kind: 'FormattedValue' }, { value: { value: '\\n' } }] });
  });

  it('converts any expression inside the braces, including calls with string arguments', () => {
    expect(expressionOf('f"{task.get_name()!s} {len(\'ab\') + 1:03d}"\n')).toMatchObject({
      values: [{ value: { kind: 'Call' }, conversion: 's' }, { value: { value: ' ' } }, { value: { kind: 'BinOp' }, formatSpec: {} }],
    });
  });
});

describe('named escapes', () => {
  it('reports \\N{...} as unsupported instead of guessing the character', () => {
    const result = parse('x = "\\N{BULLET}"\n', 'named.py');
    expect(result.module).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({ code: 'PYTS1009', range: { start: { line: 1, col: 5 } } });
  });
});
