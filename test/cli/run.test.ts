// `pyts run` against python3 itself: the same program, the same arguments, the same working folder must give the
// same stdout, exit code and last stderr line. Nothing here is an output typed by hand.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lastLine, runPyts, runPython, type ProcessResult, type RunOptions } from '../helpers/run-pyts.js';
import { tempFolder } from '../helpers/temp-folder.js';

/** What must be equal between CPython and pyts. */
function observable(result: ProcessResult): { stdout: string; exitCode: number | null; stderrLastLine: string } {
  return { stdout: result.stdout, exitCode: result.exitCode, stderrLastLine: lastLine(result.stderr) };
}

async function expectSameAsPython(folder: string, args: string[], options: RunOptions = {}): Promise<void> {
  const [python, pyts] = await Promise.all([
    runPython(args, { ...options, cwd: folder }),
    runPyts(['run', ...args], { ...options, cwd: folder }),
  ]);
  expect(observable(pyts)).toEqual(observable(python));
}

describe('pyts run behaves as python3 running the same file', () => {
  test('an asyncio program prints what CPython prints', async () => {
    const folder = tempFolder({
      'main.py':
        'import asyncio\n\n\nasync def work(n):\n    await asyncio.sleep(0.01 * n)\n    print("done", n)\n    return n * 2\n\n\n' +
        'async def main():\n    print(await asyncio.gather(work(2), work(1)))\n\n\nasyncio.run(main())\n',
    });
    await expectSameAsPython(folder, ['main.py']);
  });

  test('ARGS become sys.argv[1:], and sys.argv[0] is the script path as given', async () => {
    const folder = tempFolder({ 'app/args.py': 'import sys\n\nprint(sys.argv)\n' });
    await expectSameAsPython(folder, ['app/args.py', 'one', '--two', '-3']);
  });

  test('__name__ is "__main__" in the script and the module name in an imported module', async () => {
    const folder = tempFolder({
      'main.py': 'import helper\n\nprint(__name__, helper.NAME)\nif __name__ == "__main__":\n    print("main runs")\n',
      'helper.py': 'NAME = __name__\nif __name__ == "__main__":\n    print("never printed")\n',
    });
    await expectSameAsPython(folder, ['main.py']);
  });

  test('sys.exit(N) sets the exit code', async () => {
    const folder = tempFolder({ 'exit.py': 'import sys\n\nprint("leaving")\nsys.exit(3)\n' });
    await expectSameAsPython(folder, ['exit.py']);
  });

  test('an uncaught exception prints its traceback line and exits with 1', async () => {
    const folder = tempFolder({ 'fail.py': 'print("before")\nraise ValueError("bad value")\n' });
    await expectSameAsPython(folder, ['fail.py']);
  });

  test('local modules are imported as Python finds them: beside the script, and packages', async () => {
    const folder = tempFolder({
      'main.py':
        'import helper\nfrom helper import twice\nfrom shapes import area\n\nprint(helper.NAME, twice(4), area(2, 3))\n',
      'helper.py': 'NAME = "helper"\n\n\ndef twice(x):\n    return 2 * x\n',
      'shapes/__init__.py': 'from .rect import area\n',
      'shapes/rect.py': 'def area(w, h):\n    return w * h\n',
    });
    await expectSameAsPython(folder, ['main.py']);
  });

  test("coroutine functions and classes of other modules keep Python's semantics: lazy coroutines, tasks, new", async () => {
    const folder = tempFolder({
      'main.py':
        'import asyncio\nimport helpers\nfrom helpers import work, K\nfrom jobs import Job, run_all\n\n\n' +
        'async def main():\n    c = work(1)\n    print("created")\n    print(await c)\n' +
        '    print(await asyncio.create_task(helpers.work(2)))\n    print(await asyncio.gather(work(3), helpers.work(4)))\n' +
        '    print(K(3).n, helpers.K(n=5).n)\n    print(await run_all(["a", "b"], 0.01), await Job("c").run())\n\n\nasyncio.run(main())\n',
      'helpers.py':
        'import asyncio\n\n\nasync def work(n):\n    print("start", n)\n    await asyncio.sleep(0)\n    print("end", n)\n    return n * 2\n\n\n' +
        'class K:\n    def __init__(self, n):\n        self.n = n\n',
      'jobs/__init__.py': 'from .job import Job\nfrom .runner import run_all\n',
      'jobs/job.py':
        'import asyncio\n\n\nclass Job:\n    def __init__(self, name, delay=0.0):\n        self.name = name\n        self.delay = delay\n\n' +
        '    async def run(self):\n        await asyncio.sleep(self.delay)\n        return self.name.upper()\n',
      'jobs/runner.py':
        'import asyncio\nfrom .job import Job\n\n\nasync def run_all(names, delay):\n' +
        '    jobs = [Job(name, delay=delay) for name in names]\n    return await asyncio.gather(*(j.run() for j in jobs))\n',
    });
    await expectSameAsPython(folder, ['main.py']);
  });

  test('a syntax error prints the diagnostic, runs nothing and exits with 1', async () => {
    const folder = tempFolder({ 'broken.py': 'print("never printed")\ndef broken(:\n    pass\n' });
    const result = await runPyts(['run', 'broken.py'], { cwd: folder });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^broken\.py:2:\d+ - error PYTS1\d{3}: /m);
  });
});

