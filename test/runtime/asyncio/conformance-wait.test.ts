// Ports of conformance/wait: return_when, timeouts, argument errors.

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

describe('conformance/wait', () => {
  conformance('wait', 'all_completed_returns_sets', async ({ asyncio, print, repr, py }) => {
    const { coro } = asyncio;
    async function job(name: string, ticks: number, fail = false) {
      for (let i = 0; i < ticks; i++) await asyncio.sleep(0);
      print('job', name, 'ends');
      if (fail) throw new py.ValueError(name);
      return name;
    }
    async function main() {
      const loop = asyncio.getRunningLoop();
      const a = asyncio.createTask(coro(job, 'a', 2));
      const b = asyncio.createTask(coro(job, 'b', 0, true));
      const c = asyncio.createTask(coro(job, 'c', 1));
      const f = loop.createFuture() as InstanceType<typeof asyncio.Future>;
      loop.callSoon(f.setResult.bind(f), 'f');
      const [done, pending] = await asyncio.wait([a, b, c, f, a]);
      const { typeName } = await import('../../../src/runtime/builtins/type-name.js');
      print('types:', typeName(done), typeName(pending), '| sizes:', done.size, pending.size);
      print('results:', repr([...done].filter((x) => x.exception() === null).map((x) => x.result()).sort()));
      print('errors:', repr([...done].filter((x) => x.exception() !== null).map((x) => repr(x.exception())).sort()));
    }
    await asyncio.run(coro(main));
  });

  conformance('wait', 'bare_coroutines_rejected', async ({ asyncio, print, py, str }) => {
    const { coro, aw } = asyncio;
    async function work() {
      return 1;
    }
    async function main() {
      const c1 = coro(work);
      const c2 = coro(work);
      try {
        await asyncio.wait([c1, c2] as never);
      } catch (e) {
        if (!(e instanceof py.TypeError)) throw e;
        print('list of coroutines:', e.constructor.name, str(e));
      }
      try {
        await asyncio.wait(c1 as never);
      } catch (e) {
        if (!(e instanceof py.TypeError)) throw e;
        print('single coroutine:', str(e));
      }
      const t = asyncio.createTask(c1);
      try {
        await asyncio.wait(t as never);
      } catch (e) {
        if (!(e instanceof py.TypeError)) throw e;
        print('single task:', str(e));
      }
      print('task still works:', await aw(t));
      c2.close();
    }
    await asyncio.run(coro(main));
  });

  conformance('wait', 'empty_set_value_error', async ({ asyncio, print, py, str }) => {
    const { coro, aw } = asyncio;
    async function main() {
      const t = asyncio.createTask(coro(asyncio.sleep, 0));
      try {
        await asyncio.wait([t], { returnWhen: 'SOMETIMES' });
      } catch (e) {
        if (!(e instanceof py.ValueError)) throw e;
        print('bad return_when:', str(e));
      }
      await aw(t);
      print('now waiting on an empty set');
      await asyncio.wait(new Set<never>());
    }
    await asyncio.run(coro(main));
  });

  conformance('wait', 'first_completed_can_return_several', async ({ asyncio, print, repr }) => {
    const { coro } = asyncio;
    async function job(name: string, ticks: number) {
      for (let i = 0; i < ticks; i++) await asyncio.sleep(0);
      print('job', name, 'ends');
      return name;
    }
    async function main() {
      let pending = new Set(
        (
          [
            ['slow', 5],
            ['quick1', 1],
            ['quick2', 1],
            ['mid', 2],
          ] as const
        ).map(([n, t]) => asyncio.createTask(coro(job, n, t))),
      );
      while (pending.size > 0) {
        let done;
        [done, pending] = await asyncio.wait(pending, { returnWhen: asyncio.FIRST_COMPLETED });
        print('done:', repr([...done].map((t) => t.result()).sort()), '| pending:', pending.size);
      }
      print('constants:', asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED);
    }
    await asyncio.run(coro(main));
  });

  conformance('wait', 'first_exception_ignores_cancellation', async ({ asyncio, print, repr, py }) => {
    const { coro, aw } = asyncio;
    async function job(name: string, ticks: number, fail = false) {
      for (let i = 0; i < ticks; i++) await asyncio.sleep(0);
      if (fail) {
        print('job', name, 'raises');
        throw new py.OSError(name);
      }
      print('job', name, 'ends');
      return name;
    }
    async function main() {
      const victim = asyncio.createTask(coro(job, 'victim', 5));
      const failing = asyncio.createTask(coro(job, 'failing', 3, true));
      const slow = asyncio.createTask(coro(job, 'slow', 6));
      victim.cancel();
      let [done, pending] = await asyncio.wait([victim, failing, slow], { returnWhen: asyncio.FIRST_EXCEPTION });
      print('done:', repr([...done].map((t) => (t.cancelled() ? 'cancelled' : repr(t.exception()))).sort()));
      print('pending:', pending.size, 'slow pending:', pending.has(slow));
      const more = (
        [
          ['x', 1],
          ['y', 2],
        ] as const
      ).map(([n, t]) => asyncio.createTask(coro(job, n, t)));
      [done, pending] = await asyncio.wait(more, { returnWhen: asyncio.FIRST_EXCEPTION });
      print('no failure -> done:', repr([...done].map((t) => t.result()).sort()), 'pending:', pending.size);
      await aw(slow);
    }
    await asyncio.run(coro(main));
  });

  conformance('wait', 'timeout_returns_pending_without_raising', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    async function nap(name: string, delay: number) {
      await asyncio.sleep(delay);
      print(name, 'woke');
      return name;
    }
    async function main() {
      const fast = asyncio.createTask(coro(nap, 'fast', 0.01));
      const slow = asyncio.createTask(coro(nap, 'slow', 0.05));
      await asyncio.sleep(0);
      let [done, pending] = await asyncio.wait(new Set([fast, slow]), { timeout: 0.03 });
      print('done:', repr([...done].map((t) => t.result()).sort()), '| pending is {slow}:', pending.size === 1 && pending.has(slow));
      print('slow after timeout: done', slow.done(), 'cancelled', slow.cancelled());
      print('awaiting slow ->', await aw(slow));
      [done, pending] = await asyncio.wait(new Set([slow]), { timeout: 0 });
      print('timeout=0 on finished task: done', done.size, 'pending', pending.size);
    }
    await asyncio.run(coro(main));
  });
});
