// Ports of conformance/cancellation: cancel before start / at an await, messages, cancelling/uncancel, clean-up order.

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

describe('conformance/cancellation', () => {
  conformance('cancellation', 'awaiting_cancelled_task_cancels_main', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function victim() {
      await asyncio.sleep(1);
    }
    async function main() {
      const t = asyncio.createTask(coro(victim));
      await asyncio.sleep(0);
      t.cancel();
      await asyncio.sleep(0);
      print('victim cancelled:', t.cancelled());
      try {
        print('main awaiting the cancelled task');
        await aw(t);
      } finally {
        print('main finally; main task cancelled() so far:', asyncio.currentTask()!.cancelled());
      }
    }
    await asyncio.run(coro(main));
  });

  conformance('cancellation', 'cancel_at_await_point_runs_handlers', async ({ asyncio, print, repr }) => {
    const { coro } = asyncio;
    const { tupleFrom } = await import('../../../src/runtime/builtins/tuple.js');
    async function worker() {
      print('worker: before await');
      try {
        await asyncio.sleep(1);
        print('worker: after await (must not appear)');
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('worker: except CancelledError', repr(tupleFrom(e.args)));
        throw e;
      } finally {
        print('worker: finally');
      }
      print('worker: after try (must not appear)');
    }
    async function main() {
      const t = asyncio.createTask(coro(worker));
      await asyncio.sleep(0);
      print('main: cancelling');
      t.cancel();
      await asyncio.sleep(0);
      print('main: after one tick, cancelled =', t.cancelled());
    }
    await asyncio.run(coro(main));
  });

  conformance('cancellation', 'cancel_before_start_body_never_runs', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    const { tupleFrom } = await import('../../../src/runtime/builtins/tuple.js');
    async function body() {
      try {
        print('body started (must not appear)');
        await asyncio.sleep(0);
      } finally {
        print('body finally (must not appear)');
      }
    }
    async function main() {
      const t = asyncio.createTask(coro(body));
      t.addDoneCallback((f: InstanceType<typeof asyncio.Task>) => print('done callback: cancelled =', f.cancelled()));
      print('cancel() ->', t.cancel());
      print('just after cancel: done', t.done(), 'cancelled', t.cancelled());
      try {
        await aw(t);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('await t -> CancelledError args', repr(tupleFrom(e.args)));
      }
      print('after: done', t.done(), 'cancelled', t.cancelled());
    }
    await asyncio.run(coro(main));
  });

  conformance('cancellation', 'cancel_message_reaches_awaiter', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    const { tupleFrom } = await import('../../../src/runtime/builtins/tuple.js');
    async function child() {
      try {
        await asyncio.sleep(1);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('child sees args', repr(tupleFrom(e.args)));
        throw e;
      }
    }
    async function parent(c: InstanceType<typeof asyncio.Task>) {
      try {
        await aw(c);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('parent sees args', repr(tupleFrom(e.args)));
        throw e;
      }
    }
    async function main() {
      const c = asyncio.createTask(coro(child));
      const p = asyncio.createTask(coro(parent, c));
      await asyncio.sleep(0);
      c.cancel('reason-42');
      await aw(asyncio.gather(p, { returnExceptions: true }));
      print('child cancelled:', c.cancelled(), '| parent cancelled:', p.cancelled(), '| parent.cancelling():', p.cancelling());
      try {
        p.result();
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('p.result() raises CancelledError args', repr(tupleFrom(e.args)));
      }
    }
    await asyncio.run(coro(main));
  });

  conformance('cancellation', 'cancel_outer_cancels_awaited_inner_task', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function inner() {
      try {
        await asyncio.sleep(1);
      } finally {
        print('inner finally, current task:', asyncio.currentTask()!.getName());
      }
    }
    async function outer(t: InstanceType<typeof asyncio.Task>) {
      try {
        await aw(t);
      } finally {
        print('outer finally, current task:', asyncio.currentTask()!.getName());
      }
    }
    async function main() {
      const i = asyncio.createTask(coro(inner), { name: 'inner' });
      const o = asyncio.createTask(coro(outer, i), { name: 'outer' });
      await asyncio.sleep(0);
      o.cancel();
      print("inner's own cancelling() right after o.cancel():", i.cancelling());
      await aw(asyncio.gather(o, { returnExceptions: true }));
      print('outer cancelled:', o.cancelled(), '| inner cancelled:', i.cancelled());
    }
    await asyncio.run(coro(main));
  });

  conformance('cancellation', 'cancel_return_values_and_repeats', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    const { tupleFrom } = await import('../../../src/runtime/builtins/tuple.js');
    async function sleeper() {
      await asyncio.sleep(1);
    }
    async function quick() {
      return 1;
    }
    async function main() {
      const t = asyncio.createTask(coro(sleeper));
      await asyncio.sleep(0);
      print('first cancel:', t.cancel(), '| second cancel:', t.cancel('again'), '| cancelling:', t.cancelling());
      try {
        await aw(t);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('awaited: CancelledError args', repr(tupleFrom(e.args)));
      }
      print('cancel on cancelled task:', t.cancel(), '| cancelling:', t.cancelling());
      const q = asyncio.createTask(coro(quick));
      await aw(q);
      print('cancel on finished task:', q.cancel(), '| cancelled:', q.cancelled(), '| cancelling:', q.cancelling());
    }
    await asyncio.run(coro(main));
  });

  conformance('cancellation', 'cancel_self_runs_until_next_await', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    async function selfish() {
      const me = asyncio.currentTask()!;
      print('cancel() on self ->', me.cancel());
      print('still running after self-cancel; cancelling =', me.cancelling());
      const total = 0 + 1 + 2 + 3 + 4;
      print('computed', total);
      try {
        await asyncio.sleep(0);
        print('must not appear');
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('CancelledError raised at the next await');
        throw e;
      }
    }
    async function main() {
      const t = asyncio.createTask(coro(selfish));
      await asyncio.sleep(0);
      print('main: done', t.done(), 'cancelled', t.cancelled());
      await asyncio.sleep(0);
      print('main: done', t.done(), 'cancelled', t.cancelled());
    }
    await asyncio.run(coro(main));
  });

  conformance('cancellation', 'cancelled_vs_done_timing', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function blocked(fut: InstanceType<typeof asyncio.Future>) {
      await aw(fut);
    }
    async function main() {
      const loop = asyncio.getRunningLoop();
      const fut = loop.createFuture() as InstanceType<typeof asyncio.Future>;
      const t = asyncio.createTask(coro(blocked, fut));
      await asyncio.sleep(0);
      t.cancel();
      print('future cancelled at once:', fut.cancelled());
      print('task right after cancel: done', t.done(), 'cancelled', t.cancelled());
      loop.callSoon(() => print('call_soon queued after cancel() runs after the task step: task done', t.done()));
      await asyncio.sleep(0);
      print('main after one tick: done', t.done(), 'cancelled', t.cancelled());
    }
    await asyncio.run(coro(main));
  });

  conformance('cancellation', 'cancelling_uncancel_counts', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function guarded() {
      const me = asyncio.currentTask()!;
      try {
        await asyncio.sleep(1);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('in except: cancelling =', me.cancelling());
        print('uncancel ->', me.uncancel());
        print('uncancel ->', me.uncancel());
        print('uncancel ->', me.uncancel());
      }
      await asyncio.sleep(0);
      print('after uncancel the task keeps going: cancelling =', me.cancelling());
      return 'survived';
    }
    async function main() {
      const t = asyncio.createTask(coro(guarded));
      print('fresh task cancelling:', t.cancelling());
      await asyncio.sleep(0);
      t.cancel();
      t.cancel();
      print('after two cancel(): cancelling =', t.cancelling());
      print('result:', await aw(t), '| cancelled:', t.cancelled());
    }
    await asyncio.run(coro(main));
  });

  conformance('cancellation', 'clean_shutdown_cancel_workers', async ({ asyncio, print, repr, py }) => {
    const { coro, aw } = asyncio;
    async function worker(name: string, graceful: boolean) {
      let n = 0;
      try {
        for (;;) {
          await asyncio.sleep(0);
          n += 1;
        }
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print(name, 'cleanup after', n, 'ticks');
        if (graceful) return `${name}-graceful`;
        throw e;
      }
    }
    async function main() {
      const workers = [0, 1, 2].map((i) => asyncio.createTask(coro(worker, `w${i}`, i === 1)));
      for (let i = 0; i < 3; i++) await asyncio.sleep(0);
      for (const w of workers) w.cancel();
      const results = await aw(asyncio.gather(...workers, { returnExceptions: true }));
      print('results:', repr(results.map((r) => (r instanceof py.BaseException ? r.constructor.name : r))));
      print('remaining tasks:', asyncio.allTasks().size);
    }
    await asyncio.run(coro(main));
    print('exited cleanly');
  });

  conformance('cancellation', 'cleanup_order_follows_wakeup_order', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function sleeper(name: string) {
      try {
        await asyncio.sleep(1);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('sleeper', name, 'handles cancel');
        throw e;
      }
    }
    async function spinner(name: string) {
      try {
        for (;;) await asyncio.sleep(0);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('spinner', name, 'handles cancel');
        throw e;
      }
    }
    async function main() {
      for (const kind of [sleeper, spinner]) {
        const tasks = ['a', 'b', 'c'].map((n) => asyncio.createTask(coro(kind, n)));
        await asyncio.sleep(0);
        for (const t of [tasks[2]!, tasks[0]!, tasks[1]!]) t.cancel();
        print(kind.name + 's cancelled in order c, a, b');
        await aw(asyncio.gather(...tasks, { returnExceptions: true }));
      }
    }
    await asyncio.run(coro(main));
  });

  conformance('cancellation', 'swallowed_cancel_completes_normally', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function stubborn() {
      try {
        await asyncio.sleep(1);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('stubborn: caught cancellation, cleaning up');
        await asyncio.sleep(0);
        print('stubborn: can still await after swallowing');
      }
      return 'finished anyway';
    }
    async function main() {
      const t = asyncio.createTask(coro(stubborn));
      await asyncio.sleep(0);
      print('cancel() ->', t.cancel());
      const result = await aw(t);
      print('await t ->', result);
      print('cancelled:', t.cancelled(), '| done:', t.done(), '| cancelling:', t.cancelling());
    }
    await asyncio.run(coro(main));
  });
});
