// asyncio.timeout / timeout_at: conformance/timeouts programs on the Timeout context manager, ported to the shape of
// emitted code (`async with` lowered to __aenter__/__aexit__).

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

describe('conformance/timeouts (Timeout)', () => {
  conformance(
    'timeouts',
    'timeout_block_cancelled_inside_timeouterror_outside',
    async ({ asyncio, print, repr, py, typeName }) => {
      const { coro } = asyncio;
      async function main() {
        const cm = asyncio.timeout(0.01);
        print('before:', repr(cm), cm.expired());
        try {
          await cm.__aenter__();
          let failed = false;
          try {
            print('inside: expired =', cm.expired());
            try {
              await asyncio.sleep(0.5);
            } catch (e) {
              if (e instanceof asyncio.CancelledError) print('inside caught:', typeName(e));
              throw e;
            } finally {
              print('inside finally: expired =', cm.expired());
            }
          } catch (e) {
            failed = true;
            if (!(await cm.__aexit__((e as object).constructor, e, null))) throw e;
          } finally {
            if (!failed) await cm.__aexit__(null, null, null);
          }
        } catch (e) {
          if (!(e instanceof py.TimeoutError)) throw e;
          print('outside caught:', typeName(e), 'cause:', typeName(e.__cause__));
        }
        print('after:', repr(cm), cm.expired());
        print('task cancelling() =', asyncio.currentTask()!.cancelling());
      }
      await asyncio.run(coro(main));
    },
  );

  conformance('timeouts', 'timeout_swallowed_cancel_means_no_timeouterror', async ({ asyncio, print, repr }) => {
    const { coro } = asyncio;
    async function main() {
      const cm = await asyncio.timeout(0.01).__aenter__();
      try {
        try {
          await asyncio.sleep(0.5);
        } catch (e) {
          if (!(e instanceof asyncio.CancelledError)) throw e;
          print('body swallowed CancelledError');
        }
        print('body continues, expired =', cm.expired());
      } finally {
        await cm.__aexit__(null, null, null);
      }
      print('after block:', repr(cm));
      print('cancelling() =', asyncio.currentTask()!.cancelling());
      await asyncio.sleep(0.01);
      print('later sleeps work normally');
    }
    await asyncio.run(coro(main));
  });

  conformance('timeouts', 'timeout_expired_but_external_cancel_wins', async ({ asyncio, print, py }) => {
    const { coro, aw } = asyncio;
    async function worker(name: string, when: number) {
      const cm = asyncio.timeoutAt(when);
      try {
        await cm.__aenter__();
        let failed = false;
        try {
          await asyncio.sleep(1);
        } catch (e) {
          failed = true;
          if (!(await cm.__aexit__((e as object).constructor, e, null))) throw e;
        } finally {
          if (!failed) await cm.__aexit__(null, null, null);
        }
      } catch (e) {
        if (e instanceof asyncio.CancelledError) {
          print(`${name}: CancelledError escaped the block; expired = ${cm.expired() ? 'True' : 'False'}`);
          throw e;
        }
        if (e instanceof py.TimeoutError) print(`${name}: TimeoutError`);
        else throw e;
      }
    }
    async function run(name: string, when: number) {
      const t = asyncio.createTask(coro(worker, name, when));
      await asyncio.sleep(0);
      t.cancel();
      try {
        await aw(t);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print(`${name}: task cancelled = ${t.cancelled() ? 'True' : 'False'}, cancelling = ${t.cancelling()}`);
      }
    }
    async function main() {
      const loop = asyncio.getRunningLoop();
      await run('deadline-far', loop.time() + 10);
      await run('deadline-passed', loop.time() - 1);
      const t = asyncio.createTask(coro(worker, 'timeout-only', loop.time() - 1));
      await aw(t);
      print('timeout-only: task cancelled =', t.cancelled());
    }
    await asyncio.run(coro(main));
  });
});
