// Python's built-in exception hierarchy (https://docs.python.org/3.11/library/exceptions.html#exception-hierarchy).
//
// BaseException does not extend JS `Error`: building a JS Error captures a stack trace, which made a cancellation
// storm about 1.9x slower in the runtime prototype (CancelledError is raised at every cancelled await). Exceptions
// record the stack for their traceback themselves, within limits (see TRACEBACKS_PER_CLASS).

import { registerBuiltin, repr, str } from './repr.js';
import { markTuple } from './tuple.js';
import { typeName } from './type-name.js';

// Capturing a JS stack costs several microseconds, over ten times the cost of making the exception. The signals
// the runtime makes in bulk (cancellation, the end of an iteration) never capture one. A class made more than
// TRACEBACKS_PER_CLASS times is being used for control flow (`try: d[k] except KeyError:` in a loop): its later
// instances go without frames, so that such a loop keeps its speed; the count makes it the same on every run.
const TRACEBACKS_PER_CLASS = 1000;
const tracebacksMade = new Map<Function, number>();

/** Python's BaseException. `args` is the tuple of constructor arguments, as in Python. */
export class BaseException {
  // The constructor arguments; `args` turns them into a tuple on first use, so creating an exception stays cheap.
  private argv: unknown[];
  /** `raise X from Y` sets it; `raise X from None` sets it to null and `__suppress_context__`. */
  __cause__: BaseException | null = null;
  /** The exception being handled when this one was raised (implicit chaining). */
  __context__: BaseException | null = null;
  __suppress_context__ = false;
  /** The JS stack a traceback's frames come from: captured when the exception is made, formatted when read. */
  private jsStack: { stack?: string } | string | undefined;
  /** The stack of the code the exception later propagated out to, across a task boundary (see reraisedHere). */
  private outerJsStack: { stack?: string } | undefined;
  /** Notes added by `add_note` (Python 3.11), printed after the traceback's last line. Absent until the first. */
  declare __notes__?: string[];

  constructor(...args: unknown[]) {
    this.argv = args;
    // `raise X(…)` makes the exception where it raises it, so the stack here is the raise's, which is what CPython's
    // traceback shows. V8 formats it only when it is read.
    const cls = new.target as typeof BaseException;
    if (cls.__tracebackOnCreate__) {
      const made = tracebacksMade.get(cls) ?? 0;
      if (made < TRACEBACKS_PER_CLASS) {
        tracebacksMade.set(cls, made + 1);
        const holder: { stack?: string } = {};
        Error.captureStackTrace(holder, new.target);
        this.jsStack = holder;
      }
    }
  }

  /** Whether making an instance records the JS stack for its traceback (false for signals made in bulk). */
  static __tracebackOnCreate__ = true;

  /** The JS stack of the point the exception was made (or of the JS error it stands for), if recorded. */
  get __jsstack__(): string | undefined {
    return typeof this.jsStack === 'object' ? this.jsStack.stack : this.jsStack;
  }

  set __jsstack__(stack: string | undefined) {
    this.jsStack = stack;
  }

  /** The JS stack of the code the exception propagated out to from its task, if recorded (see reraisedHere). */
  get __outerjsstack__(): string | undefined {
    return this.outerJsStack?.stack;
  }

