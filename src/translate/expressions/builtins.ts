// Python's builtin names and the runtime export each one becomes. A builtin becomes a runtime call because
// plain TypeScript would behave differently (printing, Python equality, IndexError…); calls that have a provably
// equivalent TypeScript spelling are rewritten in calls.ts before this table is consulted.

const EXCEPTIONS = [
  'BaseException', 'Exception', 'SystemExit', 'KeyboardInterrupt', 'GeneratorExit', 'ArithmeticError',
  'ZeroDivisionError', 'OverflowError', 'FloatingPointError', 'AssertionError', 'AttributeError', 'BufferError',
  'EOFError', 'ImportError', 'ModuleNotFoundError', 'LookupError', 'IndexError', 'KeyError', 'MemoryError',
  'NameError', 'UnboundLocalError', 'OSError', 'BlockingIOError', 'ChildProcessError', 'ConnectionError',
  'BrokenPipeError', 'ConnectionAbortedError', 'ConnectionRefusedError', 'ConnectionResetError', 'FileExistsError',
  'FileNotFoundError', 'InterruptedError', 'IsADirectoryError', 'NotADirectoryError', 'PermissionError',
  'ProcessLookupError', 'TimeoutError', 'ReferenceError', 'RuntimeError', 'NotImplementedError', 'RecursionError',
  'StopIteration', 'StopAsyncIteration', 'SyntaxError', 'SystemError', 'TypeError', 'ValueError', 'UnicodeError',
  'Warning', 'DeprecationWarning', 'RuntimeWarning', 'UserWarning', 'ResourceWarning', 'BaseExceptionGroup',
  'ExceptionGroup',
];

const FUNCTIONS = [
  'print', 'len', 'range', 'str', 'repr', 'int', 'float', 'bool', 'list', 'dict', 'set', 'tuple', 'isinstance',
  'issubclass', 'type', 'sorted', 'reversed', 'enumerate', 'zip', 'min', 'max', 'sum', 'abs', 'round', 'any',
  'all', 'iter', 'next', 'divmod', 'pow', 'hex', 'oct', 'bin', 'chr', 'ord', 'id', 'hash', 'callable', 'getattr',
  'setattr', 'hasattr', 'map', 'filter', 'format', 'ascii', 'frozenset', 'object', 'aiter', 'anext', 'input', 'open',
];

/** Python builtin → runtime export name. */
export const BUILTIN_NAMES: Readonly<Record<string, string | null>> = Object.fromEntries([
  ...EXCEPTIONS.map((n) => [n, n]),
  ...FUNCTIONS.map((n) => [n, n]),
]);

/** Builtins the runtime provides from another module than the builtins' (async iteration lives with asyncio). */
export const BUILTIN_MODULE: Readonly<Record<string, string>> = { aiter: 'asyncio', anext: 'asyncio' };

export const BUILTIN_EXCEPTIONS: ReadonlySet<string> = new Set(EXCEPTIONS);

/** Positional parameter names of builtins whose keyword arguments the runtime takes positionally
 *  (`enumerate(xs, start=1)` → `enumerate(xs, 1)`); other keywords go into a trailing `kw({...})`. */
export const BUILTIN_PARAMS: Readonly<Record<string, readonly string[]>> = {
  enumerate: ['iterable', 'start'],
  sum: ['iterable', 'start'],
  round: ['number', 'ndigits'],
  int: ['x', 'base'],
  pow: ['base', 'exp', 'mod'],
  divmod: ['a', 'b'],
  next: ['iterator', 'default'],
  anext: ['iterator', 'default'],
  getattr: ['object', 'name', 'default'],
  format: ['value', 'format_spec'],
};
