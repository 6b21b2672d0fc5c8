// Ports of conformance/shield: what shield protects and what it does not. (The program that also uses
// asyncio.Event and asyncio.timeout waits for the locks/timeouts part.)

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

describe('conformance/shield', () => {
  conformance('shield', 'shield_does_not_survive_asyncio_run_shutdown', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function inner() {
      try {
        await asyncio.sleep(1);
      } finally {
        print('inner: finally (cancelled at shutdown)');
      }
    }
    async function main() {
      const me = asyncio.currentTask()!;
      const t = asyncio.createTask(coro(inner));
      asyncio.getRunningLoop().callLater(0.01, me.cancel.bind(me));
      try {
        await aw(asyncio.shield(t));
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('main: cancelled while awaiting the shield; inner done =', t.done());
        throw e;
      }
    }
    await asyncio.run(coro(main));
  });

  conformance('shield', 'shield_done_future_returned_as_is', async ({ asyncio, print, repr, py }) => {
    const { coro, aw } = asyncio;
    type F = InstanceType<typeof asyncio.Future>;
    async function main() {
      const loop = asyncio.getRunningLoop();
      const done = loop.createFuture() as F;
      done.setResult(7);
      const s = asyncio.shield(done);
      print('done: same object =', s === done, '| result =', await aw(s));
      const failed = loop.createFuture() as F;
      failed.setException(new py.KeyError('k'));
      const s2 = asyncio.shield(failed);
      print('failed: same object =', s2 === failed);
      try {
        await aw(s2);
      } catch (e) {
        if (!(e instanceof py.KeyError)) throw e;
        print('failed: raised', repr(e));
      }
      const pending = loop.createFuture() as F;
      const outer = asyncio.shield(pending);
      print('pending: same object =', outer === pending, '| outer is a Future =', outer instanceof asyncio.Future);
      print('outer.cancel() ->', outer.cancel());
      print('outer cancelled =', outer.cancelled(), '| inner done =', pending.done());
      pending.setResult(8);
      await asyncio.sleep(0);
      print('inner result =', pending.result(), '| outer still cancelled =', outer.cancelled());
    }
    await asyncio.run(coro(main));
  });

  conformance('shield', 'shield_inner_error_or_cancel_reaches_awaiter', async ({ asyncio, print, py, str }) => {
    const { coro, aw } = asyncio;
    async function boom() {
      await asyncio.sleep(0);
      throw new py.ValueError('inner failed');
    }
    async function main() {
      const t = asyncio.createTask(coro(boom));
      try {
        await aw(asyncio.shield(t));
      } catch (e) {
        if (!(e instanceof py.ValueError)) throw e;
        print('awaiter got:', e.constructor.name, str(e), '| same object:', e === t.exception());
      }
      const t2 = asyncio.createTask(coro(asyncio.sleep, 1));
      const outer = asyncio.shield(t2);
      await asyncio.sleep(0);
      t2.cancel();
      try {
        await aw(outer);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('inner cancelled -> outer cancelled =', outer.cancelled(), '| main cancelling =', asyncio.currentTask()!.cancelling());
      }
      print('main continues normally');
    }
    await asyncio.run(coro(main));
  });

  conformance('shield', 'shield_of_coroutine_runs_even_if_outer_cancelled', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    let mainTask: unknown = null;
    async function work(trace: string[]) {
      trace.push(`work starts in a new task: ${asyncio.currentTask() !== mainTask ? 'True' : 'False'}`);
      await asyncio.sleep(0);
      trace.push('work finishes');
    }
    async function main() {
      mainTask = asyncio.currentTask();
      const trace: string[] = [];
      const outer = asyncio.shield(coro(work, trace));
      outer.cancel();
      trace.push(`outer cancelled = ${outer.cancelled() ? 'True' : 'False'}`);
      for (let i = 0; i < 3; i++) await asyncio.sleep(0);
      print(trace.join('\n'));
      print('tasks still pending:', asyncio.allTasks().size - 1);
    }
    await asyncio.run(coro(main));
  });

  conformance('shield', 'shield_outer_cancel_inner_keeps_running', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    type T = InstanceType<typeof asyncio.Task>;
    async function inner() {
      print('inner: start');
      for (let i = 0; i < 4; i++) await asyncio.sleep(0);
      print('inner: finished');
      return 'payload';
    }
    async function waiter(t: T) {
      try {
        return await aw(asyncio.shield(t));
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('waiter: CancelledError; inner done =', t.done());
        throw e;
      }
    }
    async function main() {
      const t = asyncio.createTask(coro(inner));
      const w = asyncio.createTask(coro(waiter, t));
      await asyncio.sleep(0);
      print('main: cancel waiter ->', w.cancel());
      await asyncio.sleep(0);
      print('waiter cancelled =', w.cancelled(), '| inner cancelled =', t.cancelled());
      print('main: inner result =', await aw(t));
    }
    await asyncio.run(coro(main));
  });
});
