import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const runtimeIndex = fileURLToPath(new URL('../../../src/runtime/index.ts', import.meta.url));
const sysIndex = fileURLToPath(new URL('../../../src/runtime/sys/index.ts', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'pyts-process-'));
let scriptCount = 0;

interface RunResult {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: NodeJS.Signals | null;
}

// Bundle a small program using the runtime (as translated code would) and run it in its own node process.
function runProgram(body: string, shell = false, stdin = ''): RunResult {
  const source = `import * as rt from ${JSON.stringify(runtimeIndex)};\nimport * as sys from ${JSON.stringify(sysIndex)};\nvoid sys;\nconst { print, kw } = rt;\nvoid print; void kw;\n${body}\n`;
  const entry = join(workDir, `program-${++scriptCount}.ts`);
  const bundle = entry.replace(/\.ts$/, '.mjs');
  writeFileSync(entry, source);
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error' });
  const result = shell
    ? spawnSync('sh', ['-c', `"${process.execPath}" "${bundle}" 2>&1`], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, [bundle], { encoding: 'utf8', maxBuffer: 1 << 26, input: stdin });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status, signal: result.signal };
}

// Expected texts are CPython 3.11's output for the same programs, minus the `  File "…", line N` frame lines,
// which name Python source the runtime does not have.
describe('an uncaught exception', () => {
  it('prints the traceback header and the last line to stderr and exits with status 1', () => {
    const result = runProgram(`throw new rt.ValueError('boom');`);
    expect(result).toEqual({ stdout: '', stderr: 'Traceback (most recent call last):\nValueError: boom\n', status: 1, signal: null });
  });

  it('prints a bare class name when str(exc) is empty, after writing the pending stdout', () => {
    const result = runProgram(`print('x', kw({ end: '' })); throw new rt.TypeError();`, true);
    expect(result.stdout).toBe('xTraceback (most recent call last):\nTypeError\n');
    expect(result.status).toBe(1);
  });

  it('behaves the same when it escapes as a rejected top-level await', () => {
    const result = runProgram(`await Promise.reject(new rt.KeyError('k'));`);
    expect(result.stderr).toBe("Traceback (most recent call last):\nKeyError: 'k'\n");
    expect(result.status).toBe(1);
  });

  it('prints the context chain with the "During handling" separator', () => {
    const result = runProgram(
      `try { throw new rt.KeyError('k'); } catch (e) { const err = new rt.TypeError(); err.__context__ = e as rt.BaseException; throw err; }`,
    );
    expect(result.stderr).toBe(
      "Traceback (most recent call last):\nKeyError: 'k'\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\nTypeError\n",
    );
  });

  it('prints an exception group as the boxed tree of CPython 3.11', () => {
    const result = runProgram(`throw new rt.ExceptionGroup('eg', [new rt.ValueError('a'), new rt.KeyError('b')]);`);
    expect(result.stderr).toBe(
      [
        '  + Exception Group Traceback (most recent call last):',
        '  | ExceptionGroup: eg (2 sub-exceptions)',
        '  +-+---------------- 1 ----------------',
        '    | ValueError: a',
        '    +---------------- 2 ----------------',
        "    | KeyError: 'b'",
        '    +------------------------------------',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(1);
  });

  it('maps a JS stack overflow to RecursionError', () => {
    const result = runProgram(`const f = (n: number): number => f(n + 1) + 1; f(0);`);
    expect(result.stderr.split('\n').at(-2)).toBe('RecursionError: maximum recursion depth exceeded');
    expect(result.status).toBe(1);
  });
});

describe('SystemExit', () => {
  it.each([
    ['sys.exit(3)', '', 3],
    ["sys.exit('bye')", 'bye\n', 1],
    ['sys.exit()', '', 0],
    ['throw new rt.SystemExit(null)', '', 0],
    ['throw new rt.SystemExit(true)', '', 1],
    ['throw new rt.SystemExit(2.5)', '2.5\n', 1],
  ])('%s exits with the status CPython gives, printing no traceback', (statement, stderr, status) => {
    const result = runProgram(statement + ';');
    expect([result.stderr, result.status]).toEqual([stderr, status]);
  });
});

describe('KeyboardInterrupt', () => {
  it('prints its traceback and ends the process by SIGINT, as CPython does', () => {
    const result = runProgram(`print('before'); throw new rt.KeyboardInterrupt();`);
    expect(result).toEqual({
      stdout: 'before\n',
      stderr: 'Traceback (most recent call last):\nKeyboardInterrupt\n',
      status: null,
      signal: 'SIGINT',
    });
  });
});

describe('print', () => {
  it('delivers every line of a long output, in order, before the process exits', () => {
    const result = runProgram(`for (let i = 0; i < 200000; i++) print(i);`);
    const lines = result.stdout.split('\n');
    expect(lines.length).toBe(200001);
    expect(lines[199999]).toBe('199999');
  });

  it('writes stdout text before a later stderr write', () => {
    const result = runProgram(`print('a'); sys.stderr.write('b\\n'); print('c');`, true);
    expect(result.stdout).toBe('a\nb\nc\n');
  });
});

describe('input', () => {
  it('strips only the final newline of a line', () => {
    const result = runProgram(`print(rt.repr(rt.input())); print(rt.repr(sys.stdin.read()));`, false, 'first\r\nsecond\r');
    expect(result.stdout).toBe("'first\\r'\n'second\\r'\n");
  });

  it('prints the prompt, returns lines without their newline, and raises EOFError at the end', () => {
    const result = runProgram(`print(rt.repr(rt.input('> '))); print(rt.repr(rt.input())); rt.input();`, false, 'hello\nworld');
    expect(result.stdout).toBe("> 'hello'\n'world'\n");
    expect(result.stderr).toBe('Traceback (most recent call last):\nEOFError: EOF when reading a line\n');
  });
});

describe('sys.stdin', () => {
  it('reads lines with their newline, keeping \\r, then the rest, as CPython does on POSIX', () => {
    const result = runProgram(
      `print(rt.repr(sys.stdin.readline())); print(rt.repr([...sys.stdin])); print(rt.repr(sys.stdin.readline()));`,
      false,
      'first\r\nsecond\nthird',
    );
    expect(result.stdout).toBe("'first\\r\\n'\n['second\\n', 'third']\n''\n");
  });
});

describe('__name__', () => {
  it("is '__main__' in the module node runs", () => {
    const result = runProgram(`print(rt.isMain(import.meta.url), rt.moduleName(import.meta.url), rt.moduleName('file:///x/helpers.js'));`);
    expect(result.stdout).toBe('True __main__ helpers\n');
  });
});
