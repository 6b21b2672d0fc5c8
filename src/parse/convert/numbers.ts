// Numeric literals: every form Python 3.11 accepts (decimal, 0x/0o/0b, underscores, floats, imaginary), with
// CPython's tokenizer messages for the forms it rejects (Parser/tokenizer.c, `verify_end_of_number` and kin).
import type { ConstantValue } from '../ast.js';
import { PythonSyntaxError } from './context.js';

const DECIMAL_INT = /^(?:0(?:_?0)*|[1-9](?:_?\d)*)$/;
const PREFIXED_INT: Record<string, { digits: RegExp; name: string }> = {
  x: { digits: /^(?:_?[0-9a-f])+$/i, name: 'hexadecimal' },
  o: { digits: /^(?:_?[0-7])+$/, name: 'octal' },
  b: { digits: /^(?:_?[01])+$/, name: 'binary' },
};
const FLOAT = /^(?:\d(?:_?\d)*)?(?:\.(?:\d(?:_?\d)*)?)?(?:e[+-]?\d(?:_?\d)*)?$/i;

/**
 * The value of a numeric literal `text` starting at offset `start`. Throws PythonSyntaxError with CPython's
 * message and position for malformed literals (`10L`, `0777`, `1__0`, `0b2`).
 */
export function numberValue(text: string, start: number): ConstantValue {
  const last = text[text.length - 1];
  if (last === 'j' || last === 'J') {
    const body = text.slice(0, -1);
    checkFloat(body, start);
    return { type: 'complex', imag: Number(body.replace(/_/g, '')) };
  }
  const prefix = text.length > 1 && text[0] === '0' ? text[1]!.toLowerCase() : '';
  const based = PREFIXED_INT[prefix];
  if (based !== undefined) {
    const digits = text.slice(2);
    if (!based.digits.test(digits)) {
      const wrongDigit = /^[_0-9]+$/.test(digits) ? digits.search(prefix === 'o' ? /[89]/ : /[2-9]/) : -1;
      if (wrongDigit !== -1) {
        throw new PythonSyntaxError(`invalid digit '${digits[wrongDigit]}' in ${based.name} literal`, start + 2 + wrongDigit);
      }
      throw new PythonSyntaxError(`invalid ${based.name} literal`, start + 2);
    }
    return { type: 'int', value: BigInt('0' + prefix + digits.replace(/_/g, '')) };
  }
  if (/^[\d_]+$/.test(text)) {
    if (DECIMAL_INT.test(text)) return { type: 'int', value: BigInt(text.replace(/_/g, '')) };
    if (/^0[\d_]*$/.test(text) && !/__|_$/.test(text)) {
      throw new PythonSyntaxError(
        'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
        start,
        start + 1,
      );
    }
    throw new PythonSyntaxError('invalid decimal literal', start + invalidDecimalIndex(text));
  }
  checkFloat(text, start);
  return { type: 'float', value: Number(text.replace(/_/g, '')) };
}

function checkFloat(text: string, start: number): void {
  if (!FLOAT.test(text) || text === '' || text === '.') {
    throw new PythonSyntaxError('invalid decimal literal', start + invalidDecimalIndex(text));
  }
}

/** Where CPython's tokenizer reports a bad decimal literal: on the last character it still accepted. */
function invalidDecimalIndex(text: string): number {
  const match = /^\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?/.exec(text);
  return Math.max(0, (match === null ? 0 : match[0].length) - 1);
}