  /**
   * Records that the exception, raised in another task, now propagates through the caller's frames: CPython's
   * traceback grows by each frame an exception passes, so the code that ran the loop (`asyncio.run(main())` at
   * module level) is part of it. Only for an exception that recorded its own stack.
   */
  reraisedHere(): void {
    if (this.jsStack === undefined || this.outerJsStack !== undefined) return;
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder, BaseException.prototype.reraisedHere);
    this.outerJsStack = holder;
  }

  /** Python's `e.args`: the constructor arguments as a tuple (printed `('x',)`). */
  get args(): readonly unknown[] {
    return Object.isFrozen(this.argv) ? this.argv : markTuple(this.argv);
  }

  set args(value: readonly unknown[]) {
    this.argv = [...value];
  }

  /** Python's type name, e.g. 'ValueError'. Subclasses defined by translated code get their class name. */
  static get __qualname__(): string {
    return this.name;
  }

  /** The module Python reports for the class ('builtins', 'asyncio.exceptions'…); last traceback lines use it. */
  static __module__ = 'builtins';

  /** Python's `e.add_note(note)`: TypeError unless `note` is a str. */
  addNote(note: string): void {
    if (typeof note !== 'string') throw new TypeError(`note must be a str, not '${typeName(note)}'`);
    (this.__notes__ ??= []).push(note);
  }

  /** Python's `with_traceback`-free equivalent used by the translator for `raise X from Y`. */
  withCause(cause: BaseException | null): this {
    this.__cause__ = cause;
    this.__suppress_context__ = true;
    return this;
  }

  /**
   * Implicit chaining: the translator calls it for a `raise` inside an `except` clause, with the exception that
   * clause handles. Python sets `__context__` at every raise while an exception is handled, except to itself.
   */
  withContext(handled: unknown): this {
    if (handled !== this && handled instanceof BaseException) this.__context__ = handled;
    return this;
  }

  get message(): string {
    return this.args.length === 0 ? '' : String(this.args[0]);
  }

  /** Python's BaseException.__str__: '' without arguments, str of a single one, else the repr of the args tuple. */
  __str__(): string {
    if (this.args.length === 0) return '';
    if (this.args.length === 1) return str(this.args[0]);
    return repr(this.args);
  }

  /** Python's BaseException.__repr__: `ValueError('x')`, `ValueError('x', 1)`, `CancelledError()`. */
  __repr__(): string {
    const name = (this.constructor as typeof BaseException).__qualname__;
    if (this.args.length === 1) return `${name}(${repr(this.args[0])})`;
    return name + repr(this.args);
  }
}

export class Exception extends BaseException {}
export class SystemExit extends BaseException {
  get code(): unknown {
    return this.args.length === 0 ? null : this.args.length === 1 ? this.args[0] : this.args;
  }
}
export class KeyboardInterrupt extends BaseException {}
export class GeneratorExit extends BaseException {
  static override __tracebackOnCreate__ = false;
}

export class ArithmeticError extends Exception {}
export class ZeroDivisionError extends ArithmeticError {}
export class OverflowError extends ArithmeticError {}
export class FloatingPointError extends ArithmeticError {}
export class AssertionError extends Exception {}
export class AttributeError extends Exception {}
export class BufferError extends Exception {}
export class EOFError extends Exception {}
export class ImportError extends Exception {}
export class ModuleNotFoundError extends ImportError {}
export class LookupError extends Exception {}
export class IndexError extends LookupError {}
export class KeyError extends LookupError {
  /** Python's KeyError.__str__: a single key prints as its repr (`KeyError: 'k'`). */
  override __str__(): string {
    return this.args.length === 1 ? repr(this.args[0]) : super.__str__();
  }
}
export class MemoryError extends Exception {}
export class NameError extends Exception {}
export class UnboundLocalError extends NameError {}
/** Python's OSError: `OSError(errno, strerror[, filename[, winerror[, filename2]]])` fills the named fields. */
export class OSError extends Exception {
  get errno(): unknown {
    return this.args.length >= 2 && this.args.length <= 5 ? this.args[0] : null;
  }
  get strerror(): unknown {
    return this.args.length >= 2 && this.args.length <= 5 ? this.args[1] : null;
  }
  get filename(): unknown {
    return this.args.length >= 3 && this.args.length <= 5 ? this.args[2] : null;
  }
  get filename2(): unknown {
    return this.args.length === 5 ? this.args[4] : null;
  }

  /** Objects/exceptions.c OSError_str: `[Errno 2] No such file or directory: 'f.txt'`. */
  override __str__(): string {
    const filename = this.filename;
    const filename2 = this.filename2;
    const prefix = `[Errno ${str(this.errno)}] ${str(this.strerror)}`;
    if (filename !== null && filename2 !== null) return `${prefix}: ${repr(filename)} -> ${repr(filename2)}`;
    if (filename !== null) return `${prefix}: ${repr(filename)}`;
    if (this.errno !== null && this.strerror !== null) return prefix;
    return super.__str__();
  }
}
export class BlockingIOError extends OSError {}
export class ChildProcessError extends OSError {}
export class ConnectionError extends OSError {}
export class BrokenPipeError extends ConnectionError {}
export class ConnectionAbortedError extends ConnectionError {}
export class ConnectionRefusedError extends ConnectionError {}
export class ConnectionResetError extends ConnectionError {}
export class FileExistsError extends OSError {}
export class FileNotFoundError extends OSError {}
export class InterruptedError extends OSError {}
export class IsADirectoryError extends OSError {}
export class NotADirectoryError extends OSError {}
export class PermissionError extends OSError {}
export class ProcessLookupError extends OSError {}
/** Python's builtin TimeoutError; `asyncio.TimeoutError` is this same class. */
export class TimeoutError extends OSError {}
export class ReferenceError extends Exception {}
export class RuntimeError extends Exception {}
export class NotImplementedError extends RuntimeError {}
export class RecursionError extends RuntimeError {}
export class StopIteration extends Exception {
  static override __tracebackOnCreate__ = false;
  get value(): unknown {
    return this.args.length === 0 ? null : this.args[0];
  }
}
export class StopAsyncIteration extends Exception {
  static override __tracebackOnCreate__ = false;
}
export class SyntaxError extends Exception {}
export class SystemError extends Exception {}
export class TypeError extends Exception {}
export class ValueError extends Exception {}
export class UnicodeError extends ValueError {}
export class UnicodeEncodeError extends UnicodeError {}
export class UnicodeDecodeError extends UnicodeError {}
export class Warning extends Exception {}
export class DeprecationWarning extends Warning {}
export class RuntimeWarning extends Warning {}
export class UserWarning extends Warning {}
export class ResourceWarning extends Warning {}

