// loop.add_reader/add_writer beyond what a fixture's output shows: a reader the program leaves registered does not
// keep the process alive after asyncio.run (CPython's loop closes its selector); stdin watched as a pipe and as a
// regular file, as CPython does; and a descriptor the runtime cannot watch fails with a message that names it, where
// CPython (which can) reports it writable.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lastLine, pytsBin, repoRoot, runProcess, runPyts, runPython } from '../helpers/run-pyts.js';

const programs = join(repoRoot, 'test', 'io', 'programs');

describe('readiness callbacks in translated programs', () => {
  test('a reader left registered when asyncio.run returns does not keep the process alive', async () => {
    const program = join(programs, 'reader-left-registered.py');
    const [cpython, pyts] = await Promise.all([runPython([program]), runPyts(['run', program], { timeoutMs: 20_000 })]);
    expect(cpython.exitCode).toBe(0);
    expect(cpython.stdout).toContain('exited the loop');
    expect(pyts).toEqual(cpython);
  }, 30_000);

  test('add_reader on stdin reads lines as they arrive, as CPython does, and refuses a regular file', async () => {
    const program = join(programs, 'reader-on-stdin.py');
    for (const input of ['first\nsecond\n', 'no newline at the end']) {
      const cpython = await runPython([program], { input });
      expect(cpython.exitCode).toBe(0);
      expect(await runPyts(['run', program], { input, timeoutMs: 20_000 })).toEqual(cpython);
    }
    // stdin redirected from a regular file (the program itself)
    const fromFile = (command: string) => runProcess('sh', ['-c', `${command} < "${program}"`]);
    const cpython = await fromFile(`python3 "${program}"`);
    expect(cpython.stdout).toContain('PermissionError');
    expect(await fromFile(`"${process.execPath}" "${pytsBin}" run "${program}"`)).toEqual(cpython);
  }, 60_000);

  test('add_writer on a descriptor the runtime does not own raises NotImplementedError naming it', async () => {
    const program = join(programs, 'writer-on-stdout.py');
    const cpython = await runPython([program]);
    expect(cpython.stdout).toContain('True');
    const pyts = await runPyts(['run', program], { timeoutMs: 20_000 });
    expect(pyts.exitCode).toBe(1);
    expect(lastLine(pyts.stderr)).toBe(
      'NotImplementedError: loop.add_writer() cannot watch file descriptor 1: Node reports readiness only for sockets the pyts runtime made (socket.socketpair()) and stdin; use asyncio streams',
    );
  }, 30_000);
});
