import { describe, expect, it } from 'vitest';
import { RuntimeError, TypeError } from '../../../src/runtime/builtins/exceptions.js';
import * as asyncio from '../../../src/runtime/asyncio/index.js';

const { aw, coro } = asyncio;

describe('coroutine objects', () => {
  it('run nothing until awaited, then run once', async () => {
    let runs = 0;
    async function body(x: number) {
      runs += 1;
      return x * 2;
    }
    async function main() {
      const c = coro(body, 21);
      expect(runs).toBe(0);
      const value = await aw(c);
      // raised at the await (a microtask later: whether the first run ended is read from its promise)
      await expect(aw(c) as Promise<unknown>).rejects.toBeInstanceOf(RuntimeError);
      await expect(aw(c) as Promise<unknown>).rejects.toThrow('cannot reuse already awaited coroutine');
      return value;
    }
    expect(await asyncio.run(coro(main))).toBe(42);
    expect(runs).toBe(1);
  });

  it("refuse a second await while the first is suspended ('coroutine is being awaited already')", async () => {
    async function slow() {
      await asyncio.sleep(0);
    }
    async function main() {
      const c = coro(slow);
      const first = asyncio.createTask(c);
      await asyncio.sleep(0);
      expect(() => aw(c)).toThrow(/being awaited already|RuntimeError/);
      await aw(first);
    }
    await asyncio.run(coro(main));
  });

  it('are recognised by iscoroutine, and async functions by iscoroutinefunction', () => {
    async function f() {}
    const c = coro(f);
    expect(asyncio.iscoroutine(c)).toBe(true);
    expect(asyncio.iscoroutine(f)).toBe(false);
    expect(asyncio.iscoroutinefunction(f)).toBe(true);
    expect(asyncio.iscoroutinefunction(() => null)).toBe(false);
    c.close();
  });
});

describe('aw', () => {
  it('returns the result of a done future without suspending the task', async () => {
    const order: string[] = [];
    async function main() {
      const fut = asyncio.getRunningLoop().createFuture();
      fut.setResult('ready');
      asyncio.createTask(coro(async () => void order.push('other')));
      order.push(`${await aw(fut)} ${await aw(fut)}`);
      await asyncio.sleep(0);
      order.push('end');
    }
    await asyncio.run(coro(main));
    expect(order).toEqual(['ready ready', 'other', 'end']);
  });

  it('keeps a task awaiting a foreign promise under the loop: current_task is still the task afterwards', async () => {
    async function main() {
      const me = asyncio.currentTask();
      const value = await aw(new Promise((resolve) => setTimeout(() => resolve('io'), 5)));
      return [value, asyncio.currentTask() === me];
    }
    expect(await asyncio.run(coro(main))).toEqual(['io', true]);
  });

  it("raises TypeError for something that cannot be awaited (\"object int can't be used in 'await' expression\")", async () => {
    async function main() {
      expect(() => aw(5)).toThrow(TypeError);
    }
    await asyncio.run(coro(main));
  });
});