describe('pyts run caches translations', () => {
  test('a second run of an unchanged program uses the cached translation', async () => {
    const folder = tempFolder({ 'hello.py': 'print("hello")\n' });
    const cache = tempFolder();
    const env = { PYTS_CACHE_DIR: cache };
    const first = await runPyts(['run', 'hello.py'], { cwd: folder, env });
    expect(first).toMatchObject({ stdout: 'hello\n', exitCode: 0 });
    // Tamper with the cached translation and drop the laid-out program: if the second run prints the tampered text,
    // it was built from the cache, without translating again.
    const entries = readdirSync(join(cache, 'modules'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.json'));
    expect(entries).toHaveLength(1);
    const entryPath = join(cache, 'modules', entries[0] ?? '');
    const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as { javascript: string };
    writeFileSync(entryPath, JSON.stringify({ ...entry, javascript: 'console.log("from the cache");\n' }));
    rmSync(join(cache, 'programs'), { recursive: true });
    const second = await runPyts(['run', 'hello.py'], { cwd: folder, env });
    expect(second).toMatchObject({ stdout: 'from the cache\n', exitCode: 0 });
  });

  test('an edited program is translated again', async () => {
    const folder = tempFolder({ 'hello.py': 'print("hello")\n' });
    const env = { PYTS_CACHE_DIR: tempFolder() };
    expect((await runPyts(['run', 'hello.py'], { cwd: folder, env })).stdout).toBe('hello\n');
    writeFileSync(join(folder, 'hello.py'), 'print("edited")\n');
    expect((await runPyts(['run', 'hello.py'], { cwd: folder, env })).stdout).toBe('edited\n');
  });
});

describe('Ctrl-C', () => {
  const interruptible =
    'import asyncio\n\n\nasync def main():\n    print("waiting", flush=True)\n    await asyncio.sleep(30)\n\n\n' +
    'try:\n    asyncio.run(main())\nexcept KeyboardInterrupt:\n    print("interrupted")\n    raise SystemExit(7)\n';

  /** Runs until the program prints its first line, then sends SIGINT to its whole process group. */
  function interruptAfterFirstLine(child: import('node:child_process').ChildProcess): void {
    child.stdout?.once('data', () => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
    });
  }

  test('SIGINT to the process group raises KeyboardInterrupt in the program, as in CPython', async () => {
    const folder = tempFolder({ 'wait.py': interruptible });
    await expectSameAsPython(folder, ['wait.py'], { detached: true, onSpawn: interruptAfterFirstLine });
  });
});
