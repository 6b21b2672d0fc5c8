// The runtime benchmarks of ../shared/bench/runtime (what `npm run bench` times), shrunk to a small size: the
// translated program must print CPython's checksum line for the same shrunk program. Correctness only, no timing;
// several checksums depend on scheduling order (round-robin, FIFO hand-over of locks, how wait() batches).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sharedRoot } from '../../scripts/lib/shared-suites.mjs';
import { runPython, runPyts } from '../helpers/run-pyts.js';

const benchDir = join(sharedRoot, 'bench', 'runtime');

// The module-level size constants of each program, set small enough for a test.
const SIZES: Record<string, Record<string, number>> = {
  spawn_sleep0: { N: 40, K: 30 },
  queue_prodcons: { ITEMS: 400 },
  lock_contention: { T: 20, R: 15 },
  fanout_wait: { N: 1500 },
  deep_chain: { CALLS: 150 },
  futures_callsoon: { T: 10, K: 40 },
  as_completed_sleep: { N: 60, ROUNDS: 3 },
  cancel_storm: { N: 120, ROUNDS: 3 },
};

// The program with its constants replaced: `N = 1000  # tasks` becomes `N = 40`.
function shrunk(source: string, sizes: Record<string, number>): string {
  let text = source;
  for (const [name, value] of Object.entries(sizes)) {
    const line = new RegExp(`^${name} = [0-9_]+.*$`, 'm');
    expect(line.test(text), `${name} is a constant of the program`).toBe(true);
    text = text.replace(line, `${name} = ${value}`);
  }
  return text;
}

const lastLine = (text: string): string => text.trimEnd().split('\n').pop() ?? '';

describe('each runtime benchmark, shrunk, prints CPython checksum line', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pyts-bench-test-'));
  test.each(Object.keys(SIZES))(
    '%s',
    async (name) => {
      const file = join(folder, `${name}.py`);
      writeFileSync(file, shrunk(readFileSync(join(benchDir, `${name}.py`), 'utf8'), SIZES[name]!));
      const [cpython, pyts] = await Promise.all([runPython([file]), runPyts(['run', file])]);
      expect(cpython.exitCode, cpython.stderr).toBe(0);
      expect(lastLine(cpython.stdout)).toMatch(new RegExp(`^${name} .*checksum=\\d+$`));
      expect({ exitCode: pyts.exitCode, line: lastLine(pyts.stdout) }).toEqual({
        exitCode: 0,
        line: lastLine(cpython.stdout),
      });
    },
    120_000,
  );
});
