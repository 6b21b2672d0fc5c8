// Numeric literals: every form Python 3.11 accepts (decimal, 0x/0o/0b, underscores, floats, imaginary).
// Malformed literals are reported earlier, with CPython's exact messages, by tokenizer-checks.ts; the check
// here only keeps a token tree-sitter accepted from becoming a wrong value.
import type { ConstantValue } from '../ast.js';
import { PythonSyntaxError } from './context.js';

const DIGITS = '\\d(?:_?\\d)*';
const DECIMAL_INT = /^(?:0(?:_?0)*|[1-9](?:_?\d)*)$/;
const PREFIXED_INT = /^0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)$/;
const FLOAT = new RegExp(`^(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);

/** The value of the numeric literal `text` found at offset `start`. */
export function numberValue(text: string, start: number): ConstantValue {
  const plain = text.replace(/_/g, '');
  const last = text[text.length - 1];
  if ((last === 'j' || last === 'J') && FLOAT.test(text.slice(0, -1))) return { type: 'complex', imag: Number(plain.slice(0, -1)) };
  // BigInt reads the 0x/0o/0b prefixes itself; ints stay exact however large.
  if (PREFIXED_INT.test(text) || DECIMAL_INT.test(text)) return { type: 'int', value: BigInt(plain) };
  if (FLOAT.test(text)) return { type: 'float', value: Number(plain) };
  throw new PythonSyntaxError('invalid decimal literal', start, start + text.length);
}
