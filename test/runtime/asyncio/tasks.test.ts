import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../../../src/runtime/builtins/exceptions.js';
import * as asyncio from '../../../src/runtime/asyncio/index.js';
import { CancelledError } from '../../../src/runtime/asyncio/exceptions.js';
import {
  parkCurrentTask,
  Task,
  wakeTask,
  wakeTaskWithException,
} from '../../../src/runtime/asyncio/tasks.js';

const { aw, coro } = asyncio;

describe('sleep', () => {
  it('raises CPython\'s TypeError for a delay that is not a number, and sleeps a bool as an int', async () => {
    const seen: string[] = [];
    async function main() {
      await asyncio.sleep(false as unknown as number);
      seen.push('slept False');
      for (const bad of ['soon', null, [1]]) {
        try {
          await asyncio.sleep(bad as unknown as number);
        } catch (error) {
          seen.push(`${(error as Error).constructor.name}: ${(error as Error).message}`);
        }
      }
    }
    await asyncio.run(coro(main));
    expect(seen).toEqual([
      'slept False',
      "TypeError: '<=' not supported between instances of 'str' and 'int'",
      "TypeError: '<=' not supported between instances of 'NoneType' and 'int'",
      "TypeError: '<=' not supported between instances of 'list' and 'int'",
    ]);
  });
});

describe('Task', () => {
  it('does not start when created: the first step runs after the creator suspends', async () => {
    const order: string[] = [];
    async function child() {
      order.push('child');
    }
    async function main() {
      asyncio.createTask(coro(child));
      order.push('created');
      await asyncio.sleep(0);
      order.push('main resumed');
    }
    await asyncio.run(coro(main));
    expect(order).toEqual(['created', 'child', 'main resumed']);
  });

  it('runs an awaited coroutine inline without letting other tasks run (await coro does not yield)', async () => {
    const order: string[] = [];
    async function helper() {
      order.push('helper');
    }
    async function main() {
      asyncio.createTask(coro(async () => void order.push('child')));
      await helper();
      order.push('main done');
    }
    await asyncio.run(coro(main));
    expect(order).toEqual(['helper', 'main done', 'child']);
  });

  it('never runs the body of a task cancelled before its first step', async () => {
    let ran = false;
    async function body() {
      ran = true;
    }
    async function main() {
      const t = asyncio.createTask(coro(body));
      t.cancel('early');
      await asyncio.sleep(0);
      return t;
    }
    const t = await asyncio.run(coro(main));
    expect(ran).toBe(false);
    expect(t.cancelled()).toBe(true);
  });

  it('throws CancelledError at the await point, where the body can catch it and finish normally', async () => {
    async function stubborn() {
      try {
        await asyncio.sleep(10);
      } catch (e) {
        expect(e).toBeInstanceOf(CancelledError);
        return 'recovered';
      }
      return 'slept';
    }
    async function main() {
      const t = asyncio.createTask(coro(stubborn));
      await asyncio.sleep(0);
      expect(t.cancel()).toBe(true);
      return [await aw(t), t.cancelled(), t.cancelling()] as const;
    }
    expect(await asyncio.run(coro(main))).toEqual(['recovered', false, 1]);
  });

  it('ends cancelled when the body returns after cancelling itself without awaiting', async () => {
    async function selfCancel() {
      asyncio.currentTask()!.cancel('self');
      return 'ignored';
    }
    async function main() {
      const t = asyncio.createTask(coro(selfCancel));
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      return t;
    }
    const t = await asyncio.run(coro(main));
    expect(t.cancelled()).toBe(true);
  });

  it('forwards cancel() to the task it awaits', async () => {
    async function inner() {
      await asyncio.sleep(10);
    }
    async function outer(t: Task) {
      await aw(t);
    }
    async function main() {
      const i = asyncio.createTask(coro(inner));
      const o = asyncio.createTask(coro(outer, i));
      await asyncio.sleep(0);
      o.cancel();
      await aw(asyncio.gather(o, { returnExceptions: true }));
      return [i.cancelled(), o.cancelled()];
    }
    expect(await asyncio.run(coro(main))).toEqual([true, true]);
  });

  it('refuses setResult and setException', async () => {
    async function main() {
      const t = asyncio.createTask(coro(async () => 1));
      expect(() => t.setResult(2)).toThrow(RuntimeError);
      expect(() => t.setException(new RuntimeError())).toThrow(RuntimeError);
      return aw(t);
    }
    expect(await asyncio.run(coro(main))).toBe(1);
  });

  it('is returned, not adopted, when an async function returns it (tasks are not thenables)', async () => {
    async function spawn() {
      return asyncio.createTask(coro(async () => 'inner'));
    }
    async function main() {
      const t = await spawn();
      expect(t).toBeInstanceOf(Task);
      return aw(t);
    }
    expect(await asyncio.run(coro(main))).toBe('inner');
  });

  it('prints its state, name, coroutine and awaited future', async () => {
    async function sleeper() {
      await asyncio.sleep(10);
    }
    async function main() {
      const t = asyncio.createTask(coro(sleeper), { name: 'w' });
      expect(t.__repr__()).toBe("<Task pending name='w' coro=<sleeper() running>>");
      await asyncio.sleep(0);
      expect(t.__repr__()).toBe(
        "<Task pending name='w' coro=<sleeper() running> wait_for=<Future pending cb=[Task.task_wakeup()]>>",
      );
      t.cancel();
      await asyncio.sleep(0);
      expect(t.__repr__()).toBe("<Task cancelled name='w' coro=<sleeper() done>>");
    }
    await asyncio.run(coro(main));
  });
});

