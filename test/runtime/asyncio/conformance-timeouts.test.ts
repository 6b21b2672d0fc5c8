// Ports of the wait_for programs of conformance/timeouts (asyncio.timeout / timeout_at belong to the timeouts
// module, built on the task internals later).

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

describe('conformance/timeouts (wait_for)', () => {
  conformance('timeouts', 'wait_for_inner_swallows_cancel_returns_value', async ({ asyncio, print, py, str }) => {
    const { coro } = asyncio;
    async function stubborn() {
      try {
        await asyncio.sleep(0.5);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('stubborn: cancelled, returning a fallback');
        return 'fallback';
      }
      return 'normal';
    }
    async function converts() {
      try {
        await asyncio.sleep(0.5);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('converts: cancelled, raising ValueError');
        throw new py.ValueError('converted');
      }
    }
    async function main() {
      const r = await asyncio.waitFor(coro(stubborn), 0.01);
      print('wait_for returned:', r);
      try {
        await asyncio.waitFor(coro(converts), 0.01);
      } catch (e) {
        if (!(e instanceof py.Exception)) throw e;
        print('wait_for raised:', e.constructor.name, str(e));
      }
    }
    await asyncio.run(coro(main));
  });

  conformance('timeouts', 'wait_for_none_runs_inline_else_wraps_in_task', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    async function who(tag: string) {
      print(`${tag}: running in ${asyncio.currentTask()!.getName()}`);
      await asyncio.sleep(0);
      return tag;
    }
    async function main() {
      asyncio.currentTask()!.setName('main-task');
      print(await asyncio.waitFor(coro(who, 'timeout=None'), null));
      print(await asyncio.waitFor(coro(who, 'timeout=1'), 1));
      print(await asyncio.waitFor(coro(asyncio.sleep, 0.03, 'slept 30ms'), null));
    }
    await asyncio.run(coro(main));
  });

  conformance('timeouts', 'wait_for_result_in_time_inner_runs_as_new_task', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    async function inner() {
      print('inner start');
      await asyncio.sleep(0);
      print('inner end');
      return 42;
    }
    async function ticker() {
      for (let i = 0; i < 4; i++) {
        print(`tick ${i}`);
        await asyncio.sleep(0);
      }
    }
    async function main() {
      const t = asyncio.createTask(coro(ticker));
      print('main calls wait_for');
      const r = await asyncio.waitFor(coro(inner), 1);
      print(`main got ${r}`);
      await aw(t);
    }
    await asyncio.run(coro(main));
  });

  conformance('timeouts', 'wait_for_timeout_runs_inner_cleanup_first', async ({ asyncio, print, repr, str }) => {
    const { coro } = asyncio;
    async function slow() {
      try {
        print('slow: sleeping');
        await asyncio.sleep(0.5);
        print('slow: woke (not reached)');
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('slow: got CancelledError');
        await asyncio.sleep(0);
        print('slow: async cleanup done');
        throw e;
      } finally {
        print('slow: finally');
      }
    }
    async function main() {
      try {
        await asyncio.waitFor(coro(slow), 0.02);
      } catch (e) {
        if (!(e instanceof asyncio.TimeoutError)) throw e;
        print('main:', e.constructor.name, repr(str(e)));
        print('asyncio.TimeoutError is TimeoutError:', true);
        print('cause:', e.__cause__!.constructor.name);
      }
      print('main: cancelling() =', asyncio.currentTask()!.cancelling());
    }
    await asyncio.run(coro(main));
  });

  conformance('timeouts', 'wait_for_timeout_uncaught', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    async function forever() {
      try {
        await asyncio.sleep(10);
      } finally {
        print('forever: finally');
      }
    }
    async function main() {
      print('main: waiting');
      await asyncio.waitFor(coro(forever), 0.01);
      print('not reached');
    }
    await asyncio.run(coro(main));
  });

  conformance('timeouts', 'wait_for_timeout_zero_cancels_before_first_step', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    async function body() {
      print('body started (never printed)');
      return 1;
    }
    async function main() {
      const loop = asyncio.getRunningLoop();
      const fut = loop.createFuture();
      fut.setResult('ready');
      print('done future, timeout=0:', await asyncio.waitFor(fut, 0));
      print('done future, timeout=-1:', await asyncio.waitFor(fut, -1));
      try {
        await asyncio.waitFor(coro(body), 0);
      } catch (e) {
        if (!(e instanceof asyncio.TimeoutError)) throw e;
        print('coroutine, timeout=0:', e.constructor.name, 'from', e.__cause__!.constructor.name);
      }
      print('after');
    }
    await asyncio.run(coro(main));
  });
});
