// THE table of diagnostic codes. Bands follow tsc's habit of one band per stage: 1xxx parse, 2xxx analyze,
// 3xxx translate, 4xxx asyncio map, 5xxx emit, 6xxx CLI/IO, 9xxx internal. A code is never reused; a message
// template fills `{0}`, `{1}`… from the arguments given to `createDiagnostic`.
import type { Range } from '../parse/ast.js';
import type { Diagnostic, Severity } from './diagnostic.js';

/** The page `pyts explain` prints, in ruff's sections. */
export interface CodeDoc {
  /** what the code flags */
  what: string;
  /** why it matters */
  why: string;
  /** Python source that triggers it */
  example: string;
  /** what to write or do instead */
  instead: string;
}

export interface CodeInfo {
  code: string;
  /** kebab-case name of the pattern flagged (ruff's naming convention) */
  name: string;
  severity: Severity;
  message: string;
  doc: CodeDoc;
}

const table = [
  {
    code: 'PYTS1001',
    name: 'syntax-error',
    severity: 'error',
    message: '{0}',
    doc: {
      what: 'Source that CPython 3.11 rejects with a SyntaxError. The message is CPython\'s own, at the position CPython reports.',
      why: 'pyts translates only programs that Python itself accepts; anything else has no behaviour to reproduce.',
      example: 'async def main:\n    pass',
      instead: 'async def main():\n    pass',
    },
  },
  {
    code: 'PYTS1002',
    name: 'indentation-error',
    severity: 'error',
    message: '{0}',
    doc: {
      what: "Indentation CPython rejects with an IndentationError ('expected an indented block', 'unindent does not match any outer indentation level', 'unexpected indent').",
      why: 'Indentation is Python\'s block structure; a wrong level changes which statements belong together.',
      example: 'if ready:\nprint("go")',
      instead: 'if ready:\n    print("go")',
    },
  },
  {
    code: 'PYTS1003',
    name: 'tab-error',
    severity: 'error',
    message: 'inconsistent use of tabs and spaces in indentation',
    doc: {
      what: "A block indented with tabs in some lines and spaces in others so that the meaning depends on the tab width (CPython's TabError).",
      why: 'CPython refuses such files, because their block structure would depend on the editor.',
      example: 'if ready:\n\tstart()\n        stop()',
      instead: 'Indent with spaces only (4 per level).',
    },
  },
  {
    code: 'PYTS1004',
    name: 'unicode-decode-error',
    severity: 'error',
    message: "(unicode error) '{0}' codec can't decode byte 0x{1} in position {2}: {3}",
    doc: {
      what: 'A source file that is not valid in its encoding (UTF-8 unless a coding declaration says otherwise).',
      why: 'CPython refuses to read such a file, so there is no program to translate.',
      example: "print('caf\\xe9')   # saved as Latin-1 without a '# -*- coding: latin-1 -*-' line",
      instead: "Save the file as UTF-8, or declare its encoding on the first or second line: '# -*- coding: latin-1 -*-'.",
    },
  },
  {
    code: 'PYTS1005',
    name: 'binary-file',
    severity: 'error',
    message: 'source code cannot contain null bytes',
    doc: {
      what: 'A file holding NUL bytes: usually a binary file (a .pyc, an image) given by mistake.',
      why: "CPython refuses it ('source code cannot contain null bytes').",
      example: 'pyts convert module.cpython-311.pyc',
      instead: 'Pass the .py source file.',
    },
  },
  {
    code: 'PYTS1006',
    name: 'file-too-large',
    severity: 'error',
    message: 'The file is {0} MB; pyts reads source files of up to {1} MB.',
    doc: {
      what: 'A source file above the size limit (20 MB).',
      why: 'Parsing keeps the whole syntax tree in memory; the limit keeps a mistaken input (a data dump) from exhausting it.',
      example: 'pyts convert generated_tables.py   # 50 MB',
      instead: 'Split the file into modules, or keep large data out of source code (load it from a file at run time).',
    },
  },
  {
    code: 'PYTS1007',
    name: 'nesting-too-deep',
    severity: 'error',
    message: '{0}',
    doc: {
      what: "Brackets nested more than 200 deep ('too many nested parentheses', CPython's tokenizer limit), or an expression nested too deeply to convert.",
      why: 'CPython rejects such source; pyts applies the same limit so it never overflows its own stack.',
      example: 'x = ((((((((((((1))))))))))))   # but 201 levels deep',
      instead: 'Build deep structures in a loop, or split the expression with intermediate variables.',
    },
  },
  {
    code: 'PYTS1008',
    name: 'unsupported-encoding',
    severity: 'error',
    message: 'encoding problem: {0}',
    doc: {
      what: 'A coding declaration (`# -*- coding: NAME -*-`) naming an encoding pyts cannot decode.',
      why: 'Decoding with the wrong encoding would silently change string literals.',
      example: '# -*- coding: klingon -*-',
      instead: 'Save the file as UTF-8 and remove the declaration.',
    },
  },
  {
    code: 'PYTS1009',
    name: 'unsupported-literal',
    severity: 'error',
    message: "The escape '{0}' needs Unicode's character names, which pyts does not ship; the file was not translated.",
    doc: {
      what: "A string literal using a named Unicode escape such as '\\N{BULLET}'.",
      why: 'Decoding it needs the Unicode name database (over 1 MB), which pyts does not bundle; guessing would change the string.',
      example: 'print("\\N{BULLET} item")',
      instead: 'print("\\u2022 item")   # or the character itself: print("• item")',
    },
  },
  {
    code: 'PYTS2001',
    name: 'undefined-name',
    severity: 'warning',
    message: "Cannot find name '{0}'.",
    doc: {
      what: 'A name that is neither defined in the file, imported, nor a Python builtin.',
      why: 'Almost always a typo or a missing import. CPython raises NameError only when the line runs, and so does the translation.',
      example: 'async def main():\n    await asyncio.sleep(1)   # no import asyncio',
      instead: 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)',
    },
  },
  {
    code: 'PYTS2002',
    name: 'coroutine-never-awaited',
    severity: 'warning',
    message: "The coroutine '{0}' is created but never awaited; its body never runs.",
    doc: {
      what: 'A call of an `async def` function used as a statement: it makes a coroutine object and throws it away.',
      why: 'A coroutine runs nothing until it is awaited or wrapped in a task. CPython warns "coroutine ... was never awaited" at run time; the translation keeps that behaviour (the body does not run), which is almost never what the author meant.',
      example: 'async def save():\n    ...\n\nasync def main():\n    save()',
      instead: 'await save()   # or: asyncio.create_task(save())',
    },
  },
  {
    code: 'PYTS3001',
    name: 'unsupported-syntax',
    severity: 'error',
    message: "'{0}' is not supported yet; the statement was not translated.",
    doc: {
      what: 'Python syntax that pyts does not translate yet.',
      why: 'pyts never emits an approximation: an untranslated statement is reported rather than guessed.',
      example: 'x = yield from gen()',
      instead: 'Rewrite the statement with supported constructs, or keep that part of the program in Python.',
    },
  },
  {
    code: 'PYTS3002',
    name: 'unsupported-builtin',
    severity: 'error',
    message: "The builtin '{0}' is not supported yet.",
    doc: {
      what: 'A call to a Python builtin function that the runtime does not provide.',
      why: 'The translated program would fail when it reaches the call.',
      example: "code = compile(src, 'f', 'exec')",
      instead: 'Avoid the builtin, or implement the behaviour explicitly in the program.',
    },
  },
  {
    code: 'PYTS3003',
    name: 'int-beyond-float-precision',
    severity: 'warning',
    message: 'The integer {0} is beyond 2**53 and no JavaScript number holds it: it is a bigint at run time, typed as number.',
    doc: {
      what: 'An integer literal, or an operation on integer literals (`2 ** 64 - 1`), whose value no JavaScript number holds exactly: above 2**53 (9007199254740992) and not itself a double (2**64 is one, 2**64 - 1 is not).',
      why: "Python ints have arbitrary precision, and pyts keeps them exact: an int that no double holds is a JavaScript bigint at run time, which the runtime's printing, comparisons and arithmetic (`addInt`, `mulInt`, `floorDiv`, `mod`…) compute with exactly. Its TypeScript type stays `number`, so TypeScript written by hand around the translation that does arithmetic with it throws a TypeError (OverflowError in the translated program) instead of rounding.",
      example: 'n = 12345678901234567890',
      instead: "Nothing is needed for the translated program. In TypeScript written around it, compute on such values with the runtime's `addInt`/`subInt`/`mulInt` or with `BigInt`.",
    },
  },
  {
    code: 'PYTS3004',
    name: 'unsupported-module',
    severity: 'error',
    message: "Module '{0}' is not supported yet.",
    doc: {
      what: 'An import of a module that the pyts runtime does not provide and that is not part of the program being translated.',
      why: 'The translated program would fail when the import runs.',
      example: 'import requests',
      instead: 'Translate only modules the runtime provides (asyncio, time, sys, …) or the program\'s own modules.',
    },
  },
  {
    code: 'PYTS3005',
    name: 'call-raises-type-error',
    severity: 'warning',
    message: 'This call does not match what it calls; it raises TypeError when it runs.',
    doc: {
      what: "A call whose arguments cannot bind to the parameters of a function pyts knows (a missing or extra argument, an unknown keyword), a builtin's argument count, or a call of None.",
      why: 'CPython raises TypeError at this call. JavaScript would run the function with `undefined` for a missing argument and ignore extra ones, so the translation raises the same TypeError, with CPython\'s message, where the call stands.',
      example: 'def greet(name, greeting):\n    return f"{greeting}, {name}!"\n\nprint(greet("Ann"))',
      instead: 'def greet(name, greeting="Hello"):\n    return f"{greeting}, {name}!"\n\nprint(greet("Ann"))',
    },
  },
  {
    code: 'PYTS4001',
    name: 'unknown-asyncio-name',
    severity: 'error',
    message: "'asyncio.{0}' does not exist.{1}",
    doc: {
      what: 'An attribute of the asyncio module that Python 3.11 does not have (often a typo).',
      why: 'CPython raises AttributeError when the line runs.',
      example: 'await asyncio.sleeep(1)',
      instead: 'await asyncio.sleep(1)',
    },
  },
  {
    code: 'PYTS4002',
    name: 'removed-asyncio-api',
    severity: 'warning',
    message: "'{0}' was removed in Python {1}.",
    doc: {
      what: 'An asyncio API that was removed from Python (for example `asyncio.Task.all_tasks`, removed in 3.9) and that has a direct replacement.',
      why: 'The program no longer runs on current Python. pyts translates the call to its replacement, which keeps the behaviour the code was written for, and says so.',
      example: 'tasks = asyncio.Task.all_tasks()',
      instead: 'tasks = asyncio.all_tasks()',
    },
  },
  {
    code: 'PYTS4004',
    name: 'unsupported-asyncio-api',
    severity: 'error',
    message: "'{0}' is not supported yet.",
    doc: {
      what: 'A real asyncio API that the pyts runtime does not provide yet (event loop policies, low-level transports and protocols…).',
      why: 'The translated program would fail when it reaches the call, so pyts reports it instead of emitting it.',
      example: 'policy = asyncio.get_event_loop_policy()',
      instead: 'Keep that part in Python for now, or write it against Node\'s APIs by hand.',
    },
  },
  {
    code: 'PYTS4005',
    name: 'fd-readiness-callback',
    severity: 'error',
    message: "'{0}' cannot watch {1}: Node reports readiness only for stdin and the sockets the pyts runtime makes.",
    doc: {
      what: '`loop.add_reader`, `loop.add_writer` (and their `remove_` counterparts) given a descriptor the runtime cannot watch: a file descriptor as a number (other than 0, stdin), a file from `open()` or `os.open()`, `sys.stdout` and `sys.stderr`.',
      why: "Node reads and writes its streams itself and reports readiness only for streams it owns: the runtime watches the sockets of `socket.socketpair()` (and their `fileno()`) and stdin, not another raw descriptor. At run time a regular file raises CPython's `PermissionError: [Errno 1] Operation not permitted` (epoll refuses regular files too), a closed descriptor `OSError: [Errno 9] Bad file descriptor`, and any other descriptor NotImplementedError.",
      example: "loop.add_reader(open('events.log'), on_line)",
      instead: 'loop.add_reader(sys.stdin, on_line)\na, b = socket.socketpair()\nloop.add_reader(a, on_readable)  # or: reader, writer = await asyncio.open_connection(sock=a)',
    },
  },
  {
    code: 'PYTS6001',
    name: 'file-not-found',
    severity: 'error',
    message: "File '{0}' not found.",
    doc: {
      what: 'An input path that does not exist.',
      why: 'There is nothing to translate.',
      example: 'pyts convert mian.py',
      instead: 'pyts convert main.py',
    },
  },
  {
    code: 'PYTS6002',
    name: 'not-a-python-file',
    severity: 'error',
    message: "File '{0}' is not a Python source file.",
    doc: {
      what: 'An input file whose name does not end in `.py`.',
      why: 'pyts reads Python source only; other files are probably given by mistake.',
      example: 'pyts convert notes.txt',
      instead: 'Pass a .py file or a directory holding .py files.',
    },
  },
  {
    code: 'PYTS6003',
    name: 'output-outside-out-dir',
    severity: 'error',
    message: "'{0}' would be written outside the output folder '{1}'; it was not written.",
    doc: {
      what: 'A translation whose path leaves the output folder: the source lies outside --root-dir (its path climbs out with `..`), or a folder inside the output folder is a symbolic link to somewhere else.',
      why: 'convert writes only inside --out-dir, so that a mistyped path or a stray link can never overwrite files elsewhere.',
      example: 'pyts convert lib/util.py --root-dir src --out-dir out   # out/../lib/util.ts',
      instead: 'Name sources below --root-dir (or leave --root-dir out), and replace the symbolic link in the output folder by a real folder.',
    },
  },
  {
    code: 'PYTS6004',
    name: 'duplicate-output',
    severity: 'error',
    message: "'{0}' and '{1}' would both be written to '{2}'; neither was written.",
    doc: {
      what: 'Two sources whose translations map to the same output file, e.g. two folders given together that both hold a `util.py`.',
      why: 'One translation would silently overwrite the other.',
      example: 'pyts convert app lib --out-dir out   # app/util.py and lib/util.py both become out/util.ts',
      instead: 'Convert the folders into separate output folders, or give --root-dir so that each keeps its own path (out/app/util.ts, out/lib/util.ts).',
    },
  },
  {
    code: 'PYTS6005',
    name: 'output-not-writable',
    severity: 'error',
    message: "'{0}' could not be written ({1}).",
    doc: {
      what: 'A translation that could not be written to its output file: a file stands where a folder of the output path should be, the folder is not writable, or the disk is full (the reason is the system\'s error code).',
      why: 'The other outputs are still written; this one keeps its old content (writes are atomic), so the output folder does not match the sources.',
      example: 'pyts convert src --out-dir out   # where out is a file, not a folder',
      instead: 'Make the output path a writable folder (remove the file in the way, fix the permissions), then convert again.',
    },
  },
  {
    code: 'PYTS9001',
    name: 'internal-error',
    severity: 'error',
    message: 'Internal error: {0}. This is a bug in pyts; the file was not translated.',
    doc: {
      what: 'pyts met something it did not expect (a bug in pyts, not in the program).',
      why: 'Rather than emit wrong code, pyts stops translating this file and goes on with the others.',
      example: '(any input that reveals a bug)',
      instead: 'Report the message with the file (or a reduced example) to the pyts issue tracker.',
    },
  },
] as const satisfies readonly CodeInfo[];

