// Ports of conformance/coroutines: laziness, `await coro` as synchronous delegation, re-awaiting, exceptions.

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

describe('conformance/coroutines', () => {
  conformance('coroutines', 'await_coroutine_runs_inline_no_yield', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    type T = InstanceType<typeof asyncio.Task>;
    async function leaf(n: number, mainTask: T) {
      print('leaf', n, 'same task:', asyncio.currentTask() === mainTask);
      return n;
    }
    async function chain(depth: number, mainTask: T): Promise<number> {
      if (depth === 0) return await leaf(0, mainTask);
      const v = await chain(depth - 1, mainTask);
      print('chain', depth, 'got', v);
      return v + depth;
    }
    async function other() {
      print('other task runs');
    }
    async function main() {
      const me = asyncio.currentTask()!;
      const t = asyncio.createTask(coro(other));
      print('total', await chain(3, me));
      print('other done before sleep(0):', t.done());
      await asyncio.sleep(0);
      print('other done after sleep(0):', t.done());
    }
    await asyncio.run(coro(main));
  });

  conformance('coroutines', 'call_runs_nothing_until_awaited', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    const started: string[] = [];
    async function step(name: string) {
      started.push(name);
      print('body of', name);
      return name.toUpperCase();
    }
    async function main() {
      const c1 = coro(step, 'a');
      const c2 = coro(step, 'b');
      const c3 = coro(step, 'never');
      print('after calls, started =', repr(started));
      print('type:', 'coroutine', 'iscoroutine:', asyncio.iscoroutine(c1));
      print('awaiting c2 ->', await aw(c2));
      print('awaiting c1 ->', await aw(c1));
      c3.close();
      print('started =', repr(started));
    }
    print('before run');
    await asyncio.run(coro(main));
    print('after run');
  });

  conformance('coroutines', 'coroutine_awaited_by_two_tasks', async ({ asyncio, print, py, str }) => {
    const { coro, aw } = asyncio;
    async function slow() {
      print('slow starts');
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      print('slow ends');
      return 'slow-result';
    }
    async function waiter(name: string, c: InstanceType<typeof asyncio.Coroutine>) {
      try {
        print(name, 'got', await aw(c));
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print(name, 'failed:', e.constructor.name, str(e));
      }
    }
    async function main() {
      const c = coro(slow);
      const t1 = asyncio.createTask(coro(waiter, 'w1', c));
      const t2 = asyncio.createTask(coro(waiter, 'w2', c));
      await aw(asyncio.gather(t1, t2));
      print('both finished');
    }
    await asyncio.run(coro(main));
  });

  conformance('coroutines', 'exception_propagates_through_awaits', async ({ asyncio, print, py, str }) => {
    const { coro } = asyncio;
    async function level3() {
      try {
        print('level3 raising');
        throw new py.ValueError('deep failure');
      } finally {
        print('level3 finally');
      }
    }
    async function level2() {
      try {
        await level3();
        print('level2 unreachable');
      } finally {
        print('level2 finally');
      }
    }
    async function level1() {
      try {
        return await level2();
      } catch (e) {
        if (!(e instanceof py.KeyError)) throw e;
        print('level1 wrong handler');
      } finally {
        print('level1 finally');
      }
    }
    async function main() {
      try {
        await level1();
      } catch (e) {
        if (!(e instanceof py.ValueError)) throw e;
        print('main caught', e.constructor.name, str(e));
      }
      print('main continues');
    }
    await asyncio.run(coro(main));
  });

  conformance('coroutines', 'iscoroutine_and_iscoroutinefunction', async ({ asyncio, print, str }) => {
    const { aw } = asyncio;
    const { coro } = asyncio;
    async function fetch(x: number) {
      return x;
    }
    function plain(x: number) {
      return x;
    }
    class Service {
      async handle() {
        return 1;
      }
    }
    // functools.partial(fetch, 3): the translator marks partials of async functions.
    const partial = Object.assign(fetch.bind(null, 3), { _is_coroutine: true });
    async function main() {
      const c = coro(fetch, 1);
      const t = asyncio.createTask(coro(fetch, 2));
      const f = asyncio.getRunningLoop().createFuture();
      const service = new Service();
      const cases: [string, unknown][] = [
        ['async def', fetch],
        ['plain def', plain],
        ['lambda', () => null],
        ['bound async method', service.handle.bind(service)],
        ['partial of async def', partial],
        ['coroutine object', c],
        ['task', t],
        ['future', f],
      ];
      for (const [label, obj] of cases) {
        print(
          `${label.padEnd(22)} iscoroutinefunction=${str(asyncio.iscoroutinefunction(obj)).padEnd(5)} iscoroutine=${str(asyncio.iscoroutine(obj))}`,
        );
      }
      print('isfuture(task) =', asyncio.isfuture(t), 'isfuture(coro) =', asyncio.isfuture(c));
      print(await aw(c), await aw(t));
      f.cancel();
    }
    await asyncio.run(coro(main));
  });

  conformance('coroutines', 'reuse_awaited_coroutine_error', async ({ asyncio, print, py, str }) => {
    const { coro, aw } = asyncio;
    async function value() {
      print('value body runs');
      return 7;
    }
    async function main() {
      const c = coro(value);
      print('first await ->', await aw(c));
      try {
        await aw(c);
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print('second await:', e.constructor.name, str(e));
      }
      const t = asyncio.createTask(c);
      await asyncio.sleep(0);
      const exc = t.exception()!;
      print('task from spent coroutine done:', t.done(), exc.constructor.name, str(t.exception()));
      print('third await, uncaught:');
      await aw(c);
    }
    await asyncio.run(coro(main));
  });

  conformance('coroutines', 'stopiteration_in_coroutine_becomes_runtimeerror', async ({ asyncio, print, py, str }) => {
    const { coro, aw } = asyncio;
    // next(it) on an exhausted iterator raises StopIteration; the translator wraps a coroutine body that can raise
    // it so that it surfaces as RuntimeError('coroutine raised StopIteration') with the StopIteration as cause.
    async function firstBody(items: number[]) {
      if (items.length === 0) throw new py.StopIteration();
      return items[0]!;
    }
    async function first(items: number[]) {
      try {
        return await firstBody(items);
      } catch (e) {
        if (!(e instanceof py.StopIteration)) throw e;
        const replaced = new py.RuntimeError('coroutine raised StopIteration');
        replaced.__cause__ = e;
        throw replaced;
      }
    }
    async function main() {
      print('first of [5, 6]:', await first([5, 6]));
      try {
        await first([]);
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print(e.constructor.name, '|', str(e), '| cause:', e.__cause__!.constructor.name);
      }
      const t = asyncio.createTask(coro(firstBody, []));
      try {
        await aw(t);
      } catch (e) {
        if (!(e instanceof py.Exception)) throw e;
        print('via task:', e.constructor.name, '|', str(e));
      }
      await first([]);
    }
    await asyncio.run(coro(main));
  });

  conformance('coroutines', 'uncaught_custom_exception_exit_1', async ({ asyncio, print, py, repr }) => {
    const { coro } = asyncio;
    class ConfigError extends py.Exception {
      static override __module__ = '__main__';
    }
    async function load(key: string) {
      print('loading', key);
      await asyncio.sleep(0);
      throw new ConfigError(`bad value for ${repr(key)}`);
    }
    async function main() {
      try {
        await load('port');
      } finally {
        print('main finally');
      }
    }
    await asyncio.run(coro(main));
    print('not reached');
  });
});
