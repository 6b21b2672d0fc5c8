// Ports of conformance/misc: exception handlers, current_task, loops of futures, sleep(0) vs timers, reprs.
// (contextvars_task_copies_context_at_creation needs the contextvars module, not part of the asyncio core.)

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

type Ctx = import('../../../src/runtime/builtins/dict.js').PyDict<string, unknown>;

describe('conformance/misc', () => {
  conformance('misc', 'call_exception_handler_custom_and_default', async ({ asyncio, print, repr, py }) => {
    const { coro } = asyncio;
    const { dict } = await import('../../../src/runtime/builtins/dict.js');
    type Loop = InstanceType<typeof asyncio.BaseEventLoop>;
    function handler(_loop: InstanceType<typeof asyncio.AbstractEventLoop>, context: Ctx) {
      const exc = context.get('exception');
      print(
        'handler got keys',
        repr([...context.keys()].sort()),
        '| message:',
        String(context.getItem('message')).split(' at ')[0],
        '| exception:',
        repr(exc),
      );
    }
    function bad_callback() {
      throw new py.ZeroDivisionError('in callback');
    }
    async function main() {
      const loop = asyncio.getRunningLoop() as Loop;
      print('default handler installed:', loop.getExceptionHandler());
      loop.setExceptionHandler(handler);
      loop.callExceptionHandler(
        dict<string, unknown>([
          ['message', 'custom report'],
          ['detail', 42],
        ]),
      );
      loop.callSoon(bad_callback);
      await asyncio.sleep(0);
      print('loop still running after the callback failed');
      loop.setExceptionHandler(null);
      loop.callExceptionHandler(
        dict<string, unknown>([
          ['message', 'reported by default handler'],
          ['detail', 7],
        ]),
      );
      print('main done');
    }
    await asyncio.run(coro(main));
  });

  conformance('misc', 'current_task_inside_outside', async ({ asyncio, print, py, str }) => {
    const { coro, aw } = asyncio;
    async function helper() {
      return asyncio.currentTask();
    }
    async function main() {
      const me = asyncio.currentTask()!;
      print('main task name:', me.getName());
      print('awaited coroutine sees the same task:', (await helper()) === me);
      const t = asyncio.createTask(coro(helper));
      print('a new task sees itself:', (await aw(t)) === t);
      const loop = asyncio.getRunningLoop();
      const fut = loop.createFuture();
      loop.callSoon(() => fut.setResult(asyncio.currentTask()));
      print('inside call_soon callback:', await aw(fut));
    }
    await asyncio.run(coro(main));
    try {
      asyncio.currentTask();
    } catch (e) {
      if (!(e instanceof py.RuntimeError)) throw e;
      print('outside the loop:', e.constructor.name, str(e));
    }
  });

  conformance('misc', 'future_created_outside_running_loop', async ({ asyncio, print, repr, py, str }) => {
    const { coro, aw } = asyncio;
    const fut = new asyncio.Future();
    print('created:', repr(fut), '| loop running:', fut.getLoop().isRunning());
    async function main() {
      print('same loop as asyncio.run:', fut.getLoop() === asyncio.getRunningLoop());
      try {
        await aw(fut);
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print('RuntimeError ends with:', str(e).split('got ').pop());
      }
      const local = new asyncio.Future();
      print('Future() inside a coroutine uses the running loop:', local.getLoop() === asyncio.getRunningLoop());
    }
    await asyncio.run(coro(main));
    print('still pending:', repr(fut));
  });

  conformance('misc', 'get_running_loop_outside_loop', async ({ asyncio, print, py, str }) => {
    const { coro } = asyncio;
    function probe(where: string) {
      try {
        const loop = asyncio.getRunningLoop();
        print(`${where}: running loop, is_running = ${str(loop.isRunning())}`);
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print(`${where}: RuntimeError: ${str(e)}`);
      }
    }
    async function main() {
      probe('inside main');
      return asyncio.getRunningLoop();
    }
    probe('before asyncio.run');
    const loop = await asyncio.run(coro(main));
    print('loop closed after run:', loop.isClosed());
    probe('after asyncio.run');
    asyncio.getEventLoop();
  });

  conformance('misc', 'iscoroutine_on_various_objects', async ({ asyncio, print, str }) => {
    const { coro, aw } = asyncio;
    async function coro_fn() {
      return 1;
    }
    function* gen_fn() {
      yield 1;
    }
    async function* agen_fn() {
      yield 1;
    }
    async function main() {
      const c = coro(coro_fn);
      const g = gen_fn();
      const ag = agen_fn();
      const loop = asyncio.getRunningLoop();
      const fut = loop.createFuture();
      const task = asyncio.createTask(coro(coro_fn));
      const cases: [string, unknown][] = [
        ['coroutine object', c],
        ['async def function', coro_fn],
        ['generator object', g],
        ['async generator object', ag],
        ['Future', fut],
        ['Task', task],
        ['int', 3],
      ];
      for (const [label, obj] of cases) {
        print(`${label}: iscoroutine=${str(asyncio.iscoroutine(obj))} iscoroutinefunction=${str(asyncio.iscoroutinefunction(obj))}`);
      }
      print('gen_fn / agen_fn are coroutine functions:', asyncio.iscoroutinefunction(gen_fn), asyncio.iscoroutinefunction(agen_fn));
      c.close();
      fut.cancel();
      await aw(task);
    }
    await asyncio.run(coro(main));
  });

  conformance('misc', 'sleep_zero_vs_timer_interleaving', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    // time.sleep(0.01): block the loop (the time module is not part of the asyncio core).
    const blockFor = (seconds: number) => {
      const end = performance.now() + seconds * 1000;
      while (performance.now() < end);
    };
    async function timed() {
      print('timed: sleep(0.001)');
      const r = await asyncio.sleep(0.001, 'timer result');
      print('timed: woke with', repr(r));
    }
    async function spinner(name: string, delay: number) {
      for (let i = 0; i < 4; i++) {
        print(`${name} step ${i}`);
        if (i === 0 && name === 'zero') blockFor(0.01);
        const r = await asyncio.sleep(delay, i);
        if (r !== i) throw new Error('sleep result');
      }
    }
    async function main() {
      await aw(asyncio.gather(coro(timed), coro(spinner, 'zero', 0), coro(spinner, 'negative', -1)));
    }
    await asyncio.run(coro(main));
  });

  conformance('misc', 'task_and_future_repr_when_finished', async ({ asyncio, print, repr, py }) => {
    const { coro } = asyncio;
    type F = InstanceType<typeof asyncio.Future>;
    async function work(x: number) {
      await asyncio.sleep(0);
      if (x < 0) throw new py.ValueError(`bad ${x}`);
      return x * 2;
    }
    // What the translator records for reprs: the Python file and the `async def` line.
    Object.assign(work, { __co_filename__: '<MASKED>/task_and_future_repr_when_finished.py', __co_firstlineno__: 5 });
    async function main() {
      const loop = asyncio.getRunningLoop();
      const [f1, f2, f3, f4] = [0, 1, 2, 3].map(() => loop.createFuture() as F) as [F, F, F, F];
      f2.setResult([1, 'two']);
      f3.setException(new py.KeyError('k'));
      f4.cancel();
      for (const f of [f1, f2, f3, f4]) print(repr(f));
      const ok = asyncio.createTask(coro(work, 21), { name: 'ok' });
      const bad = asyncio.createTask(coro(work, -1), { name: 'bad' });
      const gone = asyncio.createTask(coro(work, 1), { name: 'gone' });
      gone.cancel();
      await asyncio.wait([ok, bad, gone]);
      for (const t of [ok, bad, gone]) print(repr(t));
      f3.exception();
      bad.exception();
    }
    await asyncio.run(coro(main));
  });
});
