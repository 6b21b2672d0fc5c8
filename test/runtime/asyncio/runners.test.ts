import { describe, expect, it } from 'vitest';
import { RuntimeError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import * as asyncio from '../../../src/runtime/asyncio/index.js';

const { coro } = asyncio;

describe('asyncio.run', () => {
  it("returns main's result, then cancels the tasks left and runs their clean-up", async () => {
    const order: string[] = [];
    async function ticker() {
      try {
        for (;;) await asyncio.sleep(0.01);
      } finally {
        order.push('ticker cancelled at shutdown');
      }
    }
    async function main() {
      asyncio.createTask(coro(ticker));
      await asyncio.sleep(0.03);
      order.push('main done');
      return 'result';
    }
    expect(await asyncio.run(coro(main))).toBe('result');
    expect(order).toEqual(['main done', 'ticker cancelled at shutdown']);
  });

  it('closes its loop and unsets it, so get_event_loop() afterwards raises RuntimeError', async () => {
    const loop = await asyncio.run(coro(async () => asyncio.getRunningLoop()));
    expect(loop.isClosed()).toBe(true);
    expect(() => asyncio.getEventLoop()).toThrow(RuntimeError);
    asyncio.setEventLoop(asyncio.newEventLoop());
  });

  it('refuses a non-coroutine with ValueError and a call from a running loop with RuntimeError', async () => {
    await expect(asyncio.run(5 as never)).rejects.toBeInstanceOf(ValueError);
    async function main() {
      const inner = coro(async () => undefined);
      await expect(asyncio.run(inner)).rejects.toBeInstanceOf(RuntimeError);
      inner.close();
    }
    await asyncio.run(coro(main));
  });

  it('Runner runs several coroutines on one loop and closes it once', async () => {
    const runner = new asyncio.Runner();
    const a = await runner.run(coro(async () => asyncio.getRunningLoop()));
    const b = await runner.run(coro(async () => asyncio.getRunningLoop()));
    expect(a).toBe(b);
    expect(a.isClosed()).toBe(false);
    await runner.close();
    expect(a.isClosed()).toBe(true);
  });
});

describe('asyncio.Runner as a context manager', () => {
  it('__enter__ gives the runner with its loop ready, and the awaited __exit__ closes it', async () => {
    const runner = new asyncio.Runner();
    const entered = runner.__enter__();
    expect(entered).toBe(runner);
    const loop = runner.getLoop();
    expect(await runner.run(coro(async () => 'inside'))).toBe('inside');
    expect(await runner.__exit__()).toBe(false);
    expect(loop.isClosed()).toBe(true);
  });
});