/** Every code pyts can report, in band order. */
export const CODES: readonly CodeInfo[] = table;

export type DiagnosticCode = (typeof table)[number]['code'];
export type DiagnosticName = (typeof table)[number]['name'];

const byCode = new Map<string, CodeInfo>(table.map((info) => [info.code, info]));
const byName = new Map<string, CodeInfo>(table.map((info) => [info.name, info]));

/** Finds a code by `PYTSnnnn` (case-insensitive) or by its kebab name; undefined when unknown. */
export function lookupCode(codeOrName: string): CodeInfo | undefined {
  return byCode.get(codeOrName.toUpperCase()) ?? byName.get(codeOrName.toLowerCase());
}

/** Fills `{0}`, `{1}`… in a message template. */
export function formatMessage(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

export interface DiagnosticInput {
  file: string;
  range: Range | null;
  /** values for the template's `{0}`, `{1}`… */
  args?: readonly (string | number)[];
  hint?: string;
}

/** Builds a Diagnostic from a code (or its name) and the template arguments. */
export function createDiagnostic(code: DiagnosticCode | DiagnosticName, input: DiagnosticInput): Diagnostic {
  const info = lookupCode(code)!;
  const diagnostic: Diagnostic = {
    code: info.code,
    severity: info.severity,
    message: formatMessage(info.message, input.args ?? []),
    file: input.file,
    range: input.range,
  };
  if (input.hint !== undefined) diagnostic.hint = input.hint;
  return diagnostic;
}
