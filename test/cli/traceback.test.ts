// Tracebacks of `pyts run` name Python files, lines and functions, checked against python3's own traceback for the
// same program. pyts shows fewer frames than CPython (none inside asyncio, whose code is the runtime's, and none of
// a task awaiting another task's failure), so each of its frames must be one of CPython's, in CPython's order, with
// the same source line under it, and the innermost frame and the last line must be CPython's.
import { describe, expect, test } from 'vitest';
import { runPyts, runPython } from '../helpers/run-pyts.js';
import { tempFolder } from '../helpers/temp-folder.js';

interface Frame {
  /** `  File "…", line N, in name` */
  location: string;
  /** the source line CPython prints under it */
  text: string | null;
}

/** The tracebacks of a stderr text (a chain prints several), each as its frames. */
function tracebacks(stderr: string): Frame[][] {
  const result: Frame[][] = [];
  const lines = stderr.split('\n');
  lines.forEach((line, i) => {
    if (line.startsWith('Traceback (most recent call last):')) result.push([]);
    if (!line.startsWith('  File "')) return;
    const next = lines[i + 1] ?? '';
    const text = next.startsWith('    ') && !next.startsWith('  File') ? next.trim() : null;
    result.at(-1)!.push({ location: line, text });
  });
  return result;
}

async function expectPythonTraceback(files: Record<string, string>, script: string): Promise<string> {
  const folder = tempFolder(files);
  const [python, pyts] = await Promise.all([
    runPython([script], { cwd: folder }),
    runPyts(['run', script], { cwd: folder }),
  ]);
  expect(pyts.exitCode).toBe(python.exitCode);
  expect(pyts.stderr.trimEnd().split('\n').at(-1)).toBe(python.stderr.trimEnd().split('\n').at(-1));
  const expected = tracebacks(python.stderr);
  const actual = tracebacks(pyts.stderr);
  expect(actual.length).toBe(expected.length);
  for (const [i, frames] of actual.entries()) {
    const oracle = expected[i]!;
    expect(frames.length).toBeGreaterThan(0);
    // the innermost frame, where the exception was raised, is CPython's
    expect(frames.at(-1)).toEqual(oracle.at(-1));
    // every frame is one of CPython's, in the same order, with the same source line
    let from = 0;
    for (const frame of frames) {
      const found = oracle.findIndex((f, j) => j >= from && f.location === frame.location);
      expect(found, `${frame.location} in\n${python.stderr}`).toBeGreaterThanOrEqual(0);
      expect(frame.text).toBe(oracle[found]!.text);
      from = found + 1;
    }
  }
  return pyts.stderr;
}

describe('pyts run tracebacks point into the Python source', () => {
  test('an exception raised in a coroutine chain shows each Python frame', async () => {
    const stderr = await expectPythonTraceback(
      {
        'prog.py': [
          'import asyncio',
          '',
          'def check(x):',
          '    if x > 2:',
          '        raise ValueError(f"bad value {x}")',
          '    return x',
          '',
          'async def worker(n):',
          '    await asyncio.sleep(0)',
          '    return check(n)',
          '',
          'async def main():',
          '    results = []',
          '    for i in range(5):',
          '        results.append(await worker(i))',
          '    print(results)',
          '',
          'asyncio.run(main())',
          '',
        ].join('\n'),
      },
      'prog.py',
    );
    // the module's asyncio.run, then main, worker and check: every frame of the program, innermost last
    expect(stderr).toMatch(
      /line 18, in <module>\n {4}asyncio\.run\(main\(\)\)\n.*line 15, in main\n.*\n.*line 10, in worker\n.*\n.*line 5, in check\n/,
    );
  });

  test('a chained exception shows where each was raised, across modules and methods', async () => {
    await expectPythonTraceback(
      {
        'helper.py': 'def lookup(table, key):\n    return table[key]\n',
        'prog.py': [
          'import asyncio',
          'from helper import lookup',
          '',
          'class Store:',
          '    def __init__(self):',
          '        self.data = {"a": 1}',
          '',
          '    def get(self, key):',
          '        try:',
          '            return lookup(self.data, key)',
          '        except KeyError as e:',
          '            raise RuntimeError(f"missing {key}") from e',
          '',
          'async def main():',
          '    store = Store()',
          '    print(store.get("a"))',
          '    await asyncio.sleep(0)',
          '    print(store.get("b"))',
          '',
          'asyncio.run(main())',
          '',
        ].join('\n'),
      },
      'prog.py',
    );
  });

  test('an error of the runtime (division by zero) at module level, with a renamed function', async () => {
    await expectPythonTraceback(
      {
        'zero.py':
          'def divide_by(a, b):\n    return a // b\n\ntotal = 0\nfor i in range(3, -1, -1):\n    total += divide_by(10, i)\n',
      },
      'zero.py',
    );
  });

  test('an exception from a gathered task reaches the module through asyncio.run', async () => {
    await expectPythonTraceback(
      {
        'gather.py': [
          'import asyncio',
          '',
          'async def job(n):',
          '    await asyncio.sleep(0.01 * n)',
          '    if n == 2:',
          '        raise KeyError(n)',
          '    return n',
          '',
          'async def main():',
          '    print(await asyncio.gather(job(1), job(2)))',
          '',
          'asyncio.run(main())',
          '',
        ].join('\n'),
      },
      'gather.py',
    );
  });

  test('an exception raised while handling another shows both, each from its own raise', async () => {
    await expectPythonTraceback(
      {
        'ctx.py': [
          'def parse(text):',
          '    try:',
          '        return int(text)',
          '    except ValueError:',
          '        raise LookupError("no number in " + text)',
          '',
          'def main():',
          '    print(parse("12"))',
          '    print(parse("x"))',
          '',
          'main()',
          '',
        ].join('\n'),
      },
      'ctx.py',
    );
  });
});
