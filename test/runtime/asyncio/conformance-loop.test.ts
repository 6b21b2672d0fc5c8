// Ports of conformance/loop: run_until_complete/run_forever/stop/close, call_soon/call_later/call_at, loop policy.

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

describe('conformance/loop', () => {
  conformance('loop', 'call_later_call_at_deadline_order', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function main() {
      const loop = asyncio.getRunningLoop();
      const done = loop.createFuture() as InstanceType<typeof asyncio.Future>;
      const now = loop.time();
      loop.callLater(0.04, print, 'call_later 0.04 (scheduled first)');
      const h = loop.callLater(0.02, print, 'call_later 0.02 (cancelled)');
      loop.callAt(now + 0.03, print, 'call_at now+0.03');
      loop.callAt(now + 0.01, print, 'call_at now+0.01 (scheduled last)');
      loop.callLater(0.05, done.setResult.bind(done), 'last');
      loop.callSoon(print, 'call_soon runs before every timer');
      print('when() >= now + 0.02:', h.when() >= now + 0.02, '| type:', h.constructor.name);
      h.cancel();
      print('cancelled:', h.cancelled());
      print('awaiting ->', await aw(done));
    }
    await asyncio.run(coro(main));
  });

  conformance('loop', 'call_soon_fifo_with_args', async ({ asyncio, print, repr, py }) => {
    const { tuple } = await import('../../../src/runtime/builtins/tuple.js');
    const loop = asyncio.newEventLoop() as InstanceType<typeof asyncio.BaseEventLoop>;
    function cb(tag: string, ...rest: unknown[]) {
      print('cb', tag, repr(tuple(...rest)));
      if (tag === 'one') loop.callSoon(cb, 'nested-from-one');
    }
    void py;
    loop.callSoon(cb, 'one', 1, 2);
    const h = loop.callSoon(cb, 'cancelled');
    loop.callSoon(cb, 'two', 'x');
    loop.callSoon(cb, 'three');
    print('handle cancelled before:', h.cancelled());
    h.cancel();
    print('handle cancelled after:', h.cancelled());
    loop.callSoon(loop.stop.bind(loop));
    await loop.runForever();
    print('first run_forever returned');
    loop.callSoon(loop.stop.bind(loop));
    await loop.runForever();
    loop.close();
  });

  conformance('loop', 'closed_loop_errors', async ({ asyncio, print, py, str }) => {
    const { coro } = asyncio;
    type Loop = InstanceType<typeof asyncio.BaseEventLoop>;
    async function noop() {
      return null;
    }
    async function tryClose(loop: Loop) {
      try {
        loop.close();
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print('close while running:', str(e));
      }
    }
    const loop = asyncio.newEventLoop() as Loop;
    await loop.runUntilComplete(coro(tryClose, loop));
    loop.close();
    loop.close();
    print('is_closed:', loop.isClosed());
    const actions: [string, () => unknown][] = [
      ['call_soon', () => loop.callSoon(print, 'x')],
      ['call_later', () => loop.callLater(0.01, print, 'x')],
      ['create_future', () => loop.createFuture()],
    ];
    for (const [label, action] of actions) {
      try {
        action();
        print(label, 'allowed');
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print(label, '->', str(e));
      }
    }
    const c = coro(noop);
    try {
      await loop.runUntilComplete(c);
    } catch (e) {
      if (!(e instanceof py.RuntimeError)) throw e;
      print('run_until_complete ->', e.constructor.name, str(e));
    } finally {
      c.close();
    }
    await loop.runForever();
  });

  conformance('loop', 'get_event_loop_set_event_loop', async ({ asyncio, print, py, str }) => {
    const { coro } = asyncio;
    type Loop = InstanceType<typeof asyncio.BaseEventLoop>;
    async function which(expected: unknown) {
      print('inside coroutine, get_event_loop is running loop:', asyncio.getEventLoop() === asyncio.getRunningLoop());
      print('inside coroutine, it is the expected loop:', asyncio.getEventLoop() === expected);
    }
    const implicit = asyncio.getEventLoop() as Loop;
    print('implicit loop, same on second call:', asyncio.getEventLoop() === implicit, '| running:', implicit.isRunning());
    const first = asyncio.newEventLoop() as Loop;
    const second = asyncio.newEventLoop() as Loop;
    asyncio.setEventLoop(first);
    print('get_event_loop is first:', asyncio.getEventLoop() === first);
    print('new_event_loop gives a distinct loop:', first !== second);
    await second.runUntilComplete(coro(which, second));
    print('still first after running second:', asyncio.getEventLoop() === first);
    second.close();
    await asyncio.run(coro(which, null));
    try {
      asyncio.getEventLoop();
    } catch (e) {
      if (!(e instanceof py.RuntimeError)) throw e;
      print('after asyncio.run:', e.constructor.name, str(e));
    }
    asyncio.setEventLoop(first);
    print('reinstalled:', asyncio.getEventLoop() === first);
    first.close();
    implicit.close();
  });

  conformance('loop', 'is_running_and_reentrancy_errors', async ({ asyncio, print, py, str }) => {
    const { coro, aw } = asyncio;
    const loop = asyncio.newEventLoop() as InstanceType<typeof asyncio.BaseEventLoop>;
    async function inner() {
      return 'inner';
    }
    async function outer() {
      print('inside: is_running', loop.isRunning(), '| get_running_loop is loop:', asyncio.getRunningLoop() === loop);
      const c = coro(inner);
      try {
        await loop.runUntilComplete(c);
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print('nested run_until_complete:', str(e));
      }
      try {
        await loop.runForever();
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print('nested run_forever:', str(e));
      }
      return await aw(c);
    }
    print('before: is_running', loop.isRunning());
    try {
      asyncio.getRunningLoop();
    } catch (e) {
      if (!(e instanceof py.RuntimeError)) throw e;
      print('get_running_loop outside:', str(e));
    }
    print('result:', await loop.runUntilComplete(coro(outer)));
    print('after: is_running', loop.isRunning());
    loop.close();
  });

  conformance('loop', 'loop_time_monotonic', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    async function main() {
      const loop = asyncio.getRunningLoop();
      const t0 = loop.time();
      await asyncio.sleep(0);
      const t1 = loop.time();
      await asyncio.sleep(0.02);
      const t2 = loop.time();
      print('t1 >= t0:', t1 >= t0);
      print('t2 - t1 >= 0.02:', t2 - t1 >= 0.02);
      print('t2 - t0 < 5:', t2 - t0 < 5);
      print('type:', 'float');
      const before = loop.time();
      const h = loop.callLater(0.01, () => null);
      print("call_later's when() >= time before + delay:", h.when() >= before + 0.01);
      h.cancel();
    }
    await asyncio.run(coro(main));
  });

  conformance('loop', 'run_forever_stop_from_callback', async ({ asyncio, print }) => {
    const loop = asyncio.newEventLoop() as InstanceType<typeof asyncio.BaseEventLoop>;
    function cb(name: string, reschedule: boolean) {
      print('cb', name);
      if (reschedule) loop.callSoon(cb, name + "'", false);
    }
    function stopper() {
      print('stopper calls stop()');
      loop.stop();
    }
    loop.callSoon(cb, 'a', true);
    loop.callSoon(stopper);
    loop.callSoon(cb, 'b', true);
    print('run_forever #1');
    await loop.runForever();
    print('run_forever #1 returned');
    loop.callSoon(loop.stop.bind(loop));
    print('run_forever #2');
    await loop.runForever();
    print('run_forever #2 returned');
    loop.close();
  });

  conformance('loop', 'run_forever_stop_from_task', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    const loop = asyncio.newEventLoop() as InstanceType<typeof asyncio.BaseEventLoop>;
    async function worker() {
      print('worker step 1, stopping the loop');
      loop.stop();
      await asyncio.sleep(0);
      print('worker step 2');
      return 'finished';
    }
    function other() {
      print('callback queued behind the task still runs');
    }
    const task = loop.createTask(coro(worker));
    loop.callSoon(other);
    await loop.runForever();
    print('after run_forever: task done =', task.done(), 'running =', loop.isRunning());
    print('run_until_complete ->', await loop.runUntilComplete(task));
    loop.close();
  });

  conformance('loop', 'run_until_complete_coroutine_task_future', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    async function add(a: number, b: number) {
      await asyncio.sleep(0);
      return a + b;
    }
    const loop = asyncio.newEventLoop() as InstanceType<typeof asyncio.BaseEventLoop>;
    asyncio.setEventLoop(loop);
    print('running before:', loop.isRunning());
    print('coroutine ->', await loop.runUntilComplete(coro(add, 1, 2)));
    const task = loop.createTask(coro(add, 3, 4));
    print('task pending before run:', !task.done());
    print('task ->', await loop.runUntilComplete(task));
    const fut = loop.createFuture<string>();
    loop.callSoon(fut.setResult.bind(fut), 'from call_soon');
    print('future ->', await loop.runUntilComplete(fut));
    print('already-done future ->', await loop.runUntilComplete(fut));
    print('running after:', loop.isRunning(), 'closed:', loop.isClosed());
    loop.close();
    print('closed after close():', loop.isClosed());
  });

  conformance('loop', 'stop_before_run_forever_runs_one_batch', async ({ asyncio, print }) => {
    const loop = asyncio.newEventLoop() as InstanceType<typeof asyncio.BaseEventLoop>;
    function first() {
      print('first');
      loop.callSoon(print, 'scheduled by first');
    }
    loop.callSoon(first);
    loop.callSoon(print, 'second');
    loop.stop();
    print('calling run_forever with stop pending');
    await loop.runForever();
    print('returned once; run again');
    loop.stop();
    await loop.runForever();
    print('returned twice');
    loop.close();
  });
});