/** Python 3.11's BaseExceptionGroup: `exceptions` are the leaves, `message` the first argument. */
export class BaseExceptionGroup extends BaseException {
  constructor(message: string, readonly exceptions: readonly BaseException[]) {
    super(message, exceptions);
    // CPython gives an exception its traceback when it is raised. A member made by the statement that makes the
    // group (`ExceptionGroup('eg', [ValueError(1)])`) never was, and prints without one.
    const here = callSite(this.__jsstack__);
    for (const member of exceptions) {
      if (here !== null && callSite(member.__jsstack__) === here) member.__jsstack__ = undefined;
    }
  }

  override get message(): string {
    return String(this.args[0]);
  }

  /** Python's BaseExceptionGroup.__str__: `eg (2 sub-exceptions)`. */
  override __str__(): string {
    const count = this.exceptions.length;
    return `${this.message} (${count} sub-exception${count === 1 ? '' : 's'})`;
  }

  override __repr__(): string {
    const name = (this.constructor as typeof BaseException).__qualname__;
    return `${name}(${repr(this.message)}, ${repr([...this.exceptions])})`;
  }
}
export class ExceptionGroup extends BaseExceptionGroup {}

/** `file:line` of the first frame of a JS stack (the column differs between the parts of one statement). */
function callSite(stack: string | undefined): string | null {
  const frame = stack?.split('\n').find((line) => line.startsWith('    at '));
  return frame === undefined ? null : frame.replace(/^\s+at (?:.+? \()?/, '').replace(/:\d+\)?$/, '');
}

// Python names do not depend on JS class names, which bundlers rename when they clash with globals (esbuild
// turns `class TypeError` into `TypeError2`) and minifiers shorten.
const BUILTIN_EXCEPTIONS: Record<string, Function> = {
  BaseException,
  Exception,
  SystemExit,
  KeyboardInterrupt,
  GeneratorExit,
  ArithmeticError,
  ZeroDivisionError,
  OverflowError,
  FloatingPointError,
  AssertionError,
  AttributeError,
  BufferError,
  EOFError,
  ImportError,
  ModuleNotFoundError,
  LookupError,
  IndexError,
  KeyError,
  MemoryError,
  NameError,
  UnboundLocalError,
  OSError,
  BlockingIOError,
  ChildProcessError,
  ConnectionError,
  BrokenPipeError,
  ConnectionAbortedError,
  ConnectionRefusedError,
  ConnectionResetError,
  FileExistsError,
  FileNotFoundError,
  InterruptedError,
  IsADirectoryError,
  NotADirectoryError,
  PermissionError,
  ProcessLookupError,
  TimeoutError,
  ReferenceError,
  RuntimeError,
  NotImplementedError,
  RecursionError,
  StopIteration,
  StopAsyncIteration,
  SyntaxError,
  SystemError,
  TypeError,
  ValueError,
  UnicodeError,
  UnicodeEncodeError,
  UnicodeDecodeError,
  Warning,
  DeprecationWarning,
  RuntimeWarning,
  UserWarning,
  ResourceWarning,
  BaseExceptionGroup,
  ExceptionGroup,
};
for (const [name, cls] of Object.entries(BUILTIN_EXCEPTIONS)) {
  Object.defineProperty(cls, 'name', { value: name });
  registerBuiltin(cls, name, true);
}
