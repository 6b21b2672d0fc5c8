import { describe, expect, it } from 'vitest';
import {
  BaseException,
  Exception,
  ExceptionGroup,
  KeyError,
  RuntimeError,
  StopIteration,
  TypeError,
  ValueError,
} from '../../../src/runtime/builtins/exceptions.js';
import { repr } from '../../../src/runtime/builtins/repr.js';
import { formatException, formatExceptionOnly } from '../../../src/runtime/builtins/traceback.js';
import { toPyException } from '../../../src/runtime/builtins/to-py-exception.js';

class MyError extends Exception {}
class InvalidStateError extends Exception {
  static override __module__ = 'asyncio.exceptions';
}
class MyInvalid extends InvalidStateError {}

// Expected texts are CPython 3.11's without the `  File "…"` frame lines: the frames recorded here are the test's
// own JS frames, with no Python source behind them (test/cli/traceback.test.ts checks frames against CPython).
function withoutFrames(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^[\s|]*File "/.test(line))
    .join('\n');
}

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
    expect(withoutFrames(formatException(error))).toBe(
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
    expect(withoutFrames(formatException(error))).toBe('Traceback (most recent call last):\nValueError: x\nfirst note\nsecond\nline');
    expect(() => error.addNote(3 as unknown as string)).toThrow("note must be a str, not 'int'");
  });

  it('hides a suppressed context (raise … from None)', () => {
    const error = new TypeError('t');
    error.__context__ = new KeyError('k');
    error.withCause(null);
    expect(withoutFrames(formatException(error))).toBe('Traceback (most recent call last):\nTypeError: t');
  });

  it('draws nested exception groups as CPython 3.11 does', () => {
    const group = new ExceptionGroup('eg', [new ValueError('a'), new ExceptionGroup('inner', [new KeyError('b')])]);
    expect(withoutFrames(formatException(group))).toBe(
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

describe('the stack an exception records for its traceback', () => {
  it('is recorded where the exception is made, starting at the caller of the constructor', () => {
    class Local extends Exception {}
    function raiseIt(): never {
      throw new Local('x');
    }
    let caught: Local | null = null;
    try {
      raiseIt();
    } catch (error) {
      caught = error as Local;
    }
    expect(caught!.__jsstack__?.split('\n')[1]).toMatch(/^\s+at raiseIt /);
  });

  it('is not recorded for the signals the runtime makes in bulk', () => {
    expect(new StopIteration().__jsstack__).toBeUndefined();
  });

  it('stops being recorded for a class made over a thousand times, so control flow by exceptions stays fast', () => {
    class Signal extends Exception {}
    const made = Array.from({ length: 1001 }, () => new Signal());
    expect(made[999]!.__jsstack__).toBeDefined();
    expect(made[1000]!.__jsstack__).toBeUndefined();
  });

  it('a member made together with its group was never raised and prints no traceback header', () => {
    let raised: ValueError | null = null;
    try {
      throw new ValueError('raised');
    } catch (error) {
      raised = error as ValueError;
    }
    const text = withoutFrames(formatException(new ExceptionGroup('eg', [raised!, new KeyError('made')])));
    expect(text).toContain('    | Traceback (most recent call last):\n    | ValueError: raised');
    expect(text).toContain("    +---------------- 2 ----------------\n    | KeyError: 'made'");
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
