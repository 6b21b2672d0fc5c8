import { afterEach, describe, expect, it } from 'vitest';
import { KeyError, StopIteration, TypeError, ValueError } from '../../../src/runtime/builtins/exceptions.js';
import { BaseEventLoop } from '../../../src/runtime/asyncio/base-events.js';
import { CancelledError, InvalidStateError } from '../../../src/runtime/asyncio/exceptions.js';
import { Future, isfuture } from '../../../src/runtime/asyncio/futures.js';
import '../../../src/runtime/asyncio/index.js';

let loop: BaseEventLoop;
const newLoop = () => (loop = new BaseEventLoop());
afterEach(() => loop?.close());

/** Run the loop for one iteration (stop() before run_forever runs exactly the ready batch). */
async function oneIteration(): Promise<void> {
  loop.stop();
  await loop.runForever();
}

describe('Future', () => {
  it('result() of a pending future raises InvalidStateError with the C message', () => {
    const fut = new Future({ loop: newLoop() });
    expect(() => fut.result()).toThrow(InvalidStateError);
    try {
      fut.result();
    } catch (e) {
      expect((e as InvalidStateError).args).toEqual(['Result is not set.']);
    }
  });

  it('setResult on a done future raises InvalidStateError("invalid state")', () => {
    const fut = new Future({ loop: newLoop() });
    fut.setResult(1);
    expect(() => fut.setResult(2)).toThrow(/invalid state|InvalidStateError/);
    expect(fut.result()).toBe(1);
  });

  it('setException instantiates an exception class and refuses StopIteration and non-exceptions', () => {
    const fut = new Future({ loop: newLoop() });
    expect(() => fut.setException(new StopIteration())).toThrow(TypeError);
    expect(() => fut.setException(42)).toThrow(TypeError);
    expect(fut.done()).toBe(false);
    fut.setException(KeyError);
    expect(fut.exception()).toBeInstanceOf(KeyError);
  });

  it('cancel() returns false once done, and result() then raises CancelledError with the message', () => {
    const fut = new Future({ loop: newLoop() });
    expect(fut.cancel('why')).toBe(true);
    expect(fut.cancel()).toBe(false);
    expect(fut.cancelled()).toBe(true);
    expect(() => fut.result()).toThrow(CancelledError);
    try {
      fut.exception();
    } catch (e) {
      expect((e as CancelledError).args).toEqual(['why']);
    }
  });

  it('never calls a done callback synchronously: callbacks run in the next iteration, in registration order', async () => {
    const fut = new Future<number>({ loop: newLoop() });
    const seen: string[] = [];
    fut.addDoneCallback((f: Future<number>) => seen.push(`a${f.result()}`));
    fut.addDoneCallback((f: Future<number>) => seen.push(`b${f.result()}`));
    fut.setResult(7);
    expect(seen).toEqual([]);
    await oneIteration();
    expect(seen).toEqual(['a7', 'b7']);
  });

  it('schedules a callback added to an already-done future with call_soon', async () => {
    const fut = new Future({ loop: newLoop() });
    fut.setResult(null);
    const seen: string[] = [];
    loop.callSoon(() => seen.push('earlier'));
    fut.addDoneCallback(() => seen.push('callback'));
    expect(seen).toEqual([]);
    await oneIteration();
    expect(seen).toEqual(['earlier', 'callback']);
  });

  it('removeDoneCallback removes every registration of the function and returns the count', () => {
    const fut = new Future({ loop: newLoop() });
    const cb = () => undefined;
    fut.addDoneCallback(cb);
    fut.addDoneCallback(() => undefined);
    fut.addDoneCallback(cb);
    expect(fut.removeDoneCallback(cb)).toBe(2);
    expect(fut.removeDoneCallback(cb)).toBe(0);
  });

  it('prints like CPython in each state', () => {
    newLoop();
    const pending = new Future({ loop });
    const done = new Future({ loop });
    done.setResult('x'.repeat(40));
    const failed = new Future({ loop });
    failed.setException(new ValueError('b'));
    failed.exception();
    const cancelled = new Future({ loop });
    cancelled.cancel();
    expect(pending.__repr__()).toBe('<Future pending>');
    expect(done.__repr__()).toBe("<Future finished result='xxxxxxxxxxxx...xxxxxxxxxxxxx'>");
    expect(failed.__repr__()).toBe("<Future finished exception=ValueError('b')>");
    expect(cancelled.__repr__()).toBe('<Future cancelled>');
  });

  it('is not a thenable, so an async function returning one returns the future itself', async () => {
    const fut = new Future({ loop: newLoop() });
    const returnsFuture = async () => fut;
    expect(await returnsFuture()).toBe(fut);
    expect(isfuture(fut)).toBe(true);
    expect(isfuture({})).toBe(false);
  });
});
