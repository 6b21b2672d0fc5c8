import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyboardInterrupt, RuntimeError, TypeError, ZeroDivisionError } from '../../../src/runtime/builtins/exceptions.js';
import * as asyncio from '../../../src/runtime/asyncio/index.js';
import { BaseEventLoop } from '../../../src/runtime/asyncio/base-events.js';

const { coro } = asyncio;
let loop: BaseEventLoop;
const newLoop = () => (loop = new BaseEventLoop());
afterEach(() => {
  if (loop !== undefined && !loop.isRunning()) loop.close();
});

function captureStderr(): { text: () => string; restore: () => void } {
  let text = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  return { text: () => text, restore: () => spy.mockRestore() };
}

describe('BaseEventLoop', () => {
  it('runs call_soon callbacks FIFO; one scheduled by a callback runs in the next iteration', async () => {
    const seen: string[] = [];
    newLoop();
    loop.callSoon(() => {
      seen.push('a');
      loop.callSoon(() => seen.push('from a'));
    });
    loop.callSoon(() => seen.push('b'));
    loop.stop();
    await loop.runForever();
    expect(seen).toEqual(['a', 'b']);
    loop.stop();
    await loop.runForever();
    expect(seen).toEqual(['a', 'b', 'from a']);
  });

  it('runs due timers after the callbacks already ready, and equal deadlines in heapq order (trap 9.14)', async () => {
    const seen: string[] = [];
    async function main() {
      const l = asyncio.getRunningLoop();
      l.callLater(0, () => seen.push('call_later(0)'));
      l.callSoon(() => seen.push('call_soon'));
      await asyncio.sleep(0);
      seen.push('after sleep(0)');
      const now = l.time();
      for (let i = 0; i < 6; i++) l.callAt(now + 0.01, () => seen.push(`deadline ${i}`));
      await asyncio.sleep(0.02);
    }
    await asyncio.run(coro(main));
    expect(seen).toEqual([
      'call_soon',
      'after sleep(0)',
      'call_later(0)',
      'deadline 0',
      'deadline 2',
      'deadline 5',
      'deadline 1',
      'deadline 3',
      'deadline 4',
    ]);
  });

  it('gives two call_later calls made one after the other different deadlines (high-resolution clock)', () => {
    newLoop();
    const a = loop.callLater(1, () => undefined);
    const b = loop.callLater(1, () => undefined);
    expect(b.when()).toBeGreaterThan(a.when());
    a.cancel();
    b.cancel();
  });

  it('logs an exception raised by a callback through the default handler and keeps running', async () => {
    const stderr = captureStderr();
    const seen: string[] = [];
    try {
      newLoop();
      function cb() {
        throw new ZeroDivisionError('in callback');
      }
      loop.callSoon(cb);
      loop.callSoon(() => seen.push('next callback'));
      loop.stop();
      await loop.runForever();
    } finally {
      stderr.restore();
    }
    expect(seen).toEqual(['next callback']);
    expect(stderr.text()).toMatch(/^Exception in callback cb\(\)\nhandle: <Handle cb\(\)>\n/);
    expect(stderr.text().trimEnd().split('\n').pop()).toBe('ZeroDivisionError: in callback');
  });

  it('lets KeyboardInterrupt from a callback propagate out of runForever, leaving later callbacks queued', async () => {
    const seen: string[] = [];
    newLoop();
    loop.callSoon(() => {
      throw new KeyboardInterrupt();
    });
    loop.callSoon(() => seen.push('still queued'));
    await expect(loop.runForever()).rejects.toBeInstanceOf(KeyboardInterrupt);
    expect(loop.isRunning()).toBe(false);
    expect(seen).toEqual([]);
    loop.stop();
    await loop.runForever();
    expect(seen).toEqual(['still queued']);
  });

  it("runUntilComplete raises 'Event loop stopped before Future completed.' when stop() comes first", async () => {
    newLoop();
    const fut = loop.createFuture();
    loop.callSoon(() => loop.stop());
    await expect(loop.runUntilComplete(fut)).rejects.toBeInstanceOf(RuntimeError);
    fut.cancel();
  });

  it('refuses to run twice, to close while running, and any work once closed', async () => {
    newLoop();
    async function main() {
      expect(() => loop.close()).toThrow(RuntimeError);
      await expect(loop.runForever()).rejects.toThrow();
    }
    await loop.runUntilComplete(coro(main)).catch(() => undefined);
    loop.close();
    loop.close();
    expect(() => loop.callSoon(() => undefined)).toThrow(RuntimeError);
    expect(() => loop.callLater(1, () => undefined)).toThrow(RuntimeError);
    expect(() => loop.runForever()).toThrow(RuntimeError);
  });

  it('checks its arguments: call_later(None) and a non-callable exception handler are TypeErrors', () => {
    newLoop();
    expect(() => loop.callLater(null as unknown as number, () => undefined)).toThrow(TypeError);
    expect(() => loop.setExceptionHandler(5 as never)).toThrow(TypeError);
  });

  it('reports a task exception nobody retrieved when the loop closes', async () => {
    const stderr = captureStderr();
    try {
      newLoop();
      async function bad() {
        throw new ZeroDivisionError('lost');
      }
      loop.createTask(coro(bad));
      loop.callSoon(() => loop.stop());
      loop.callSoon(() => undefined);
      await loop.runForever();
      loop.stop();
      await loop.runForever();
      loop.close();
    } finally {
      stderr.restore();
    }
    expect(stderr.text()).toMatch(/^Task exception was never retrieved\nfuture: <Task finished name='Task-\d+' coro=<bad\(\) done> exception=ZeroDivisionError\('lost'\)>\n/);
  });

  it('keeps the process alive while it waits for a timer, and sleeps about as long as asked', async () => {
    newLoop();
    const start = performance.now();
    await loop.runUntilComplete(coro(asyncio.sleep, 0.05));
    expect(performance.now() - start).toBeGreaterThanOrEqual(49);
  });
});

describe('BaseEventLoop.close', () => {
  it("reports a task left pending as 'Task was destroyed but it is pending!'", async () => {
    const stderr = captureStderr();
    try {
      newLoop();
      async function worker() {
        await asyncio.sleep(10);
      }
      loop.createTask(coro(worker), { name: 'w' });
      loop.callSoon(() => loop.stop());
      await loop.runForever();
      loop.close();
    } finally {
      stderr.restore();
    }
    expect(stderr.text()).toBe(
      "Task was destroyed but it is pending!\ntask: <Task pending name='w' coro=<worker() running> wait_for=<Future pending cb=[Task.task_wakeup()]>>\n",
    );
  });
});
