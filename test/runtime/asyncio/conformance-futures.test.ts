// Ports of conformance/futures: the state machine, InvalidStateError messages, callbacks, several awaiters.

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

describe('conformance/futures', () => {
  conformance('futures', 'cancelled_future_result_and_exception_raise', async ({ asyncio, print, repr, py }) => {
    const { coro } = asyncio;
    const { tupleFrom } = await import('../../../src/runtime/builtins/tuple.js');
    async function main() {
      const loop = asyncio.getRunningLoop();
      const plain = loop.createFuture() as InstanceType<typeof asyncio.Future>;
      const withMsg = loop.createFuture() as InstanceType<typeof asyncio.Future>;
      print('cancel:', plain.cancel(), withMsg.cancel('shutting down'));
      for (const [label, f] of [
        ['plain', plain],
        ['with_msg', withMsg],
      ] as const) {
        print(label, 'done:', f.done(), 'cancelled:', f.cancelled());
        for (const meth of ['result', 'exception'] as const) {
          try {
            f[meth]();
            print('  no error?');
          } catch (e) {
            if (!(e instanceof asyncio.CancelledError)) throw e;
            print(`  ${meth}() -> CancelledError args=${repr(tupleFrom(e.args))}`);
          }
        }
      }
      print('CancelledError is an Exception:', asyncio.CancelledError.prototype instanceof py.Exception);
      print('CancelledError is a BaseException:', asyncio.CancelledError.prototype instanceof py.BaseException);
      withMsg.result();
    }
    await asyncio.run(coro(main));
  });

  conformance('futures', 'cancelling_awaited_future_cancels_waiting_task', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    const { tupleFrom } = await import('../../../src/runtime/builtins/tuple.js');
    type F = InstanceType<typeof asyncio.Future>;
    async function blocked(fut: F, katch: boolean) {
      try {
        await aw(fut);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('blocked saw CancelledError args', repr(tupleFrom(e.args)));
        if (!katch) throw e;
        return 'recovered';
      }
      return null;
    }
    async function main() {
      const loop = asyncio.getRunningLoop();
      const f1 = loop.createFuture() as F;
      const f2 = loop.createFuture() as F;
      const t1 = asyncio.createTask(coro(blocked, f1, false));
      const t2 = asyncio.createTask(coro(blocked, f2, true));
      await asyncio.sleep(0);
      f1.cancel('future gone');
      f2.cancel();
      print('right after cancel: t1.done', t1.done(), 't2.done', t2.done());
      await asyncio.sleep(0);
      print('t1 cancelled:', t1.cancelled(), '| t2 cancelled:', t2.cancelled(), 'result:', t2.result());
    }
    await asyncio.run(coro(main));
  });

  conformance('futures', 'done_callbacks_receive_the_future', async ({ asyncio, print }) => {
    const { coro } = asyncio;
    type F = InstanceType<typeof asyncio.Future>;
    let target: F | null = null;
    function report(tag: string, fut: F) {
      print('callback', tag, 'same future:', fut === target, 'result:', fut.result());
    }
    async function main() {
      const loop = asyncio.getRunningLoop();
      target = loop.createFuture() as F;
      target.addDoneCallback(report.bind(null, 'first'));
      target.addDoneCallback((f: F) => print('lambda sees', f.result()));
      target.addDoneCallback(report.bind(null, 'third'));
      print('setting result');
      target.setResult(10);
      print('set_result returned; callbacks still pending');
      await asyncio.sleep(0);
      print('after one loop iteration');
    }
    await asyncio.run(coro(main));
  });

  conformance('futures', 'future_awaited_by_several_tasks', async ({ asyncio, print, py, str }) => {
    const { coro, aw } = asyncio;
    type F = InstanceType<typeof asyncio.Future>;
    async function waiter(name: string, fut: F, seen: unknown[]) {
      try {
        const value = await aw(fut);
        print(name, 'value', value);
      } catch (e) {
        if (!(e instanceof py.ValueError)) throw e;
        seen.push(e);
        print(name, 'error', str(e));
      }
    }
    async function main() {
      const loop = asyncio.getRunningLoop();
      for (const outcome of ['result', 'exception']) {
        const fut = loop.createFuture() as F;
        const seen: unknown[] = [];
        const tasks = ['w3', 'w1', 'w2'].map((n) => asyncio.createTask(coro(waiter, n, fut, seen)));
        await asyncio.sleep(0);
        print('all waiting; resolving with', outcome);
        if (outcome === 'result') fut.setResult([1, 2]);
        else fut.setException(new py.ValueError('shared'));
        await aw(asyncio.gather(...tasks));
        if (seen.length > 0) {
          print('same exception object:', seen.every((e) => e === seen[0]), 'count', seen.length);
        }
      }
    }
    await asyncio.run(coro(main));
  });

  conformance('futures', 'future_resolved_by_call_soon_and_call_later', async ({ asyncio, print }) => {
    const { coro, aw } = asyncio;
    type F = InstanceType<typeof asyncio.Future>;
    function resolve(fut: F, value: unknown) {
      print('resolving with', value);
      fut.setResult(value);
      print('  set_result returned, done =', fut.done());
    }
    async function main() {
      const loop = asyncio.getRunningLoop();
      const fSoon = loop.createFuture() as F;
      const fLate = loop.createFuture() as F;
      const fLater = loop.createFuture() as F;
      loop.callLater(0.02, resolve, fLate, 'late');
      loop.callLater(0.04, resolve, fLater, 'later');
      loop.callSoon(resolve, fSoon, 'soon');
      loop.callSoon(print, 'second call_soon callback');
      print('awaiting f_soon');
      print('got', await aw(fSoon));
      print('got', await aw(fLater));
      print('f_late was already done:', fLate.done(), '->', await aw(fLate));
    }
    await asyncio.run(coro(main));
  });

  conformance('futures', 'invalid_state_errors_on_pending_and_done', async ({ asyncio, print, repr, str }) => {
    const { coro } = asyncio;
    const { ValueError } = await import('../../../src/runtime/builtins/exceptions.js');
    type F = InstanceType<typeof asyncio.Future>;
    function attempt(label: string, fn: () => unknown) {
      try {
        const r = fn();
        print(`${label}: ok -> ${repr(r)}`);
      } catch (e) {
        print(`${label}: ${(e as object).constructor.name}: ${repr(str(e))}`);
      }
    }
    async function main() {
      const loop = asyncio.getRunningLoop();
      const pending = loop.createFuture() as F;
      attempt('pending.result()', () => pending.result());
      attempt('pending.exception()', () => pending.exception());
      const done = loop.createFuture() as F;
      done.setResult('v');
      attempt('done.set_result()', () => done.setResult('w'));
      attempt('done.set_exception()', () => done.setException(new ValueError('x')));
      attempt('done.cancel()', () => done.cancel());
      attempt('done.result()', () => done.result());
      const failed = loop.createFuture() as F;
      failed.setException(new ValueError('x'));
      attempt('failed.set_result()', () => failed.setResult(1));
      attempt('failed.exception()', () => failed.exception());
      const cancelled = loop.createFuture() as F;
      attempt('pending.cancel()', () => cancelled.cancel());
      attempt('cancelled.cancel()', () => cancelled.cancel());
      attempt('cancelled.set_result()', () => cancelled.setResult(1));
      attempt('cancelled.set_exception()', () => cancelled.setException(new ValueError()));
    }
    await asyncio.run(coro(main));
  });

  conformance('futures', 'set_exception_class_and_stopiteration', async ({ asyncio, print, repr, py, str }) => {
    const { coro, aw } = asyncio;
    type F = InstanceType<typeof asyncio.Future>;
    async function main() {
      const loop = asyncio.getRunningLoop();
      const f1 = loop.createFuture() as F;
      f1.setException(py.LookupError);
      const e = f1.exception()!;
      print('class given ->', e.constructor.name, repr(e));
      const f2 = loop.createFuture() as F;
      try {
        f2.setException(new py.StopIteration('x'));
      } catch (err) {
        if (!(err instanceof py.TypeError)) throw err;
        print('TypeError:', str(err));
      }
      print('f2 still pending:', !f2.done());
      f2.setResult('fine');
      print('f2 ->', await aw(f2));
      try {
        await aw(f1);
      } catch (err) {
        if (!(err instanceof py.LookupError)) throw err;
        print('awaiting f1 raised', err.constructor.name, err === e);
      }
    }
    await asyncio.run(coro(main));
  });
});
