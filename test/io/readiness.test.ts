// loop.add_reader/add_writer beyond what a fixture's output shows: a reader the program leaves registered does not
// keep the process alive after asyncio.run (CPython's loop closes its selector), and a descriptor the runtime cannot
// watch fails with a message that names it, where CPython (which can) reads the line.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lastLine, repoRoot, runPyts, runPython } from '../helpers/run-pyts.js';

const programs = join(repoRoot, 'test', 'io', 'programs');

describe('readiness callbacks in translated programs', () => {
  test('a reader left registered when asyncio.run returns does not keep the process alive', async () => {
    const program = join(programs, 'reader-left-registered.py');
    const [cpython, pyts] = await Promise.all([runPython([program]), runPyts(['run', program], { timeoutMs: 20_000 })]);
    expect(cpython.exitCode).toBe(0);
    expect(cpython.stdout).toContain('exited the loop');
    expect(pyts).toEqual(cpython);
  }, 30_000);

  test('add_reader on a descriptor the runtime does not own raises NotImplementedError naming it', async () => {
    const program = join(programs, 'reader-on-stdin.py');
    const cpython = await runPython([program], { input: 'hello\n' });
    expect(cpython.stdout).toContain('hello');
    const pyts = await runPyts(['run', program], { input: 'hello\n', timeoutMs: 20_000 });
    expect(pyts.exitCode).toBe(1);
    expect(lastLine(pyts.stderr)).toBe(
      'NotImplementedError: loop.add_reader() cannot watch file descriptor 0: Node reports readiness only for sockets the pyts runtime made (socket.socketpair()); use asyncio streams',
    );
  }, 30_000);
});
