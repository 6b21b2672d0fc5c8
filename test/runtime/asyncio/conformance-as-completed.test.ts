// Ports of conformance/as_completed: completion order, timeouts, errors at the await.

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

describe('conformance/as_completed', () => {
  conformance('as_completed', 'duplicates_and_empty_input', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    async function job(v: string) {
      await asyncio.sleep(0);
      return v;
    }
    async function main() {
      print('empty:', repr([...asyncio.asCompleted([])]));
      const t = asyncio.createTask(coro(job, 't'));
      const u = asyncio.createTask(coro(job, 'u'));
      const got: string[] = [];
      for (const c of asyncio.asCompleted([t, u, t, t])) got.push(await aw(c));
      print('yields:', got.length, 'values:', repr(got.sort()));
    }
    await asyncio.run(coro(main));
  });

  conformance('as_completed', 'exception_raised_at_await_iteration_continues', async ({ asyncio, print, repr, py, str }) => {
    const { coro, aw } = asyncio;
    async function job(name: string, ticks: number, fail = false) {
      for (let i = 0; i < ticks; i++) await asyncio.sleep(0);
      if (fail) throw new py.PermissionError(`${name} denied`);
      return name;
    }
    async function main() {
      const tasks = [
        asyncio.createTask(coro(job, 'a', 3)),
        asyncio.createTask(coro(job, 'b', 1, true)),
        asyncio.createTask(coro(job, 'c', 2)),
      ];
      for (const c of asyncio.asCompleted(tasks)) {
        try {
          print('ok', await aw(c));
        } catch (e) {
          if (!(e instanceof py.PermissionError)) throw e;
          print('error', e.constructor.name, str(e));
        }
      }
      print('b.exception():', repr(tasks[1]!.exception()));
    }
    await asyncio.run(coro(main));
  });

  conformance('as_completed', 'timeout_raises_timeout_error', async ({ asyncio, print, py }) => {
    const { coro, aw } = asyncio;
    const { next } = await import('../../../src/runtime/builtins/iteration.js');
    async function nap(label: string, delay: number) {
      try {
        await asyncio.sleep(delay);
        return label;
      } finally {
        print('nap', label, 'exits');
      }
    }
    async function main() {
      print('asyncio.TimeoutError is TimeoutError:', asyncio.TimeoutError === py.TimeoutError);
      const fast = asyncio.createTask(coro(nap, 'fast', 0));
      const slow = asyncio.createTask(coro(nap, 'slow', 0.5));
      await aw(fast);
      const it = asyncio.asCompleted([fast, slow], { timeout: 0.02 });
      print('first:', await aw(next(it)));
      try {
        await aw(next(it));
      } finally {
        print('slow still running:', !slow.done());
      }
    }
    await asyncio.run(coro(main));
  });

  conformance('as_completed', 'timers_complete_by_deadline', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function nap(label: string, when: number) {
      const loop = asyncio.getRunningLoop();
      const fut = loop.createFuture() as InstanceType<typeof asyncio.Future>;
      loop.callAt(when, fut.setResult.bind(fut), label);
      return await aw(fut);
    }
    async function main() {
      const base = asyncio.getRunningLoop().time();
      const coros = [
        coro(nap, '30ms', base + 0.03),
        coro(nap, '10ms', base + 0.01),
        coro(nap, '50ms', base + 0.05),
        coro(nap, '20ms', base + 0.02),
      ];
      for (const c of asyncio.asCompleted(coros)) {
        const value = await aw(c);
        print('consumer got', value);
      }
    }
    await asyncio.run(coro(main));
  });

  conformance('as_completed', 'yields_in_completion_order', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function job(name: string, ticks: number) {
      for (let i = 0; i < ticks; i++) await asyncio.sleep(0);
      return name;
    }
    async function main() {
      const tasks = (
        [
          ['three', 3],
          ['one', 1],
          ['four', 4],
          ['two', 2],
        ] as const
      ).map(([n, t]) => asyncio.createTask(coro(job, n, t)));
      let i = 0;
      for (const c of asyncio.asCompleted(tasks)) {
        print(i, 'iscoroutine:', asyncio.iscoroutine(c), 'is a task:', (tasks as unknown[]).includes(c));
        print(i, '->', await aw(c));
        i += 1;
      }
    }
    await asyncio.run(coro(main));
  });
});
