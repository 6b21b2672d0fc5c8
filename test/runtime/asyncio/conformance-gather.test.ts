// Ports of conformance/gather: result order, return_exceptions, failure and cancellation semantics.

import { describe } from 'vitest';
import { conformance } from './ported-program.js';

describe('conformance/gather', () => {
  conformance('gather', 'cancel_gather_cancels_children', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    const { tupleFrom } = await import('../../../src/runtime/builtins/tuple.js');
    async function child(n: number) {
      try {
        await asyncio.sleep(1);
      } finally {
        print('child', n, 'finally');
      }
    }
    async function main() {
      const t1 = asyncio.createTask(coro(child, 1));
      const t2 = asyncio.createTask(coro(child, 2));
      const g = asyncio.gather(t1, t2);
      await asyncio.sleep(0);
      print('g.cancel() ->', g.cancel('stop it'));
      print('right after: g.done', g.done(), 't1.cancelled', t1.cancelled());
      try {
        await aw(g);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print('await g -> CancelledError args', repr(tupleFrom(e.args)));
      }
      print('children cancelled:', t1.cancelled(), t2.cancelled());
      print('g.done', g.done(), 'g.cancelled', g.cancelled(), 'g.exception', repr(g.exception()));
      print('g.cancel() again ->', g.cancel());
    }
    await asyncio.run(coro(main));
  });

  conformance('gather', 'child_cancelled_raises_cancelled_error', async ({ asyncio, print, repr, py }) => {
    const { coro, aw } = asyncio;
    const { tupleFrom } = await import('../../../src/runtime/builtins/tuple.js');
    async function sleeper(name: string, ticks: number) {
      for (let i = 0; i < ticks; i++) await asyncio.sleep(0);
      print(name, 'finished');
      return name;
    }
    async function main() {
      for (const flag of [false, true]) {
        print('-- return_exceptions =', flag);
        const victim = asyncio.createTask(coro(sleeper, 'victim', 5));
        const other = asyncio.createTask(coro(sleeper, 'other', 2));
        const g = asyncio.gather(victim, other, { returnExceptions: flag });
        await asyncio.sleep(0);
        victim.cancel('picked');
        try {
          const results = await aw(g);
          print('results:', repr(results.map((r) => (r instanceof py.BaseException ? r.constructor.name : r))));
          print('cancel message kept:', repr(tupleFrom(results[0].args)));
        } catch (e) {
          if (!(e instanceof asyncio.CancelledError)) throw e;
          print('gather raised CancelledError args', repr(tupleFrom(e.args)), '| other done:', other.done());
          await aw(other);
        }
      }
    }
    await asyncio.run(coro(main));
  });

  conformance('gather', 'coroutines_wrapped_in_argument_order', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    async function job(name: string) {
      print('start', name, asyncio.currentTask()!.getName());
      await asyncio.sleep(0);
      return name;
    }
    async function main() {
      const early = asyncio.createTask(coro(job, 'early-task'));
      const shared = coro(job, 'shared');
      const g = asyncio.gather(coro(job, 'x'), early, shared, coro(job, 'y'), shared);
      print('gather created; nothing started yet');
      print('results:', repr(await aw(g)));
    }
    await asyncio.run(coro(main));
  });

  conformance('gather', 'empty_and_nested_gathers', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    async function val(v: string, ticks: number) {
      for (let i = 0; i < ticks; i++) await asyncio.sleep(0);
      print('val', v);
      return v;
    }
    async function main() {
      const empty = asyncio.gather();
      print('empty gather done immediately:', empty.done(), '->', repr(await aw(empty)));
      const inner1 = asyncio.gather(coro(val, 'a', 2), coro(val, 'b', 0));
      const inner2 = asyncio.gather(coro(val, 'c', 1));
      const result = await aw(asyncio.gather(inner1, coro(val, 'd', 3), inner2, asyncio.gather()));
      print('nested:', repr(result));
    }
    await asyncio.run(coro(main));
  });

  conformance('gather', 'exception_uncaught_leftover_children_cancelled', async ({ asyncio, print, py }) => {
    const { coro, aw } = asyncio;
    async function slow() {
      try {
        await asyncio.sleep(1);
      } finally {
        print('slow child cancelled during shutdown');
      }
    }
    async function boom() {
      await asyncio.sleep(0);
      throw new py.ArithmeticError('overflowed');
    }
    async function main() {
      print('main starts');
      await aw(asyncio.gather(coro(slow), coro(boom)));
      print('not reached');
    }
    await asyncio.run(coro(main));
  });

  conformance('gather', 'first_exception_propagates_others_continue', async ({ asyncio, print, repr, py, str }) => {
    const { coro, aw } = asyncio;
    async function child(name: string, ticks: number, fail = false) {
      for (let i = 0; i < ticks; i++) await asyncio.sleep(0);
      if (fail) {
        print(name, 'raises');
        throw new py.RuntimeError(`${name} failed`);
      }
      print(name, 'finishes');
      return name;
    }
    async function main() {
      const a = asyncio.createTask(coro(child, 'a', 4));
      const b = asyncio.createTask(coro(child, 'b', 1, true));
      const c = asyncio.createTask(coro(child, 'c', 2, true));
      const g = asyncio.gather(a, b, c);
      try {
        await aw(g);
      } catch (e) {
        if (!(e instanceof py.RuntimeError)) throw e;
        print('main caught:', str(e), '| a done:', a.done(), '| c done:', c.done());
      }
      print('gather done:', g.done(), 'exception:', repr(g.exception()));
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      print('later: a result', a.result(), '| c exception', repr(c.exception()));
    }
    await asyncio.run(coro(main));
  });

  conformance('gather', 'results_in_argument_order', async ({ asyncio, print, repr }) => {
    const { coro, aw } = asyncio;
    async function worker(name: string, ticks: number) {
      print('start', name);
      for (let i = 0; i < ticks; i++) await asyncio.sleep(0);
      print('finish', name, 'after', ticks, 'ticks');
      return name + name;
    }
    async function main() {
      const results = await aw(
        asyncio.gather(coro(worker, 'a', 3), coro(worker, 'b', 1), coro(worker, 'c', 0), coro(worker, 'd', 2)),
      );
      print('results:', repr(results));
    }
    await asyncio.run(coro(main));
  });

  conformance('gather', 'return_exceptions_true_collects_errors', async ({ asyncio, print, repr, py }) => {
    const { coro, aw } = asyncio;
    async function ok(v: number, ticks: number) {
      for (let i = 0; i < ticks; i++) await asyncio.sleep(0);
      print('ok', v);
      return v;
    }
    async function fail(exc: InstanceType<typeof py.BaseException>, ticks: number) {
      for (let i = 0; i < ticks; i++) await asyncio.sleep(0);
      print('raising', exc.constructor.name);
      throw exc;
    }
    async function main() {
      const results = await aw(
        asyncio.gather(coro(ok, 1, 2), coro(fail, new py.ValueError('bad'), 0), coro(ok, 3, 1), coro(fail, new py.KeyError('k'), 3), {
          returnExceptions: true,
        }),
      );
      for (const r of results) print(typeof r === 'number' ? 'int' : (r as object).constructor.name, repr(r));
    }
    await asyncio.run(coro(main));
  });
});
