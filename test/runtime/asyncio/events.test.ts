import { describe, expect, it } from 'vitest';
import { RuntimeError, TypeError } from '../../../src/runtime/builtins/exceptions.js';
import * as asyncio from '../../../src/runtime/asyncio/index.js';

describe('event loop policy', () => {
  it('getRunningLoop raises RuntimeError outside a running loop', () => {
    expect(() => asyncio.getRunningLoop()).toThrow(RuntimeError);
  });

  it('newEventLoop makes a distinct loop without setting it; setEventLoop makes it current', () => {
    const current = asyncio.getEventLoop();
    const fresh = asyncio.newEventLoop();
    expect(fresh).not.toBe(current);
    expect(asyncio.getEventLoop()).toBe(current);
    asyncio.setEventLoop(fresh);
    expect(asyncio.getEventLoop()).toBe(fresh);
    (current as asyncio.BaseEventLoop).close();
    (fresh as asyncio.BaseEventLoop).close();
  });

  it("setEventLoop refuses a non-loop with CPython's message", () => {
    expect(() => asyncio.setEventLoop(5 as never)).toThrow(TypeError);
    try {
      asyncio.setEventLoop(5 as never);
    } catch (e) {
      expect((e as TypeError).args).toEqual(["loop must be an instance of AbstractEventLoop or None, not 'int'"]);
    }
  });

  it('after setEventLoop(null), getEventLoop raises instead of creating a loop', () => {
    asyncio.setEventLoop(null);
    expect(() => asyncio.getEventLoop()).toThrow(RuntimeError);
  });

  it('a Handle prints its callback and arguments, and a cancelled one says so', () => {
    const loop = asyncio.newEventLoop() as asyncio.BaseEventLoop;
    function cb(_a: number, _b: string) {}
    const h = loop.callSoon(cb, 1, 'x');
    expect(h.__repr__()).toBe("<Handle cb(1, 'x')>");
    h.cancel();
    expect(h.__repr__()).toBe('<Handle cancelled>');
    loop.close();
  });
});
