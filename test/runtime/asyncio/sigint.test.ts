// SIGINT while a loop runs: KeyboardInterrupt out of runUntilComplete/runForever, and asyncio.run's
// cancel-the-main-task-first behaviour (runners.py Runner._on_sigint). The signal is delivered with
// process.emit('SIGINT'), which calls the listeners exactly as a real signal does.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPorted } from './ported-program.js';

const seedDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'shared', 'seed', 'programs');

function sendSigintAfter(ms: number): void {
  setTimeout(() => process.emit('SIGINT'), ms);
}

describe('SIGINT', () => {
  it('interrupts run_until_complete with KeyboardInterrupt and lets the tutorial cancel what is left (seed 09)', async () => {
    const expected = readFileSync(join(seedDir, '09_cancel_sigint.expected.txt'), 'utf8');
    const signal = JSON.parse(readFileSync(join(seedDir, '09_cancel_sigint.signal.json'), 'utf8')) as { after_s: number };
    const result = await runPorted(async ({ asyncio, print, py }) => {
      const { coro } = asyncio;
      async function doWork(x: number) {
        print('do...work.....');
        await asyncio.sleep(x);
        return 'Done result';
      }
      const coroutine1 = coro(doWork, 1);
      const coroutine2 = coro(doWork, 2);
      const coroutine3 = coro(doWork, 4);
      const tasks = [asyncio.ensureFuture(coroutine1), asyncio.ensureFuture(coroutine2), asyncio.ensureFuture(coroutine3)];
      const start = Date.now() / 1000;
      const loop = asyncio.getEventLoop() as InstanceType<typeof asyncio.BaseEventLoop>;
      sendSigintAfter(signal.after_s * 1000);
      try {
        await loop.runUntilComplete(coro(asyncio.wait, tasks));
      } catch (e) {
        if (!(e instanceof py.KeyboardInterrupt)) throw e;
        // asyncio.Task.all_tasks() was removed in 3.9; the translator maps it to all_tasks of the current loop.
        for (const task of asyncio.allTasks(loop)) print(task.cancel());
        loop.stop();
        await loop.runForever();
      } finally {
        loop.close();
      }
      print(Date.now() / 1000 - start);
    });
    const lines = result.stdout.split('\n');
    const expectedLines = expected.split('\n');
    expect(lines.slice(0, 6)).toEqual(expectedLines.slice(0, 6));
    // The elapsed time is masked in the expected output; it is at least the signal's delay.
    expect(Number(lines[6])).toBeGreaterThanOrEqual(1.5);
    expect(result.exit_code).toBe(0);
  });

  it('makes asyncio.run cancel the main task, run its finally, then raise KeyboardInterrupt (exit 130)', async () => {
    const result = await runPorted(async ({ asyncio, print }) => {
      const { coro } = asyncio;
      async function main() {
        try {
          await asyncio.sleep(10);
        } finally {
          print('main finally');
        }
      }
      sendSigintAfter(50);
      await asyncio.run(coro(main));
    });
    expect(result.stdout).toBe('main finally\n');
    expect(result.exit_code).toBe(130);
    expect(result.stderr_last_line).toBe('KeyboardInterrupt');
  });

  it('lets asyncio.run return normally when main catches the cancellation of the first SIGINT', async () => {
    const result = await runPorted(async ({ asyncio, print }) => {
      const { coro } = asyncio;
      async function main() {
        try {
          await asyncio.sleep(10);
        } catch (e) {
          if (!(e instanceof asyncio.CancelledError)) throw e;
          print('main caught', e.constructor.name);
        }
        return 'survived';
      }
      sendSigintAfter(50);
      print(await asyncio.run(coro(main)));
    });
    expect(result.stdout).toBe('main caught CancelledError\nsurvived\n');
    expect(result.exit_code).toBe(0);
  });

  it('raises KeyboardInterrupt at once on a second SIGINT while main is still cleaning up', async () => {
    const result = await runPorted(async ({ asyncio, print }) => {
      const { coro } = asyncio;
      async function main() {
        try {
          await asyncio.sleep(10);
        } finally {
          print('cleanup starts');
          await asyncio.sleep(10);
          print('cleanup never ends');
        }
      }
      sendSigintAfter(30);
      sendSigintAfter(80);
      await asyncio.run(coro(main));
    });
    expect(result.stdout).toBe('cleanup starts\n');
    expect(result.exit_code).toBe(130);
  });

  it('reaches a loop kept busy by tasks that never sleep on a timer (the loop yields to Node now and then)', async () => {
    const started = performance.now();
    const result = await runPorted(async ({ asyncio, print }) => {
      const { coro } = asyncio;
      async function spinner() {
        for (;;) await asyncio.sleep(0);
      }
      async function main() {
        for (let i = 0; i < 200; i++) asyncio.createTask(coro(spinner));
        try {
          for (;;) await asyncio.sleep(0);
        } finally {
          print('main interrupted');
        }
      }
      sendSigintAfter(50);
      await asyncio.run(coro(main));
    });
    expect(result.stdout).toBe('main interrupted\n');
    expect(result.exit_code).toBe(130);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('removes its SIGINT listener when the loop stops, so an idle process is not kept alive', async () => {
    await runPorted(async ({ asyncio }) => {
      const before = process.listenerCount('SIGINT');
      await asyncio.run(asyncio.coro(asyncio.sleep, 0));
      expect(process.listenerCount('SIGINT')).toBe(before);
    });
  });
});