describe('park and wake primitives', () => {
  it('parkCurrentTask suspends the task until wakeTask, which resumes it in the next iteration with the value', async () => {
    const order: string[] = [];
    let parked: Task | null = null;
    async function waiter() {
      parked = asyncio.currentTask();
      order.push('parking');
      const value = await parkCurrentTask(() => order.push('detached'));
      order.push(`woke with ${String(value)}`);
    }
    async function main() {
      const t = asyncio.createTask(coro(waiter));
      await asyncio.sleep(0);
      wakeTask(parked!, 42);
      asyncio.getRunningLoop().callSoon(() => order.push('callback queued after the wake'));
      order.push('main continues');
      await aw(t);
    }
    await asyncio.run(coro(main));
    expect(order).toEqual(['parking', 'main continues', 'woke with 42', 'callback queued after the wake']);
  });

  it('wakeTaskWithException throws the exception at the parked await', async () => {
    let parked: Task | null = null;
    async function waiter() {
      parked = asyncio.currentTask();
      try {
        await parkCurrentTask(() => undefined);
      } catch (e) {
        return e;
      }
      return null;
    }
    async function main() {
      const t = asyncio.createTask(coro(waiter));
      await asyncio.sleep(0);
      const exc = new RuntimeError('boom');
      wakeTaskWithException(parked!, exc);
      expect(await aw(t)).toBe(exc);
    }
    await asyncio.run(coro(main));
  });

  it('cancelling a parked task calls its cancel hook and delivers CancelledError with the message', async () => {
    const hookCalls: Task[] = [];
    async function waiter() {
      await parkCurrentTask((task) => hookCalls.push(task));
    }
    async function main() {
      const t = asyncio.createTask(coro(waiter));
      await asyncio.sleep(0);
      expect(t.cancel('stop')).toBe(true);
      expect(hookCalls).toEqual([t]);
      try {
        await aw(t);
      } catch (e) {
        return (e as CancelledError).args;
      }
      return null;
    }
    expect(await asyncio.run(coro(main))).toEqual(['stop']);
  });

  it('a task already woken but not yet resumed gets CancelledError instead of the value when cancelled', async () => {
    let parked: Task | null = null;
    const hookCalls: Task[] = [];
    async function waiter() {
      parked = asyncio.currentTask();
      return await parkCurrentTask((task) => hookCalls.push(task));
    }
    async function main() {
      const t = asyncio.createTask(coro(waiter));
      await asyncio.sleep(0);
      wakeTask(parked!, 'value');
      t.cancel();
      await aw(asyncio.gather(t, { returnExceptions: true }));
      return t.cancelled();
    }
    expect(await asyncio.run(coro(main))).toBe(true);
    expect(hookCalls).toEqual([]);
  });
});

describe('task scheduling at scale', () => {
  it('starts many tasks from inside parked steps without nesting their bodies on one stack', async () => {
    let finished = 0;
    async function worker(depth: number): Promise<number> {
      if (depth > 0) return worker(depth - 1);
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      finished += 1;
      return finished;
    }
    async function main() {
      const tasks = [];
      for (let i = 0; i < 20000; i++) tasks.push(asyncio.createTask(coro(worker, 50)));
      await aw(asyncio.gather(...tasks));
    }
    await asyncio.run(coro(main));
    expect(finished).toBe(20000);
  });
});
