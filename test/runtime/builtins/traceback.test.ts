import { describe, expect, it } from 'vitest';
import { BaseException, Exception, ExceptionGroup, KeyError, RuntimeError, TypeError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { formatException, formatExceptionOnly } from '../../../src/runtime/builtins/traceback.js';
import { toPyException } from '../../../src/runtime/builtins/to-py-exception.js';

class MyError extends Exception {}
class InvalidStateError extends Exception {
  static override __module__ = 'asyncio.exceptions';
}
class MyInvalid extends InvalidStateError {}

// Expected texts are CPython 3.11's, without the `  File "…"` frame lines (no JS stack is recorded here).
describe('formatExceptionOnly', () => {
  it('names builtin and program classes bare, and other modules qualified', () => {
    expect(formatExceptionOnly(new ValueError('boom'))).toBe('ValueError: boom');
    expect(formatExceptionOnly(new MyError())).toBe('MyError');
    expect(formatExceptionOnly(new InvalidStateError('invalid state'))).toBe('asyncio.exceptions.InvalidStateError: invalid state');
    expect(formatExceptionOnly(new MyInvalid('x'))).toBe('MyInvalid: x');
    expect(formatExceptionOnly(new KeyError('k'))).toBe("KeyError: 'k'");
  });

  it('prints classes as CPython does', () => {
    expect([repr(MyError), repr(ValueError), repr(InvalidStateError)]).toEqual([
      "<class '__main__.MyError'>", "<class 'ValueError'>", "<class 'asyncio.exceptions.InvalidStateError'>",
    ]);
    expect(repr(new MyError('x'))).toBe("MyError('x')");
  });
});

describe('formatException', () => {
  it('prints an explicit cause before the exception, with the direct-cause separator', () => {
    const error = new RuntimeError('b').withCause(new ValueError('a'));
    expect(formatException(error)).toBe(
      [
        'Traceback (most recent call last):',
        'ValueError: a',
        '',
        'The above exception was the direct cause of the following exception:',
        '',
        'Traceback (most recent call last):',
        'RuntimeError: b',
      ].join('\n'),
    );
  });

  it('prints notes added with add_note after the last line, one line per note line', () => {
    const error = new ValueError('x');
    error.addNote('first note');
    error.addNote('second\nline');
    expect(formatException(error)).toBe('Traceback (most recent call last):\nValueError: x\nfirst note\nsecond\nline');
    expect(() => error.addNote(3 as unknown as string)).toThrow("note must be a str, not 'int'");
  });

  it('hides a suppressed context (raise … from None)', () => {
    const error = new TypeError('t');
    error.__context__ = new KeyError('k');
    error.withCause(null);
    expect(formatException(error)).toBe('Traceback (most recent call last):\nTypeError: t');
  });

  it('draws nested exception groups as CPython 3.11 does', () => {
    const group = new ExceptionGroup('eg', [new ValueError('a'), new ExceptionGroup('inner', [new KeyError('b')])]);
    expect(formatException(group)).toBe(
      [
        '  + Exception Group Traceback (most recent call last):',
        '  | ExceptionGroup: eg (2 sub-exceptions)',
        '  +-+---------------- 1 ----------------',
        '    | ValueError: a',
        '    +---------------- 2 ----------------',
        '    | ExceptionGroup: inner (1 sub-exception)',
        '    +-+---------------- 1 ----------------',
        "      | KeyError: 'b'",
        '      +------------------------------------',
      ].join('\n'),
    );
  });
});

describe('toPyException', () => {
  it('maps native JS errors to the Python exceptions standing for them, once per error', () => {
    const jsError = new globalThis.TypeError("Cannot read properties of null (reading 'x')");
    const converted = toPyException(jsError);
    expect(converted).toBeInstanceOf(TypeError);
    expect(toPyException(jsError)).toBe(converted);
    expect(toPyException(new RangeError('Maximum call stack size exceeded'))).toBeInstanceOf(BaseException);
    expect(formatExceptionOnly(new RangeError('Maximum call stack size exceeded'))).toBe(
      'RecursionError: maximum recursion depth exceeded',
    );
  });
});
